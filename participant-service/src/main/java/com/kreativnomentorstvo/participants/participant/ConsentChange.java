package com.kreativnomentorstvo.participants.participant;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a participant's consent record.
 *
 * @param action {@code GIVEN}, {@code CHANGED} or {@code WITHDRAWN}
 */
public record ConsentChange(String action, String version, List<String> scopes, Instant at) {

	public ConsentChange {
		scopes = scopes == null ? List.of() : List.copyOf(scopes);
	}

}
