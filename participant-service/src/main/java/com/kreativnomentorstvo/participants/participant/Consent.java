package com.kreativnomentorstvo.participants.participant;

import java.time.Instant;
import java.util.List;

/**
 * What a participant agreed to: the version of the privacy notice she read, the processing scopes
 * she accepted, and when.
 */
public record Consent(String version, List<String> scopes, Instant givenAt) {

	public Consent {
		scopes = List.copyOf(scopes);
	}

}
