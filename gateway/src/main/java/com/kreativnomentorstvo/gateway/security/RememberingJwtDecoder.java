package com.kreativnomentorstvo.gateway.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.kreativnomentorstvo.support.tokens.VerifiedTokens;

import reactor.core.publisher.Mono;

/**
 * Remembers the tokens whose signature the decoder verified, so a client's next requests with the
 * same token skip the RSA check, which was a fifth of the gateway's CPU under load (bench/stack).
 * The memory and its rules (claims validated on every use, forgotten at {@code exp} at the latest)
 * are the support module's {@link VerifiedTokens}, shared with the services' servlet decoder; this
 * class adapts it to the reactive decoder: a refused remembered token is an error signal.
 */
final class RememberingJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifying;

	private final VerifiedTokens verified;

	RememberingJwtDecoder(ReactiveJwtDecoder verifying, OAuth2TokenValidator<Jwt> validator,
			SecurityProperties.VerifiedTokens settings) {
		this.verifying = verifying;
		this.verified = new VerifiedTokens(validator, settings.maximum(), settings.forAtMost());
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known;
		try {
			known = verified.recall(token);
		}
		catch (JwtValidationException refused) {
			return Mono.error(refused);
		}
		if (known != null) {
			return Mono.just(known);
		}
		return verifying.decode(token).doOnNext(jwt -> verified.remember(token, jwt));
	}

}
