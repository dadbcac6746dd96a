package com.kreativnomentorstvo.authserver.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * What every access token looks like.
 *
 * @param audience the {@code aud} claim the services require ({@code TOKEN_AUDIENCE})
 * @param timeToLive how long an access token is valid ({@code TOKEN_TTL})
 */
@ConfigurationProperties("mentoring.auth.token")
public record TokenProperties(String audience, Duration timeToLive) {

	public TokenProperties {
		Assert.hasText(audience, "mentoring.auth.token.audience must not be empty");
		Assert.isTrue(timeToLive != null && !timeToLive.isNegative() && !timeToLive.isZero(),
				"mentoring.auth.token.time-to-live must be positive");
	}

}
