package com.kreativnomentorstvo.notifications.recipient;

import java.util.Set;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.security.AccountEnrolments;

/**
 * Tells the platform which enrolments belong to the signed-in account: the participants this
 * service learnt of whose profile (or admission, or invitation) named that account, erased ones
 * excluded. Coordinators' own (staff) records are not enrolments.
 */
@Component
class Enrolments implements AccountEnrolments {

	private final RecipientDirectory recipients;

	Enrolments(RecipientDirectory recipients) {
		this.recipients = recipients;
	}

	@Override
	public Set<String> of(String accountId) {
		return recipients.enrolmentsOf(accountId);
	}

}
