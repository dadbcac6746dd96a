package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A link to set the password of an account was issued: an invitation sent again, or a password
 * reset someone asked for. The link is only valid with the signature the platform adds when it
 * writes the e-mail, and only once.
 *
 * @param recipientId who receives the e-mail: a participant id, or a coordinator's account id
 * @param programmeId the programme of the participant it goes to, if any
 * @param purpose {@code INVITATION} or {@code RESET}
 */
public record PasswordLinkIssued(String recipientId, String accountId, String programmeId, String organisationId,
		String purpose, String linkId, Instant expiresAt, Instant issuedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return recipientId;
	}

}
