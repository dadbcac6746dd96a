package com.kreativnomentorstvo.support.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * What the gateway's and the services' decoders remember of a verified token, and for how long:
 * the memory both adapt, tested once (their own tests keep what the adapting adds).
 */
class VerifiedTokensTests {

	private final Instant issued = Instant.now();

	/** Caffeine's time, moved by hand: what the memory has forgotten by when. */
	private final AtomicLong nanos = new AtomicLong();

	private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);

	private final VerifiedTokens tokens = tokens(100, Duration.ofMinutes(5));

	VerifiedTokensTests() {
		timestamps.setClock(Clock.fixed(issued, ZoneOffset.UTC));
	}

	@Test
	void anUnknownTokenIsNotRecalled() {
		assertThat(tokens.recall("good-1")).isNull();
	}

	@Test
	void aRememberedTokenIsRecalledAndValidatedOnEveryUse() {
		AtomicInteger validations = new AtomicInteger();
		VerifiedTokens counted = new VerifiedTokens(jwt -> {
			validations.incrementAndGet();
			return OAuth2TokenValidatorResult.success();
		}, 100, Duration.ofMinutes(5));
		Jwt verified = jwt("good-1", issued.plusSeconds(60));
		counted.remember("good-1", verified);

		assertThat(counted.recall("good-1")).isSameAs(verified);
		assertThat(counted.recall("good-1").getSubject()).isEqualTo("someone");
		assertThat(validations).hasValue(2);
	}

	@Test
	void aRememberedTokenIsRefusedOnceItHasExpiredAndThenForgotten() {
		tokens.remember("good-1", jwt("good-1", issued.plusSeconds(60)));
		timestamps.setClock(Clock.fixed(issued.plusSeconds(61), ZoneOffset.UTC));

		assertThatThrownBy(() -> tokens.recall("good-1")).isInstanceOf(JwtValidationException.class)
			.hasMessageStartingWith("An error occurred while attempting to decode the Jwt: ")
			.hasMessageContaining("expired")
			.satisfies(refused -> assertThat(((JwtValidationException) refused).getErrors()).isNotEmpty());
		assertThat(tokens.recall("good-1")).isNull();
	}

	@Test
	void anotherByteIsAnotherToken() {
		tokens.remember("good-1", jwt("good-1", issued.plusSeconds(60)));

		assertThat(tokens.recall("gooD-1")).isNull();
		assertThat(tokens.recall("good-1x")).isNull();
		assertThat(tokens.recall("good-1")).isNotNull();
	}

	@ParameterizedTest(name = "remembered for at most {0} s, expiring in 60 s: forgotten after {1} s")
	@CsvSource({ "300, 60", "30, 30" })
	void aTokenIsForgottenAtItsExpiryOrAfterTheLongestTimeToRememberWhicheverComesFirst(long forAtMost,
			long forgottenAfter) {
		VerifiedTokens remembering = tokens(100, Duration.ofSeconds(forAtMost));
		remembering.remember("good-1", jwt("good-1", issued.plusSeconds(60)));

		later(Duration.ofSeconds(forgottenAfter - 1));
		assertThat(remembering.recall("good-1")).isNotNull();
		later(Duration.ofSeconds(1));
		assertThat(remembering.recall("good-1")).isNull();
	}

	@Test
	void aTokenWithoutExpiryOrPastItIsNotRemembered() {
		tokens.remember("no-exp", Jwt.withTokenValue("no-exp").header("alg", "RS256").subject("someone").build());
		tokens.remember("past", jwt("past", issued.minusSeconds(1)));

		assertThat(tokens.recall("no-exp")).isNull();
		assertThat(tokens.recall("past")).isNull();
	}

	@Test
	void atMostTheMaximumIsRemembered() {
		VerifiedTokens few = tokens(2, Duration.ofMinutes(5));
		for (int i = 1; i <= 5; i++) {
			few.remember("good-" + i, jwt("good-" + i, issued.plusSeconds(60)));
		}

		long recalled = IntStream.rangeClosed(1, 5).filter(i -> few.recall("good-" + i) != null).count();
		assertThat(recalled).isBetween(1L, 2L);
	}

	private VerifiedTokens tokens(long maximum, Duration forAtMost) {
		return new VerifiedTokens(timestamps, maximum, forAtMost, Clock.fixed(issued, ZoneOffset.UTC), nanos::get);
	}

	private void later(Duration duration) {
		nanos.addAndGet(duration.toNanos());
	}

	private static Jwt jwt(String token, Instant expires) {
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("someone")
			.issuedAt(expires.minusSeconds(60))
			.expiresAt(expires)
			.build();
	}

}
