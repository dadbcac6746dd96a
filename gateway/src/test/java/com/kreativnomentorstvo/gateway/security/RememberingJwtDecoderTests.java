package com.kreativnomentorstvo.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * What the reactive adapter adds to the shared memory of verified tokens (support's
 * {@code VerifiedTokensTests} tests the memory itself): it asks the verifying decoder only for tokens
 * it does not remember, remembers only what that decoder accepted, and a remembered token refused on
 * reuse comes out as an error signal.
 */
class RememberingJwtDecoderTests {

	private final List<String> verifiedTokens = new ArrayList<>();

	/** Stands in for the signature check: "good-*" tokens pass, anything else is refused. */
	private final ReactiveJwtDecoder signatureCheck = token -> {
		verifiedTokens.add(token);
		return token.startsWith("good-")
				? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("someone")
					.expiresAt(Instant.now().plusSeconds(60)).build())
				: Mono.error(new BadJwtException("bad signature"));
	};

	/** What a remembered token's claims say on reuse: valid until set otherwise. */
	private OAuth2TokenValidatorResult onReuse = OAuth2TokenValidatorResult.success();

	private final RememberingJwtDecoder decoder = new RememberingJwtDecoder(signatureCheck, jwt -> onReuse,
			new SecurityProperties.VerifiedTokens(100, Duration.ofMinutes(5)));

	@Test
	void aTokenIsVerifiedOnceAndThenRecognised() {
		assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("someone");
		assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("someone");
		assertThat(decoder.decode("good-2").block()).isNotNull();

		assertThat(verifiedTokens).containsExactly("good-1", "good-2");
	}

	@Test
	void aRememberedTokenRefusedOnReuseIsAnErrorSignal() {
		decoder.decode("good-1").block();
		onReuse = OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Jwt expired at then", null));

		Mono<Jwt> refused = decoder.decode("good-1");

		assertThatThrownBy(refused::block).isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
		assertThat(verifiedTokens).containsExactly("good-1");
	}

	@Test
	void aRefusedTokenIsNotRemembered() {
		assertThatThrownBy(() -> decoder.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> decoder.decode("bad-1").block()).isInstanceOf(BadJwtException.class);

		assertThat(verifiedTokens).containsExactly("bad-1", "bad-1");
	}

}
