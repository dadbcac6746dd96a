package com.kreativnomentorstvo.participants.coordinator;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Every coordinator appointed on this instance, removed ones as bare records; keyed by account id. */
public interface Coordinators extends MongoRepository<Coordinator, String> {

	Page<Coordinator> findByOrganisationIdAndRemovedAtIsNull(String organisationId, Pageable pageable);

}
