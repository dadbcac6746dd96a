package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A coordinator admitted an applicant. Her enrolment now belongs to an account at the identity
 * provider (created for her, or the one she already had), with which she signs in.
 *
 * @param accountId the account (the tokens' {@code sub}) the enrolment belongs to from now on
 * @param passwordLinkId present when the account has no password yet: the link with which she sets it
 * @param passwordLinkExpiresAt when that link expires
 */
public record ParticipantAdmitted(String participantId, String programmeId, String organisationId, Role role,
		String accountId, String passwordLinkId, Instant passwordLinkExpiresAt, Instant admittedAt)
		implements MentoringEvent {

	@Override
	public String subject() {
		return participantId;
	}

}
