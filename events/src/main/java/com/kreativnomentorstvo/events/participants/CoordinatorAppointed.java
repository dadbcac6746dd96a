package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * An account became a coordinator of an organisation. Her name and address travel on the contacts
 * topic under her account id.
 *
 * @param passwordLinkId present when the account has no password yet: the link with which she sets it
 * @param passwordLinkExpiresAt when that link expires
 */
public record CoordinatorAppointed(String accountId, String organisationId, String passwordLinkId,
		Instant passwordLinkExpiresAt, Instant appointedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return accountId;
	}

}
