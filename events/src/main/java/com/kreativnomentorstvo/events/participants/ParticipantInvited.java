package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A coordinator invited someone into a programme directly (one by one or from a list). She has an
 * account from now on; she is enrolled once she completes her profile and gives her consent.
 *
 * @param participantId the id she will keep as a participant
 * @param accountId the account (the tokens' {@code sub}) the enrolment belongs to
 * @param passwordLinkId present when the account has no password yet: the link with which she sets it
 * @param passwordLinkExpiresAt when that link expires
 */
public record ParticipantInvited(String participantId, String programmeId, String organisationId, Role role,
		String accountId, String passwordLinkId, Instant passwordLinkExpiresAt, Instant invitedAt)
		implements MentoringEvent {

	@Override
	public String subject() {
		return participantId;
	}

}
