package com.kreativnomentorstvo.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

import com.jayway.jsonpath.JsonPath;
import com.kreativnomentorstvo.authserver.persona.Persona;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

@LocalAuthServer
class ClientCredentialsIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void aMentorsOwnClientGetsATokenThatSpeaksForHerAccountWithOneRequest() throws Exception {
		HttpResponse<String> response = clientCredentials("mentor.ana", "demo");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(response.body(), "$.token_type")).isEqualTo("Bearer");
		Jwt token = TokenRequests.decoderFor(baseUrl()).decode(TokenRequests.accessToken(response));
		assertThat(token.getIssuer()).hasToString(LocalAuthServer.ISSUER);
		assertThat(token.getAudience()).containsExactly(LocalAuthServer.AUDIENCE);
		assertThat(token.getSubject()).isEqualTo(Persona.accountIdOf("mentor.ana"))
			.isEqualTo("b04143ac-6d48-396d-829b-03964c2fca28");
		assertThat(token.getClaimAsString("org")).isEqualTo("org-creative-mentorship");
		assertThat(token.getClaimAsStringList("roles")).containsExactly("mentor");
		assertThat(token.hasClaim("participant_id")).isFalse();
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofHours(1));
		assertThat(token.getExpiresAt()).isCloseTo(Instant.now().plus(1, ChronoUnit.HOURS),
				within(1, ChronoUnit.MINUTES));
	}

	@Test
	void theTokenIsSignedRs256ByTheKeyTheJwksPublishes() throws Exception {
		String accessToken = TokenRequests.accessToken(clientCredentials("mentee.luka", "demo"));
		JWKSet jwks = JWKSet.parse(get("/oauth2/jwks").body());

		SignedJWT jwt = SignedJWT.parse(accessToken);
		RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());

		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(key).isNotNull();
		assertThat(key.isPrivate()).as("the JWKS publishes only the public key").isFalse();
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("mentee");
	}

	@Test
	void aCoordinatorsTokenCarriesHerOrganisation() throws Exception {
		HttpResponse<String> response = clientCredentials("coordinator.mk", "demo");

		Jwt token = TokenRequests.decoderFor(baseUrl()).decode(TokenRequests.accessToken(response));
		assertThat(token.getSubject()).isEqualTo(Persona.accountIdOf("coordinator.mk"));
		assertThat(token.getClaimAsString("org")).isEqualTo("org-skopje-creative-hub");
		assertThat(token.getClaimAsStringList("roles")).containsExactly("coordinator");
	}

	@Test
	void theSecretMayAlsoBePosted() throws Exception {
		HttpResponse<String> response = http.send(TokenRequests.post(baseUrl() + "/oauth2/token", Map.of("grant_type",
				"client_credentials", "client_id", "admin", "client_secret", "demo")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		Jwt token = TokenRequests.decoderFor(baseUrl()).decode(TokenRequests.accessToken(response));
		assertThat(token.getClaimAsStringList("roles")).containsExactly("admin");
	}

	@Test
	void aWrongSecretIsUnauthorized() throws Exception {
		HttpResponse<String> response = clientCredentials("mentor.ana", "not-demo");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid_client");
	}

	@Test
	void anUnknownClientIsUnauthorized() throws Exception {
		HttpResponse<String> response = clientCredentials("mallory", "demo");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void aPersonaMayNotAskForTheAccountsScope() throws Exception {
		HttpResponse<String> response = TokenRequests.clientCredentials(baseUrl(), "admin", "demo",
				Map.of("scope", "accounts"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_scope");
	}

	@Test
	void theAccountsClientsTokenIsForTheAdminApiOnlyNotForThePlatformsApi() throws Exception {
		String accessToken = new AdminApi(port).token();

		Jwt token = TokenRequests.anyAudienceDecoderFor(baseUrl()).decode(accessToken);
		assertThat(token.getSubject()).isEqualTo(AdminApi.CLIENT_ID);
		assertThat(token.getAudience()).doesNotContain(LocalAuthServer.AUDIENCE);
		assertThat(token.getClaimAsStringList("scope")).containsExactly("accounts");
		assertThat(token.getClaims()).doesNotContainKeys("org", "roles");
	}

	@Test
	void theDiscoveryDocumentNamesTheConfiguredIssuerAndItsJwks() throws Exception {
		HttpResponse<String> response = get("/.well-known/openid-configuration");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(response.body(), "$.issuer")).isEqualTo(LocalAuthServer.ISSUER);
		assertThat(JsonPath.<String>read(response.body(), "$.jwks_uri"))
			.isEqualTo(LocalAuthServer.ISSUER + "/oauth2/jwks");
		assertThat(JsonPath.<String>read(response.body(), "$.token_endpoint"))
			.isEqualTo(LocalAuthServer.ISSUER + "/oauth2/token");
		assertThat(JsonPath.<List<String>>read(response.body(), "$.id_token_signing_alg_values_supported"))
			.contains("RS256");
	}

	@Test
	void healthAndProbesAreOpenWithoutATokenAndCheckTheStore() throws Exception {
		for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
			HttpResponse<String> response = get(path);

			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void theLandingPageListsThePersonasTheirAddressesAndTheCurlCommand() throws Exception {
		HttpResponse<String> response = get("/");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("mentee.luka", "luka.novak@example.org", "org-kultura-nova")
			.contains(Persona.accountIdOf("mentor.elena"))
			.contains("curl -s -u coordinator.rs:demo -d grant_type=client_credentials " + LocalAuthServer.ISSUER
					+ "/oauth2/token")
			.contains(LocalAuthServer.PUBLIC_URL + "/account/reset")
			.doesNotContain("participant");
	}

	private HttpResponse<String> clientCredentials(String username, String password) throws Exception {
		return TokenRequests.clientCredentials(baseUrl(), username, password, Map.of());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String baseUrl() {
		return "http://localhost:" + port;
	}

}
