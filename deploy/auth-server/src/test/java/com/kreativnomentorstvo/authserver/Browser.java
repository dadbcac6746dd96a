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

import org.springframework.web.util.UriComponentsBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * A browser without JavaScript as the platform's pages drive it: keeps its session cookie, follows no redirect (so
 * each step can be checked), signs in on the login form after an authorization request of {@value #CLIENT_ID} with
 * PKCE, and redeems the code with its verifier.
 */
public final class Browser {

	public static final String CLIENT_ID = "mentoring-web";

	public static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/mentoring-web";

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String baseUrl;

	private String verifier = randomUrlSafe(48);

	public Browser(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/** Starts an authorization request with a new verifier; not signed in yet, it ends at the login form. */
	public HttpResponse<String> authorize() throws Exception {
		verifier = randomUrlSafe(48);
		return get(authorizeUrl(challengeOf(verifier)));
	}

	/** Posts the login form as a person types into it; a 302 to the saved request, or to {@code /login?error}. */
	public HttpResponse<String> signIn(String login, String password) throws Exception {
		HttpResponse<String> form = get(baseUrl + "/login");
		assertThat(form.statusCode()).isEqualTo(200);
		return post(baseUrl + "/login", Map.of("username", login, "password", password, "_csrf", csrfToken(form.body())));
	}

	/** The whole flow: authorization request, login form, code, token request; the token endpoint's answer. */
	public Tokens signInAndRedeem(String login, String password) throws Exception {
		authorize();
		HttpResponse<String> signedIn = signIn(login, password);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(location(signedIn)).as("signed in as " + login).contains("/oauth2/authorize");
		return redeem(codeFrom(get(location(signedIn))));
	}

	/** Signed in already: a new authorization request goes straight back to the client with a code. */
	public Tokens authorizeAgainAndRedeem() throws Exception {
		return redeem(codeFrom(authorize()));
	}

	public Tokens redeem(String code) throws Exception {
		HttpResponse<String> response = post(baseUrl + "/oauth2/token", Map.of("grant_type", "authorization_code",
				"code", code, "redirect_uri", REDIRECT_URI, "client_id", CLIENT_ID, "code_verifier", verifier));
		return new Tokens(response);
	}

	public String authorizeUrl(String challenge) {
		return UriComponentsBuilder.fromUriString(baseUrl + "/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", CLIENT_ID)
			.queryParam("scope", "openid profile email")
			.queryParam("redirect_uri", REDIRECT_URI)
			.queryParam("state", "state-1")
			.queryParam("code_challenge", challenge)
			.queryParam("code_challenge_method", "S256")
			.encode()
			.toUriString();
	}

	public HttpResponse<String> get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
		return http.send(TokenRequests.post(url, fields).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	public static String codeFrom(HttpResponse<String> toClient) {
		assertThat(toClient.statusCode()).isEqualTo(302);
		assertThat(location(toClient)).startsWith(REDIRECT_URI);
		var callback = UriComponentsBuilder.fromUriString(location(toClient)).build().getQueryParams();
		assertThat(callback.getFirst("state")).isEqualTo("state-1");
		String code = callback.getFirst("code");
		assertThat(code).isNotBlank();
		return code;
	}

	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	static String csrfToken(String loginPage) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(matcher.find()).as("the login form carries a CSRF token").isTrue();
		return matcher.group(1);
	}

	public static String challengeOf(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	public static String randomUrlSafe(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/** The token endpoint's answer to a code. */
	public record Tokens(HttpResponse<String> response) {

		public String accessToken() {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return JsonPath.read(response.body(), "$.access_token");
		}

		public String idToken() {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return JsonPath.read(response.body(), "$.id_token");
		}

	}

}
