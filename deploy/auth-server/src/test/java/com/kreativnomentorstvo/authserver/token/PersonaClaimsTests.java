package com.kreativnomentorstvo.authserver.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

import com.kreativnomentorstvo.authserver.persona.Persona;
import com.kreativnomentorstvo.authserver.persona.Personas;

class PersonaClaimsTests {

	private final PersonaClaims claims = new PersonaClaims(Personas.of(List.of(
			new Persona("coordinator.rs", "demo", "org-creative-mentorship", List.of("coordinator"), null),
			new Persona("mentee.sara", "demo", "org-skopje-creative-hub", List.of("mentee"), "p-demo-mentee-3"))),
			new TokenProperties("mentoring-api", Duration.ofHours(1)));

	@Test
	void aPersonasOwnClientCredentialsTokenSpeaksForThePersona() {
		RegisteredClient client = client("mentee.sara", AuthorizationGrantType.CLIENT_CREDENTIALS);

		Map<String, Object> token = customize(client, clientAuthentication(client),
				AuthorizationGrantType.CLIENT_CREDENTIALS, OAuth2TokenType.ACCESS_TOKEN);

		assertThat(token).containsEntry("sub", "mentee.sara")
			.containsEntry("aud", List.of("mentoring-api"))
			.containsEntry("org", "org-skopje-creative-hub")
			.containsEntry("roles", List.of("mentee"))
			.containsEntry("participant_id", "p-demo-mentee-3");
	}

	@Test
	void aCoordinatorHasNoParticipantId() {
		RegisteredClient client = client("coordinator.rs", AuthorizationGrantType.CLIENT_CREDENTIALS);

		Map<String, Object> token = customize(client, clientAuthentication(client),
				AuthorizationGrantType.CLIENT_CREDENTIALS, OAuth2TokenType.ACCESS_TOKEN);

		assertThat(token).containsEntry("sub", "coordinator.rs")
			.containsEntry("roles", List.of("coordinator"))
			.doesNotContainKey("participant_id");
	}

	@Test
	void aBrowserLoginTokenSpeaksForTheSignedInPersona() {
		RegisteredClient web = client("mentoring-web", AuthorizationGrantType.AUTHORIZATION_CODE);

		Map<String, Object> token = customize(web, user("mentee.sara"), AuthorizationGrantType.AUTHORIZATION_CODE,
				OAuth2TokenType.ACCESS_TOKEN);

		assertThat(token).containsEntry("sub", "mentee.sara")
			.containsEntry("aud", List.of("mentoring-api"))
			.containsEntry("participant_id", "p-demo-mentee-3");
	}

	@Test
	void theIdTokenGetsThePersonaClaimsButKeepsTheClientAsAudience() {
		RegisteredClient web = client("mentoring-web", AuthorizationGrantType.AUTHORIZATION_CODE);

		Map<String, Object> token = customize(web, user("coordinator.rs"), AuthorizationGrantType.AUTHORIZATION_CODE,
				new OAuth2TokenType(OidcParameterNames.ID_TOKEN));

		assertThat(token).containsEntry("aud", List.of("mentoring-web")).containsEntry("org", "org-creative-mentorship");
	}

	@Test
	void noTokenIsIssuedForSomeoneWhoIsNotAPersona() {
		RegisteredClient web = client("mentoring-web", AuthorizationGrantType.AUTHORIZATION_CODE);

		assertThatIllegalStateException().isThrownBy(() -> customize(web, user("mallory"),
				AuthorizationGrantType.AUTHORIZATION_CODE, OAuth2TokenType.ACCESS_TOKEN));
	}

	private Map<String, Object> customize(RegisteredClient client, Authentication principal,
			AuthorizationGrantType grantType, OAuth2TokenType tokenType) {
		// as the JwtGenerator starts them: subject = principal name, audience = client id
		JwtClaimsSet.Builder claimSet = JwtClaimsSet.builder()
			.subject(principal.getName())
			.audience(List.of(client.getClientId()));
		JwtEncodingContext context = JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claimSet)
			.registeredClient(client)
			.principal(principal)
			.authorizationGrantType(grantType)
			.tokenType(tokenType)
			.build();
		claims.customize(context);
		return claimSet.build().getClaims();
	}

	private static RegisteredClient client(String clientId, AuthorizationGrantType grantType) {
		return RegisteredClient.withId(clientId)
			.clientId(clientId)
			.authorizationGrantType(grantType)
			.redirectUri("http://localhost:8080/login/oauth2/code/mentoring-web")
			.build();
	}

	private static Authentication clientAuthentication(RegisteredClient client) {
		return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.CLIENT_SECRET_BASIC, "demo");
	}

	private static Authentication user(String username) {
		return UsernamePasswordAuthenticationToken.authenticated(username, null, List.of());
	}

}
