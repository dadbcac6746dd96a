package com.kreativnomentorstvo.notifications.recipient;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Every participant this service may write to. */
interface Recipients extends MongoRepository<Recipient, String> {

	List<Recipient> findByProgrammeId(String programmeId);

	List<Recipient> findByAccountId(String accountId);

	List<Recipient> findByRoleAndOrganisationId(String role, String organisationId);

}
