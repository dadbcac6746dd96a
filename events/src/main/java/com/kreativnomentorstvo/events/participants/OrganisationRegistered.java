package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/** A partner organisation joined the network. An organisation's name is not personal data. */
public record OrganisationRegistered(String organisationId, String name, String country, String kind,
		Instant registeredAt) implements MentoringEvent {

	@Override
	public String subject() {
		return organisationId;
	}

}
