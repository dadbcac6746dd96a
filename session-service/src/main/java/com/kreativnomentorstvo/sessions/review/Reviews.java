package com.kreativnomentorstvo.sessions.review;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Milestone reviews of the pairs. */
public interface Reviews extends MongoRepository<Review, String> {

	List<Review> findByMentorshipId(String mentorshipId);

	List<Review> findByProgrammeId(String programmeId);

	List<Review> findByAuthorId(String authorId);

}
