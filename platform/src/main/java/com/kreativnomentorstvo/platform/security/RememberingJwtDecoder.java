package com.kreativnomentorstvo.platform.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.kreativnomentorstvo.platform.PlatformProperties;
import com.kreativnomentorstvo.support.tokens.VerifiedTokens;

/**
 * Remembers the tokens whose signature the service's decoder verified, so a caller's next requests
 * skip the RSA check, a fifth of a service's CPU per request under load (bench/stack). The memory
 * and its rules (time claims checked again on every use, forgotten at {@code exp} at the latest) are
 * the support module's {@link VerifiedTokens}, shared with the gateway's reactive decoder; this
 * record adapts it to the servlet decoder: a refused remembered token is thrown.
 *
 * @param verifying the service's decoder, which checks the signature of a token not remembered
 * @param verified the tokens it verified
 */
record RememberingJwtDecoder(JwtDecoder verifying, VerifiedTokens verified) implements JwtDecoder {

	RememberingJwtDecoder(JwtDecoder verifying, OAuth2TokenValidator<Jwt> onEachUse,
			PlatformProperties.VerifiedTokens settings) {
		this(verifying, new VerifiedTokens(onEachUse, settings.maximum(), settings.forAtMost()));
	}

	@Override
	public Jwt decode(String token) {
		Jwt known = verified.recall(token);
		if (known != null) {
			return known;
		}
		Jwt jwt = verifying.decode(token);
		verified.remember(token, jwt);
		return jwt;
	}

}
