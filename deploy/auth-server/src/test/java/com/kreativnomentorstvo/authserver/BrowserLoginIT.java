package com.kreativnomentorstvo.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.util.UriComponentsBuilder;

import com.kreativnomentorstvo.authserver.persona.Persona;

@LocalAuthServer
class BrowserLoginIT {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void theWebClientIsPublicRequiresPkceAndKnowsTheConfiguredRedirectUris() {
		RegisteredClient web = clients.findByClientId(Browser.CLIENT_ID);

		assertThat(web).isNotNull();
		assertThat(web.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.NONE);
		assertThat(web.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.AUTHORIZATION_CODE);
		assertThat(web.getClientSettings().isRequireProofKey()).isTrue();
		assertThat(web.getRedirectUris()).containsExactlyInAnyOrder(
				"http://localhost:8080/swagger-ui/oauth2-redirect.html", Browser.REDIRECT_URI);
		assertThat(web.getScopes()).containsExactlyInAnyOrder("openid", "profile", "email");
	}

	@Test
	void aPersonaSignsInAndTheWebClientRedeemsTheCodeWithItsVerifier() throws Exception {
		Browser browser = new Browser(port);

		// not signed in yet: the browser is sent to the login form
		HttpResponse<String> toLogin = browser.authorize();
		assertThat(toLogin.statusCode()).isEqualTo(302);
		assertThat(Browser.location(toLogin)).endsWith("/login");

		HttpResponse<String> signedIn = browser.signIn("mentee.sara", "demo");
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(Browser.location(signedIn)).contains("/oauth2/authorize");

		// back to the saved authorization request, which now ends at the client with a code
		Browser.Tokens tokens = browser.redeem(Browser.codeFrom(browser.get(Browser.location(signedIn))));

		Jwt accessToken = TokenRequests.decoderFor(baseUrl()).decode(tokens.accessToken());
		assertThat(accessToken.getSubject()).isEqualTo(Persona.accountIdOf("mentee.sara"))
			.isEqualTo("1ac2f35a-01fe-38c3-ba74-432be30d9902");
		assertThat(accessToken.getAudience()).containsExactly(LocalAuthServer.AUDIENCE);
		assertThat(accessToken.getClaimAsString("org")).isEqualTo("org-skopje-creative-hub");
		assertThat(accessToken.getClaimAsStringList("roles")).containsExactly("mentee");
		assertThat(accessToken.getClaims()).doesNotContainKeys("participant_id", "email", "name");
	}

	@Test
	void theIdTokenNamesThePersonWithHerAddressAndLanguage() throws Exception {
		Browser.Tokens tokens = new Browser(port).signInAndRedeem("mentor.tina", "demo");

		Jwt idToken = TokenRequests.anyAudienceDecoderFor(baseUrl()).decode(tokens.idToken());
		assertThat(idToken.getAudience()).containsExactly(Browser.CLIENT_ID);
		assertThat(idToken.getSubject()).isEqualTo(Persona.accountIdOf("mentor.tina"));
		assertThat(idToken.getClaimAsString("email")).isEqualTo("tina.kovac@example.org");
		assertThat(idToken.getClaimAsString("name")).isEqualTo("Tina Kovač");
		assertThat(idToken.getClaimAsString("locale")).isEqualTo("sl");
		assertThat(idToken.getClaimAsString("org")).isEqualTo("org-ljubljana-arts-network");
		assertThat(idToken.getClaimAsStringList("roles")).containsExactly("mentor");
		assertThat(idToken.hasClaim("participant_id")).isFalse();
	}

	@Test
	void aPersonaMayAlsoSignInWithHerAddressInAnyCase() throws Exception {
		Browser.Tokens tokens = new Browser(port).signInAndRedeem("  Ana.Petrovic@EXAMPLE.org ", "demo");

		Jwt accessToken = TokenRequests.decoderFor(baseUrl()).decode(tokens.accessToken());
		assertThat(accessToken.getSubject()).isEqualTo(Persona.accountIdOf("mentor.ana"));
	}

	@Test
	void aCodeIsNotRedeemedWithoutTheRightVerifier() throws Exception {
		Browser browser = new Browser(port);
		browser.authorize();
		HttpResponse<String> signedIn = browser.signIn("coordinator.si", "demo");
		String code = Browser.codeFrom(browser.get(Browser.location(signedIn)));

		HttpResponse<String> tokens = browser.post(baseUrl() + "/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", Browser.REDIRECT_URI,
						"client_id", Browser.CLIENT_ID, "code_verifier", Browser.randomUrlSafe(48)));

		assertThat(tokens.statusCode()).isIn(400, 401);
		assertThat(tokens.body()).doesNotContain("access_token");
	}

	@Test
	void anAuthorizationRequestWithoutPkceIsRefused() throws Exception {
		String withoutChallenge = UriComponentsBuilder.fromUriString(baseUrl() + "/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", Browser.CLIENT_ID)
			.queryParam("scope", "openid")
			.queryParam("redirect_uri", Browser.REDIRECT_URI)
			.queryParam("state", "state-1")
			.encode()
			.toUriString();

		HttpResponse<String> response = new Browser(port).get(withoutChallenge);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(Browser.location(response)).startsWith(Browser.REDIRECT_URI)
			.contains("error=invalid_request")
			.doesNotContain("code=");
	}

	@Test
	void aWrongPasswordDoesNotSignIn() throws Exception {
		Browser browser = new Browser(port);
		browser.authorize();

		HttpResponse<String> refused = browser.signIn("mentee.sara", "wrong-password");

		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(Browser.location(refused)).endsWith("/login?error");
		assertThat(browser.get(Browser.location(refused)).body()).contains("role=\"alert\"")
			.contains("The e-mail address or the password is wrong");
	}

	@Test
	void theLoginFormAsksForTheAddressAndLeadsToThePlatformsPasswordReset() throws Exception {
		HttpResponse<String> form = new Browser(port).get(baseUrl() + "/login");

		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(form.body()).contains("E-mail address", "name=\"username\"", "name=\"password\"")
			.contains("<a href=\"" + LocalAuthServer.PUBLIC_URL + "/account/reset\">Forgot your password?</a>")
			.contains("coordinator.rs");
		Browser.csrfToken(form.body());
	}

	@Test
	void theSwaggerUiAtThePlatformsAddressMayReadDiscoveryAndRedeemCodesFromTheBrowserOthersMayNot() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String path : new String[] { "/.well-known/openid-configuration", "/oauth2/token" }) {
			HttpResponse<String> ours = http.send(preflight(path, LocalAuthServer.PUBLIC_URL),
					HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> theirs = http.send(preflight(path, "https://elsewhere.example"),
					HttpResponse.BodyHandlers.ofString());

			assertThat(ours.headers().firstValue("Access-Control-Allow-Origin")).as(path)
				.hasValue(LocalAuthServer.PUBLIC_URL);
			assertThat(theirs.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
		}
	}

	private HttpRequest preflight(String path, String origin) {
		return HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")
			.build();
	}

	private String baseUrl() {
		return "http://localhost:" + port;
	}

}
