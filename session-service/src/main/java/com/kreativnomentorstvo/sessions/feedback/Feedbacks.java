package com.kreativnomentorstvo.sessions.feedback;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Feedback on sessions. */
public interface Feedbacks extends MongoRepository<Feedback, String> {

	List<Feedback> findBySessionId(String sessionId);

	List<Feedback> findByProgrammeId(String programmeId);

	List<Feedback> findByAuthorId(String authorId);

}
