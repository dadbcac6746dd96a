package com.kreativnomentorstvo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * What a person's browser does, as a plain HTTP client with cookies that follows nothing by itself:
 * opens the links of e-mails, submits the forms of pages, and signs in with the authorization code
 * flow and PKCE, as the public browser client {@code mentoring-web} (the Swagger UI's redirect).
 */
final class Browser {

	private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");

	private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.cookieHandler(new LocalhostIsSecure())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	HttpResponse<String> open(String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/html")
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Submits a form to the URL: the page's hidden fields and the fields given. */
	HttpResponse<String> submit(String url, String page, Map<String, String> fields)
			throws IOException, InterruptedException {
		Map<String, String> all = new LinkedHashMap<>(hiddenFields(page));
		all.putAll(fields);
		String form = all.entrySet()
			.stream()
			.map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Signs in as a person would: the authorization request with a PKCE challenge, the login form,
	 * the redirect back with a code, and the code exchanged for tokens with the verifier.
	 * @return the access token
	 */
	String signIn(String issuer, String redirectUri, String username, String password)
			throws IOException, InterruptedException {
		String verifier = randomUrlSafe(48);
		String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
		String state = randomUrlSafe(16);
		String authorize = issuer + "/oauth2/authorize?response_type=code&client_id=mentoring-web&scope="
				+ URLEncoder.encode("openid profile", StandardCharsets.UTF_8) + "&redirect_uri="
				+ URLEncoder.encode(redirectUri, StandardCharsets.UTF_8) + "&state=" + state + "&code_challenge="
				+ challenge + "&code_challenge_method=S256";

		HttpResponse<String> toLogin = open(authorize);
		assertThat(toLogin.statusCode()).as("the authorization request sends a stranger to the login form")
			.isEqualTo(302);
		String loginUrl = absolute(issuer, location(toLogin));
		HttpResponse<String> loginPage = open(loginUrl);
		assertThat(loginPage.statusCode()).isEqualTo(200);
		HttpResponse<String> loggedIn = submit(issuer + "/login", loginPage.body(),
				Map.of("username", username, "password", password));
		assertThat(loggedIn.statusCode()).as("the login form takes her e-mail address and password: " + loggedIn.body())
			.isEqualTo(302);
		HttpResponse<String> back = open(absolute(issuer, location(loggedIn)));
		assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
		String callback = location(back);
		assertThat(callback).startsWith(redirectUri);
		Map<String, String> query = query(URI.create(callback).getRawQuery());
		assertThat(query.get("state")).isEqualTo(state);

		String exchange = "grant_type=authorization_code&client_id=mentoring-web&code="
				+ URLEncoder.encode(query.get("code"), StandardCharsets.UTF_8) + "&redirect_uri="
				+ URLEncoder.encode(redirectUri, StandardCharsets.UTF_8) + "&code_verifier=" + verifier;
		HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(exchange))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		JsonNode body = RunningStack.JSON.readTree(tokens.body());
		return body.path("access_token").asString();
	}

	/**
	 * Opens a page of the web application as a person who is not signed in yet would from a link:
	 * follows the redirects to the identity provider's login form, signs in there, and follows the
	 * redirects back (the code goes to the web application, which keeps the tokens) to the page.
	 * @return the page, once signed in
	 */
	HttpResponse<String> openSignedIn(String url, String issuer, String username, String password)
			throws IOException, InterruptedException {
		HttpResponse<String> page = follow(url);
		if (page.statusCode() == 200 && page.uri().toString().startsWith(issuer + "/login")) {
			HttpResponse<String> loggedIn = submit(issuer + "/login", page.body(),
					Map.of("username", username, "password", password));
			assertThat(loggedIn.statusCode()).as("the login form takes her name and password: " + loggedIn.body())
				.isEqualTo(302);
			page = follow(loggedIn.uri().resolve(location(loggedIn)).toString());
		}
		return page;
	}

	/** Opens the URL and follows redirects, as a browser does, up to the first page that is not one. */
	HttpResponse<String> follow(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = open(url);
		for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
			response = open(response.uri().resolve(location(response)).toString());
		}
		return response;
	}

	/** Submits the form (its hidden fields, the CSRF token among them) and follows the redirects after it. */
	HttpResponse<String> submitAndFollow(String url, String page, Map<String, String> fields)
			throws IOException, InterruptedException {
		HttpResponse<String> response = submit(url, page, fields);
		return response.statusCode() / 100 == 3 ? follow(response.uri().resolve(location(response)).toString()) : response;
	}

	/**
	 * Cookies as browsers keep them: {@code http://localhost} counts as a secure origin, so the web
	 * application's Secure session cookie is sent there as it is to an HTTPS address (the JDK's
	 * cookie manager alone would keep it back).
	 */
	private static final class LocalhostIsSecure extends CookieHandler {

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
			return cookies.get(secure(uri), headers);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> headers) throws IOException {
			cookies.put(secure(uri), headers);
		}

		private static URI secure(URI uri) {
			boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
			if (!local || !"http".equals(uri.getScheme())) {
				return uri;
			}
			return URI.create("https" + uri.toString().substring("http".length()));
		}

	}

	static Map<String, String> hiddenFields(String page) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = HIDDEN.matcher(page);
		while (hidden.find()) {
			Matcher name = NAME.matcher(hidden.group());
			Matcher value = VALUE.matcher(hidden.group());
			if (name.find()) {
				fields.put(name.group(1), value.find() ? value.group(1).replace("&amp;", "&") : "");
			}
		}
		return fields;
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location header"));
	}

	private static String absolute(String base, String location) {
		return location.startsWith("http") ? location : base + location;
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

	private static String randomUrlSafe(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
