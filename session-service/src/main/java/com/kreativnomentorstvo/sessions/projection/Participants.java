package com.kreativnomentorstvo.sessions.projection;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The participants this service has heard of. */
public interface Participants extends MongoRepository<Participant, String> {

	List<Participant> findByProgrammeId(String programmeId);

}
