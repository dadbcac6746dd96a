package com.kreativnomentorstvo.participants.participant;

import java.time.Instant;
import java.util.List;

import org.hibernate.validator.constraints.UniqueElements;

import com.kreativnomentorstvo.participants.validation.Code;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The consent a person gives: the version of the privacy notice she read and the scopes she accepts.
 * The time is the server's, never the client's.
 */
public record ConsentForm(
		@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}", message = "{participant.notice-version}") String version,
		@NotEmpty @Size(max = 20) @UniqueElements List<@NotNull @Code String> scopes) {

	/** The consent, given now. */
	public Consent given(Instant at) {
		return new Consent(version, scopes, at);
	}

}
