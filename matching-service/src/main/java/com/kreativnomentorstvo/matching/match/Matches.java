package com.kreativnomentorstvo.matching.match;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Every match, open, running or closed. */
public interface Matches extends MongoRepository<Match, String> {

	List<Match> findByStatusAndRespondByBefore(MatchStatus status, Instant before, Pageable page);

	List<Match> findByMentorIdAndStatusIn(String mentorId, Collection<MatchStatus> statuses);

	List<Match> findByMenteeIdAndStatusIn(String menteeId, Collection<MatchStatus> statuses);

	List<Match> findByProgrammeIdAndStatus(String programmeId, MatchStatus status);

	/** Extended mentorships whose day may have come by the date (in any time zone). */
	List<Match> findByStatusAndExtendedUntilLessThanEqual(MatchStatus status, LocalDate latest, Pageable page);

}
