package com.kreativnomentorstvo.sessions.message;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The pairs' private messages. */
public interface Messages extends MongoRepository<Message, String> {

	Page<Message> findByMentorshipId(String mentorshipId, Pageable page);

	long countByMentorshipId(String mentorshipId);

	List<Message> findByAuthorId(String authorId);

	long deleteByAuthorId(String authorId);

}
