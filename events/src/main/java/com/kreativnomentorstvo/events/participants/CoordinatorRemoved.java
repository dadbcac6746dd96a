package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/** An account no longer coordinates for the organisation; her contact details get a tombstone at the same time. */
public record CoordinatorRemoved(String accountId, String organisationId, Instant removedAt)
		implements MentoringEvent {

	@Override
	public String subject() {
		return accountId;
	}

}
