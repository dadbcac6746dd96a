package com.kreativnomentorstvo.platform.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.kreativnomentorstvo.platform.PlatformProperties;

/**
 * Remembers the tokens whose signature the service's decoder verified, keyed by the whole token (a
 * changed byte is another key), so a caller's next requests skip the RSA check, a fifth of a
 * service's CPU per request under load (bench/stack). The token's time claims are checked again on
 * every use, so a remembered token is refused once it expires; it is forgotten at its {@code exp}
 * at the latest.
 */
final class RememberingJwtDecoder implements JwtDecoder {

	private final JwtDecoder verifying;

	private final OAuth2TokenValidator<Jwt> onEachUse;

	private final Cache<String, Jwt> verified;

	RememberingJwtDecoder(JwtDecoder verifying, OAuth2TokenValidator<Jwt> onEachUse,
			PlatformProperties.VerifiedTokens settings) {
		this.verifying = verifying;
		this.onEachUse = onEachUse;
		this.verified = Caffeine.newBuilder()
			.maximumSize(settings.maximum())
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, settings.forAtMost())))
			.build();
	}

	@Override
	public Jwt decode(String token) {
		Jwt known = verified.getIfPresent(token);
		if (known == null) {
			Jwt jwt = verifying.decode(token);
			verified.put(token, jwt);
			return jwt;
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

	private static Duration untilExpiry(Jwt jwt, Duration atMost) {
		Instant expires = jwt.getExpiresAt();
		if (expires == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(Instant.now(), expires);
		return left.isNegative() ? Duration.ZERO : left.compareTo(atMost) < 0 ? left : atMost;
	}

}
