package com.kreativnomentorstvo.support.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The tokens whose signature a decoder verified, keyed by the whole token (a changed byte is another
 * key), so that a caller's next requests with the same token skip the RSA check: a fifth of the
 * gateway's and of a service's CPU per request under load (bench/stack). The gateway (reactive) and
 * the services (servlet) each adapt it to their decoder interface; the memory itself is this one.
 * <p>
 * A remembered token's claims are validated again on every use, so it is refused once it expires;
 * it is forgotten at its {@code exp} at the latest, and after the longest time to remember any token
 * (a key the issuer withdraws stops being trusted for remembered tokens after that time). A token
 * without {@code exp}, or one already past it, is not remembered at all.
 */
public final class VerifiedTokens {

	private final OAuth2TokenValidator<Jwt> onEachUse;

	private final Cache<String, Jwt> verified;

	/**
	 * @param onEachUse the validation a remembered token passes again on every use (its time claims:
	 *     issuer, audience and signature cannot have changed for the same token)
	 * @param maximum how many tokens are remembered at most
	 * @param forAtMost how long one is remembered at most (never past its {@code exp})
	 */
	public VerifiedTokens(OAuth2TokenValidator<Jwt> onEachUse, long maximum, Duration forAtMost) {
		this(onEachUse, maximum, forAtMost, Clock.systemUTC(), Caffeine.newBuilder());
	}

	/**
	 * For tests: a clock that reads a token's time left, a ticker that expires it, and the memory's
	 * upkeep on the caller's thread, so that what is forgotten by when is certain.
	 */
	VerifiedTokens(OAuth2TokenValidator<Jwt> onEachUse, long maximum, Duration forAtMost, Clock clock, Ticker ticker) {
		this(onEachUse, maximum, forAtMost, clock, Caffeine.newBuilder().ticker(ticker).executor(Runnable::run));
	}

	private VerifiedTokens(OAuth2TokenValidator<Jwt> onEachUse, long maximum, Duration forAtMost, Clock clock,
			Caffeine<Object, Object> cache) {
		this.onEachUse = onEachUse;
		this.verified = cache.maximumSize(maximum)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, forAtMost, clock)))
			.build();
	}

	/**
	 * The token as verified before, if it is remembered and still valid.
	 * @param token the whole token, as the caller sent it
	 * @return the verified token, or {@code null} if it is not remembered (verify it, then
	 *     {@link #remember(String, Jwt)} it)
	 * @throws JwtValidationException if it is remembered but no longer valid (e.g. expired); it is
	 *     forgotten, and the message is the one the verifying decoder gives for the same errors
	 */
	public Jwt recall(String token) {
		Jwt known = verified.getIfPresent(token);
		if (known == null) {
			return null;
		}
		OAuth2TokenValidatorResult result = onEachUse.validate(known);
		if (result.hasErrors()) {
			verified.invalidate(token);
			String description = result.getErrors().stream().map(OAuth2Error::getDescription).findFirst().orElse("");
			throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
					result.getErrors());
		}
		return known;
	}

	/**
	 * Remembers a token whose signature and claims were just verified.
	 * @param token the whole token, as the caller sent it
	 * @param jwt what the verifying decoder made of it
	 */
	public void remember(String token, Jwt jwt) {
		verified.put(token, jwt);
	}

	private static Duration untilExpiry(Jwt jwt, Duration atMost, Clock clock) {
		Instant expires = jwt.getExpiresAt();
		if (expires == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(clock.instant(), expires);
		return left.isNegative() ? Duration.ZERO : left.compareTo(atMost) < 0 ? left : atMost;
	}

}
