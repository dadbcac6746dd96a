package com.kreativnomentorstvo.participants.integration;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Every integration registered on this instance. */
interface Integrations extends MongoRepository<Integration, String> {

	Page<Integration> findByOrganisationId(String organisationId, Pageable pageable);

}
