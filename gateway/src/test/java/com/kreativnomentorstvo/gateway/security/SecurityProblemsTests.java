package com.kreativnomentorstvo.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

class SecurityProblemsTests {

	@Test
	void aMissingTokenIsABareBearerChallenge() {
		assertThat(SecurityProblems.challenge(new AuthenticationCredentialsNotFoundException("none"))).isEqualTo("Bearer");
	}

	@Test
	void aRefusedTokenNamesTheErrorAndKeepsTheChallengeWellFormed() {
		OAuth2AuthenticationException refused = new OAuth2AuthenticationException(
				new OAuth2Error("invalid_token", "Jwt \"expired\" at \\ 10:00\n", null));

		assertThat(SecurityProblems.challenge(refused))
			.isEqualTo("Bearer error=\"invalid_token\", error_description=\"Jwt expired at  10:00\"");
	}

}
