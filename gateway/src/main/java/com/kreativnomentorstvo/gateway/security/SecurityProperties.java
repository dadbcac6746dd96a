package com.kreativnomentorstvo.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own security settings ({@code mentoring.gateway.security}); the token's issuer and
 * audience are Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param clockSkew how far the gateway's clock and the issuer's may disagree when checking {@code exp}
 * and {@code nbf}
 * @param allowedOrigins the browser origins allowed to call the API cross-origin (CORS); none by default
 * @param corsMaxAge how long a browser may cache a CORS preflight answer
 * @param verifiedTokens tokens whose signature was checked, remembered so that a client's next
 *     requests skip the RSA verification
 */
@ConfigurationProperties("mentoring.gateway.security")
record SecurityProperties(@DefaultValue("30s") Duration clockSkew, @DefaultValue List<String> allowedOrigins,
		@DefaultValue("1h") Duration corsMaxAge, @DefaultValue VerifiedTokens verifiedTokens) {

	/**
	 * @param maximum how many tokens are remembered at most (about 2 KB each)
	 * @param forAtMost how long one is remembered at most (also never past its {@code exp}); a key the
	 *     issuer withdraws stops being trusted for remembered tokens after this time
	 */
	record VerifiedTokens(@DefaultValue("10000") int maximum, @DefaultValue("5m") Duration forAtMost) {
	}

	/** The configured origins, without blanks left by an empty environment variable. */
	List<String> origins() {
		return allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
	}

}
