package com.kreativnomentorstvo.authserver.token;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** The token settings every registered client shares. */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	TokenSettings tokenSettings(TokenProperties properties) {
		return TokenSettings.builder()
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.accessTokenTimeToLive(properties.timeToLive())
			.build();
	}

}
