package com.kreativnomentorstvo.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.util.UriComponentsBuilder;

import com.jayway.jsonpath.JsonPath;

@LocalAuthServer
class BrowserLoginIT {

	private static final String CLIENT_ID = "mentoring-web";

	private static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/mentoring-web";

	/** A browser: keeps the session cookie, does not follow redirects so that each step can be checked. */
	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void theWebClientIsPublicRequiresPkceAndKnowsTheConfiguredRedirectUris() {
		RegisteredClient web = clients.findByClientId(CLIENT_ID);

		assertThat(web).isNotNull();
		assertThat(web.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.NONE);
		assertThat(web.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.AUTHORIZATION_CODE);
		assertThat(web.getClientSettings().isRequireProofKey()).isTrue();
		assertThat(web.getRedirectUris()).containsExactlyInAnyOrder(
				"http://localhost:8080/swagger-ui/oauth2-redirect.html", REDIRECT_URI);
		assertThat(web.getScopes()).contains("openid");
	}

	@Test
	void aPersonaSignsInAndTheWebClientRedeemsTheCodeWithItsVerifier() throws Exception {
		String verifier = randomUrlSafe(48);
		String authorize = authorizeUrl(challengeOf(verifier));

		// not signed in yet: the browser is sent to the login form
		HttpResponse<String> toLogin = browse(HttpRequest.newBuilder(URI.create(authorize)));
		assertThat(toLogin.statusCode()).isEqualTo(302);
		assertThat(location(toLogin)).endsWith("/login");

		HttpResponse<String> loginForm = browse(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")));
		assertThat(loginForm.statusCode()).isEqualTo(200);

		HttpResponse<String> signedIn = browse(Tokens.post(baseUrl() + "/login", Map.of("username", "mentee.sara",
				"password", "demo", "_csrf", csrfToken(loginForm.body()))));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(location(signedIn)).contains("/oauth2/authorize");

		// back to the saved authorization request, which now ends at the client with a code
		HttpResponse<String> toClient = browse(HttpRequest.newBuilder(URI.create(location(signedIn))));
		assertThat(toClient.statusCode()).isEqualTo(302);
		assertThat(location(toClient)).startsWith(REDIRECT_URI);
		var callback = UriComponentsBuilder.fromUriString(location(toClient)).build().getQueryParams();
		assertThat(callback.getFirst("state")).isEqualTo("state-1");
		String code = callback.getFirst("code");
		assertThat(code).isNotBlank();

		HttpResponse<String> tokens = browse(Tokens.post(baseUrl() + "/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI, "client_id",
						CLIENT_ID, "code_verifier", verifier)));
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);

		Jwt accessToken = Tokens.decoderFor(baseUrl()).decode(JsonPath.read(tokens.body(), "$.access_token"));
		assertThat(accessToken.getSubject()).isEqualTo("mentee.sara");
		assertThat(accessToken.getAudience()).containsExactly(LocalAuthServer.AUDIENCE);
		assertThat(accessToken.getClaimAsString("org")).isEqualTo("org-skopje-creative-hub");
		assertThat(accessToken.getClaimAsStringList("roles")).containsExactly("mentee");
		assertThat(accessToken.getClaimAsString("participant_id")).isEqualTo("p-demo-mentee-3");
		assertThat(JsonPath.<String>read(tokens.body(), "$.id_token")).isNotBlank();
	}

	@Test
	void aCodeIsNotRedeemedWithoutTheRightVerifier() throws Exception {
		String code = signInAndGetCode("coordinator.si", challengeOf(randomUrlSafe(48)));

		HttpResponse<String> tokens = browse(Tokens.post(baseUrl() + "/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI, "client_id",
						CLIENT_ID, "code_verifier", randomUrlSafe(48))));

		assertThat(tokens.statusCode()).isIn(400, 401);
		assertThat(tokens.body()).doesNotContain("access_token");
	}

	@Test
	void anAuthorizationRequestWithoutPkceIsRefused() throws Exception {
		String withoutChallenge = UriComponentsBuilder.fromUriString(baseUrl() + "/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", CLIENT_ID)
			.queryParam("scope", "openid")
			.queryParam("redirect_uri", REDIRECT_URI)
			.queryParam("state", "state-1")
			.encode()
			.toUriString();

		HttpResponse<String> response = browse(HttpRequest.newBuilder(URI.create(withoutChallenge)));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).startsWith(REDIRECT_URI).contains("error=invalid_request").doesNotContain("code=");
	}

	@Test
	void aWrongPasswordDoesNotSignIn() throws Exception {
		browse(HttpRequest.newBuilder(URI.create(authorizeUrl(challengeOf(randomUrlSafe(48))))));
		HttpResponse<String> loginForm = browse(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")));

		HttpResponse<String> refused = browse(Tokens.post(baseUrl() + "/login",
				Map.of("username", "mentee.sara", "password", "wrong", "_csrf", csrfToken(loginForm.body()))));

		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(location(refused)).endsWith("/login?error");
	}

	private String signInAndGetCode(String username, String challenge) throws Exception {
		browse(HttpRequest.newBuilder(URI.create(authorizeUrl(challenge))));
		HttpResponse<String> loginForm = browse(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")));
		HttpResponse<String> signedIn = browse(Tokens.post(baseUrl() + "/login",
				Map.of("username", username, "password", "demo", "_csrf", csrfToken(loginForm.body()))));
		HttpResponse<String> toClient = browse(HttpRequest.newBuilder(URI.create(location(signedIn))));
		return UriComponentsBuilder.fromUriString(location(toClient)).build().getQueryParams().getFirst("code");
	}

	private String authorizeUrl(String challenge) {
		return UriComponentsBuilder.fromUriString(baseUrl() + "/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", CLIENT_ID)
			.queryParam("scope", "openid profile")
			.queryParam("redirect_uri", REDIRECT_URI)
			.queryParam("state", "state-1")
			.queryParam("code_challenge", challenge)
			.queryParam("code_challenge_method", "S256")
			.encode()
			.toUriString();
	}

	private HttpResponse<String> browse(HttpRequest.Builder request) throws Exception {
		return browser.send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static String csrfToken(String loginPage) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(matcher.find()).as("the login form carries a CSRF token").isTrue();
		return matcher.group(1);
	}

	private static String challengeOf(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	private static String randomUrlSafe(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	private String baseUrl() {
		return "http://localhost:" + port;
	}

}
