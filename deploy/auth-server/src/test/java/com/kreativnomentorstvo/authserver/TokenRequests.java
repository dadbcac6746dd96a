package com.kreativnomentorstvo.authserver;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.jayway.jsonpath.JsonPath;

/** The form posts that ask for tokens, and what a resource server does with them. */
public final class TokenRequests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private TokenRequests() {
	}

	/** A decoder that, like every service, trusts only the server's JWKS, its issuer and the API audience. */
	public static JwtDecoder decoderFor(String baseUrl) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(baseUrl + "/oauth2/jwks").build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(LocalAuthServer.ISSUER), new JwtClaimValidator<List<String>>("aud",
						audience -> audience != null && audience.contains(LocalAuthServer.AUDIENCE))));
		return decoder;
	}

	/** A decoder that checks signature, issuer and time only, for tokens that are not for the API. */
	public static JwtDecoder anyAudienceDecoderFor(String baseUrl) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(baseUrl + "/oauth2/jwks").build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(LocalAuthServer.ISSUER));
		return decoder;
	}

	/** A {@code client_credentials} request with the secret by HTTP Basic, and the fields given. */
	public static HttpResponse<String> clientCredentials(String baseUrl, String clientId, String secret,
			Map<String, String> fields) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("grant_type", "client_credentials");
		return HTTP.send(post(baseUrl + "/oauth2/token", form).header("Authorization", "Basic " + basic).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** The access token of a successful token response. */
	public static String accessToken(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new AssertionError("no token: " + response.statusCode() + " " + response.body());
		}
		return JsonPath.read(response.body(), "$.access_token");
	}

	public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
		return HttpRequest.BodyPublishers.ofString(fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&")));
	}

	public static HttpRequest.Builder post(String url, Map<String, String> fields) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(fields));
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
