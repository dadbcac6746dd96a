package com.kreativnomentorstvo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.kreativnomentorstvo.platform.PlatformProperties;

/**
 * What the servlet adapter adds to the shared memory of verified tokens (support's
 * {@code VerifiedTokensTests} tests the memory itself): the verifying decoder sees a token once
 * while it is remembered, never remembers one it refused, and a remembered token whose time claims
 * no longer hold is thrown out as the decoder's own validation exception.
 */
class RememberingJwtDecoderTests {

	private final Instant issued = Instant.now();

	/** How often the stand-in signature check saw each token. */
	private final Map<String, Integer> checks = new HashMap<>();

	private final JwtTimestampValidator timeClaims = new JwtTimestampValidator(Duration.ZERO);

	private final RememberingJwtDecoder decoder = new RememberingJwtDecoder(this::checkSignature, timeClaims,
			new PlatformProperties.VerifiedTokens(100, Duration.ofMinutes(5)));

	@Test
	void theSignatureOfARememberedTokenIsCheckedOnce() {
		timeClaims.setClock(Clock.fixed(issued, ZoneOffset.UTC));

		assertThat(decoder.decode("good-1").getSubject()).isEqualTo("someone");
		assertThat(decoder.decode("good-1").getSubject()).isEqualTo("someone");
		assertThat(decoder.decode("good-2")).isNotNull();

		assertThat(checks).containsExactlyInAnyOrderEntriesOf(Map.of("good-1", 1, "good-2", 1));
	}

	@Test
	void aRememberedTokenPastItsExpiryIsThrown() {
		decoder.decode("good-1");
		timeClaims.setClock(Clock.fixed(issued.plusSeconds(61), ZoneOffset.UTC));

		assertThatThrownBy(() -> decoder.decode("good-1")).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
	}

	@Test
	void aTokenWhoseSignatureIsRefusedIsCheckedAgainNextTime() {
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatThrownBy(() -> decoder.decode("bad-1")).isInstanceOf(BadJwtException.class);
		}

		assertThat(checks).containsExactly(Map.entry("bad-1", 2));
	}

	/** Stands in for the signature check: "good-*" tokens pass, anything else is refused. */
	private Jwt checkSignature(String token) {
		checks.merge(token, 1, Integer::sum);
		if (!token.startsWith("good-")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token).header("alg", "RS256").subject("someone").issuedAt(issued)
			.expiresAt(issued.plusSeconds(60)).build();
	}

}
