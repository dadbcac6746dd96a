package com.kreativnomentorstvo.participants.returning;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Every invitation to return as a mentor. */
interface ReturnInvitations extends MongoRepository<ReturnInvitation, String> {

	Optional<ReturnInvitation> findByLinkId(String linkId);

}
