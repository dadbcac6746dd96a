package com.kreativnomentorstvo.authserver.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

import com.kreativnomentorstvo.authserver.account.Account;

class AccountClaimsTests {

	private static final Account SARA = new Account("a-sara", "sara.ilievska@example.org", "mentee.sara",
			"Sara Ilievska", "mk", "org-skopje-creative-hub", List.of("mentee"), true, "{noop}demo");

	private static final Account DISABLED = new Account("a-gone", "gone@example.org", null, "Gone", "en", "org-a",
			List.of("mentor"), false, "{noop}secret12");

	private final AccountClaims claims = new AccountClaims(
			id -> Optional.ofNullable(Map.of(SARA.id(), SARA, DISABLED.id(), DISABLED).get(id)),
			new TokenProperties("mentoring-api", Duration.ofHours(1)));

	@Test
	void aBrowserLoginsAccessTokenSpeaksForTheAccount() {
		Map<String, Object> token = customize(webClient(), user("a-sara"), AuthorizationGrantType.AUTHORIZATION_CODE,
				OAuth2TokenType.ACCESS_TOKEN, Set.of("openid", "profile", "email"));

		assertThat(token).containsEntry("sub", "a-sara")
			.containsEntry("aud", List.of("mentoring-api"))
			.containsEntry("org", "org-skopje-creative-hub")
			.containsEntry("roles", List.of("mentee"))
			.doesNotContainKeys("participant_id", "email", "name", "locale");
	}

	@Test
	void theIdTokenNamesHerForTheScopesGrantedAndKeepsTheClientAsAudience() {
		Map<String, Object> token = customize(webClient(), user("a-sara"), AuthorizationGrantType.AUTHORIZATION_CODE,
				idToken(), Set.of("openid", "profile", "email"));

		assertThat(token).containsEntry("aud", List.of("mentoring-web"))
			.containsEntry("sub", "a-sara")
			.containsEntry("org", "org-skopje-creative-hub")
			.containsEntry("email", "sara.ilievska@example.org")
			.containsEntry("name", "Sara Ilievska")
			.containsEntry("locale", "mk")
			.doesNotContainKey("participant_id");
	}

	@Test
	void withoutTheProfileAndEmailScopesTheIdTokenHasNeitherNameNorAddress() {
		Map<String, Object> token = customize(webClient(), user("a-sara"), AuthorizationGrantType.AUTHORIZATION_CODE,
				idToken(), Set.of("openid"));

		assertThat(token).doesNotContainKeys("email", "name", "locale").containsEntry("roles", List.of("mentee"));
	}

	@Test
	void aPersonasOwnClientSpeaksForItsAccount() {
		RegisteredClient client = client("mentee.sara", ClientSubjects.speakingFor("a-sara"));

		Map<String, Object> token = customize(client, clientAuthentication(client),
				AuthorizationGrantType.CLIENT_CREDENTIALS, OAuth2TokenType.ACCESS_TOKEN, Set.of());

		assertThat(token).containsEntry("sub", "a-sara")
			.containsEntry("aud", List.of("mentoring-api"))
			.containsEntry("org", "org-skopje-creative-hub")
			.containsEntry("roles", List.of("mentee"));
	}

	@Test
	void anIntegrationsClientSpeaksForItselfWithItsOrganisationAndRoles() {
		RegisteredClient client = client("int-0a1b", ClientSubjects.integration("org-kultura-nova", List.of("coordinator")));

		Map<String, Object> token = customize(client, clientAuthentication(client),
				AuthorizationGrantType.CLIENT_CREDENTIALS, OAuth2TokenType.ACCESS_TOKEN, Set.of());

		assertThat(token).containsEntry("sub", "int-0a1b")
			.containsEntry("aud", List.of("mentoring-api"))
			.containsEntry("org", "org-kultura-nova")
			.containsEntry("roles", List.of("coordinator"));
	}

	@Test
	void thePlatformsAccountsClientGetsATokenForThisServerOnly() {
		RegisteredClient client = client("participant-service", ClientSettings.builder().build());

		Map<String, Object> token = customize(client, clientAuthentication(client),
				AuthorizationGrantType.CLIENT_CREDENTIALS, OAuth2TokenType.ACCESS_TOKEN, Set.of("accounts"));

		assertThat(token).containsEntry("sub", "participant-service")
			.containsEntry("aud", List.of("participant-service"))
			.doesNotContainKeys("org", "roles");
	}

	@Test
	void noTokenIsIssuedForAnAccountThatIsGoneOrDisabled() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> customize(webClient(), user("a-mallory"), AuthorizationGrantType.AUTHORIZATION_CODE,
					OAuth2TokenType.ACCESS_TOKEN, Set.of("openid")))
			.satisfies(ex -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_grant"));
		RegisteredClient persona = client("mentor.gone", ClientSubjects.speakingFor("a-gone"));
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> customize(persona, clientAuthentication(persona), AuthorizationGrantType.CLIENT_CREDENTIALS,
					OAuth2TokenType.ACCESS_TOKEN, Set.of()));
	}

	private Map<String, Object> customize(RegisteredClient client, Authentication principal,
			AuthorizationGrantType grantType, OAuth2TokenType tokenType, Set<String> scopes) {
		// as the JwtGenerator starts them: subject = principal name, audience = client id
		JwtClaimsSet.Builder claimSet = JwtClaimsSet.builder()
			.subject(principal.getName())
			.audience(List.of(client.getClientId()));
		JwtEncodingContext context = JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claimSet)
			.registeredClient(client)
			.principal(principal)
			.authorizationGrantType(grantType)
			.authorizedScopes(scopes)
			.tokenType(tokenType)
			.build();
		claims.customize(context);
		return claimSet.build().getClaims();
	}

	private static OAuth2TokenType idToken() {
		return new OAuth2TokenType(OidcParameterNames.ID_TOKEN);
	}

	private static RegisteredClient webClient() {
		return RegisteredClient.withId("mentoring-web")
			.clientId("mentoring-web")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://localhost:8080/login/oauth2/code/mentoring-web")
			.build();
	}

	private static RegisteredClient client(String clientId, ClientSettings settings) {
		return RegisteredClient.withId(clientId)
			.clientId(clientId)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientSettings(settings)
			.build();
	}

	private static Authentication clientAuthentication(RegisteredClient client) {
		return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.CLIENT_SECRET_BASIC, "demo");
	}

	private static Authentication user(String accountId) {
		return UsernamePasswordAuthenticationToken.authenticated(accountId, null, List.of());
	}

}
