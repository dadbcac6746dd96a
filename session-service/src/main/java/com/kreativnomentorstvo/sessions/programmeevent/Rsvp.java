package com.kreativnomentorstvo.sessions.programmeevent;

import java.time.Instant;

import com.kreativnomentorstvo.events.participants.Role;

/** A participant's answer to an invitation. */
public record Rsvp(String participantId, Role role, Response response, Instant answeredAt) {

	/** Whether she comes. */
	public enum Response {

		YES, NO, MAYBE

	}

}
