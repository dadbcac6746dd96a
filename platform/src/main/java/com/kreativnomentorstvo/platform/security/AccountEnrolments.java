package com.kreativnomentorstvo.platform.security;

import java.util.Set;

/**
 * Which enrolments (participant ids) belong to an account, as one service knows them: from the
 * account reference on the participants it learnt of through events (or, in participant-service,
 * owns). A service without participants needs none; then every caller holds no enrolment.
 */
@FunctionalInterface
public interface AccountEnrolments {

	/** The participant ids of the account's enrolments that are not erased; empty if none. */
	Set<String> of(String accountId);

}
