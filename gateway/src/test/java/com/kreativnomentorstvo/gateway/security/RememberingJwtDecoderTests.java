package com.kreativnomentorstvo.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

class RememberingJwtDecoderTests {

	private final Instant issued = Instant.now();

	private final List<String> verifiedTokens = new ArrayList<>();

	/** Stands in for the signature check: "good-*" tokens pass, anything else is refused. */
	private final ReactiveJwtDecoder signatureCheck = token -> {
		verifiedTokens.add(token);
		return token.startsWith("good-") ? Mono.just(jwt(token)) : Mono.error(new BadJwtException("bad signature"));
	};

	private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);

	private final RememberingJwtDecoder decoder = new RememberingJwtDecoder(signatureCheck, timestamps,
			new SecurityProperties.VerifiedTokens(100, Duration.ofMinutes(5)));

	RememberingJwtDecoderTests() {
		timestamps.setClock(Clock.fixed(issued, ZoneOffset.UTC));
	}

	@Test
	void aTokenIsVerifiedOnceAndThenRecognised() {
		assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("someone");
		assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("someone");
		assertThat(decoder.decode("good-2").block()).isNotNull();

		assertThat(verifiedTokens).containsExactly("good-1", "good-2");
	}

	@Test
	void aRememberedTokenIsRefusedOnceItHasExpired() {
		decoder.decode("good-1").block();
		timestamps.setClock(Clock.fixed(issued.plusSeconds(61), ZoneOffset.UTC));

		assertThatThrownBy(() -> decoder.decode("good-1").block()).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
	}

	@Test
	void aRefusedTokenIsNotRememberedAndAnotherByteIsAnotherToken() {
		decoder.decode("good-1").block();

		assertThatThrownBy(() -> decoder.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> decoder.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> decoder.decode("good-1x".replace("good", "gooD")).block())
			.isInstanceOf(BadJwtException.class);
		assertThat(verifiedTokens).containsExactly("good-1", "bad-1", "bad-1", "gooD-1x");
	}

	private Jwt jwt(String token) {
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("someone")
			.issuedAt(issued)
			.expiresAt(issued.plusSeconds(60))
			.build();
	}

}
