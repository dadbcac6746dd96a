package com.kreativnomentorstvo.authserver.token;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import com.kreativnomentorstvo.authserver.account.Account;

/**
 * The one place that shapes every token. A person's tokens (browser login, or a demo persona's own client) carry
 * {@code sub} = account id, {@code org}, {@code roles}, and {@code aud} = the API on access tokens; her ID token also
 * {@code name} and {@code locale} (scope {@code profile}) and {@code email} (scope {@code email}). An integration's
 * tokens carry its client id as {@code sub} with its registered {@code org} and {@code roles}. No token is issued
 * for an account that is gone or disabled.
 */
class AccountClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String ORG = "org";

	static final String ROLES = "roles";

	private final Function<String, Optional<Account>> accounts;

	private final TokenProperties properties;

	/** @param accounts an account by its id */
	AccountClaims(Function<String, Optional<Account>> accounts, TokenProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!accessToken && !idToken) {
			return;
		}
		JwtClaimsSet.Builder claims = context.getClaims();
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			RegisteredClient client = context.getRegisteredClient();
			String accountId = ClientSubjects.accountOf(client);
			String organisation = ClientSubjects.organisationOf(client);
			if (accountId != null) {
				speakFor(signInAllowed(accountId), claims);
			}
			else if (organisation != null) {
				claims.subject(client.getClientId()).claim(ORG, organisation).claim(ROLES, ClientSubjects.rolesOf(client));
			}
			else {
				// a platform client: its token is for this server's admin API, not for the platform's API
				return;
			}
		}
		else {
			Account account = signInAllowed(context.getPrincipal().getName());
			speakFor(account, claims);
			if (idToken) {
				profile(account, context, claims);
			}
		}
		if (accessToken) {
			// the ID token keeps its own audience, the client id, as OIDC requires
			claims.audience(List.of(properties.audience()));
		}
	}

	private Account signInAllowed(String accountId) {
		return accounts.apply(accountId)
			.filter(Account::enabled)
			.orElseThrow(() -> new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The account cannot sign in", null)));
	}

	private static void speakFor(Account account, JwtClaimsSet.Builder claims) {
		claims.subject(account.id()).claim(ORG, account.organisationId()).claim(ROLES, account.roles());
	}

	private static void profile(Account account, JwtEncodingContext context, JwtClaimsSet.Builder claims) {
		if (context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
			claims.claim(StandardClaimNames.NAME, account.displayName());
			if (account.locale() != null) {
				claims.claim(StandardClaimNames.LOCALE, account.locale());
			}
		}
		if (context.getAuthorizedScopes().contains(OidcScopes.EMAIL)) {
			claims.claim(StandardClaimNames.EMAIL, account.email());
		}
	}

}
