package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * The current contact details of a coordinator: personal data, published only on the compacted
 * contacts topic under her account id, where her removal replaces it with a tombstone.
 */
public record CoordinatorContactChanged(String accountId, String organisationId, String displayName, String email,
		String preferredLocale, Instant changedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return accountId;
	}

}
