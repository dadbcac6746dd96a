package com.kreativnomentorstvo.authserver.token;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import com.kreativnomentorstvo.authserver.account.Accounts;

/** The token settings every registered client shares, and the claims every token gets. */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	TokenSettings tokenSettings(TokenProperties properties) {
		return TokenSettings.builder()
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.accessTokenTimeToLive(properties.timeToLive())
			.build();
	}

	@Bean
	AccountClaims accountClaims(Accounts accounts, TokenProperties properties) {
		return new AccountClaims(accounts::find, properties);
	}

}
