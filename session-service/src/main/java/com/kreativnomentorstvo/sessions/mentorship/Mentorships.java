package com.kreativnomentorstvo.sessions.mentorship;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/** Every pair this service knows. */
public interface Mentorships extends MongoRepository<Mentorship, String> {

	List<Mentorship> findByProgrammeId(String programmeId);

	@Query("{ '$or': [ { 'mentorId': ?0 }, { 'menteeId': ?0 } ] }")
	List<Mentorship> findWithMember(String participantId);

}
