package com.kreativnomentorstvo.gateway.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import reactor.core.publisher.Mono;

/**
 * Remembers the tokens whose signature the decoder verified, keyed by the whole token (a changed
 * byte is another key), so a client's next requests with the same token skip the RSA check, which
 * was a fifth of the gateway's CPU under load (bench/stack). The claims are still validated on
 * every use, so a remembered token is refused once it expires; it is forgotten at its {@code exp}
 * at the latest.
 */
final class RememberingJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifying;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> verified;

	RememberingJwtDecoder(ReactiveJwtDecoder verifying, OAuth2TokenValidator<Jwt> validator,
			SecurityProperties.VerifiedTokens settings) {
		this.verifying = verifying;
		this.validator = validator;
		this.verified = Caffeine.newBuilder()
			.maximumSize(settings.maximum())
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, settings.forAtMost())))
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = verified.getIfPresent(token);
		if (known == null) {
			return verifying.decode(token).doOnNext(jwt -> verified.put(token, jwt));
		}
		OAuth2TokenValidatorResult result = validator.validate(known);
		if (!result.hasErrors()) {
			return Mono.just(known);
		}
		verified.invalidate(token);
		String description = result.getErrors().stream().map(OAuth2Error::getDescription).findFirst().orElse("");
		return Mono.error(new JwtValidationException(
				"An error occurred while attempting to decode the Jwt: " + description, result.getErrors()));
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
