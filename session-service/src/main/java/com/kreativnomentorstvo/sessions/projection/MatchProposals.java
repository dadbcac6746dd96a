package com.kreativnomentorstvo.sessions.projection;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Proposed matches, for the progress report's "unanswered" list. */
public interface MatchProposals extends MongoRepository<MatchProposal, String> {

	List<MatchProposal> findByProgrammeIdAndState(String programmeId, MatchProposal.State state);

}
