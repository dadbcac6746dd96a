package com.kreativnomentorstvo.sessions.session;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/** Every session of every pair. */
public interface Sessions extends MongoRepository<Session, String> {

	Page<Session> findByMentorshipId(String mentorshipId, Pageable pageable);

	List<Session> findByMentorshipIdAndStatusAndStartAfter(String mentorshipId, SessionStatus status, Instant after);

	List<Session> findByProgrammeId(String programmeId);

	@Query("{ '$or': [ { 'mentorId': ?0 }, { 'menteeId': ?0 } ] }")
	List<Session> findWithMember(String participantId);

}
