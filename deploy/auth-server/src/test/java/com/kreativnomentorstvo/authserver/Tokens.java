package com.kreativnomentorstvo.authserver;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** What a resource server does with our tokens, and the form posts that ask for them. */
final class Tokens {

	private Tokens() {
	}

	/** A decoder that, like every service, trusts only the server's JWKS, its issuer and the API audience. */
	static JwtDecoder decoderFor(String baseUrl) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(baseUrl + "/oauth2/jwks").build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(LocalAuthServer.ISSUER), new JwtClaimValidator<List<String>>("aud",
						audience -> audience != null && audience.contains(LocalAuthServer.AUDIENCE))));
		return decoder;
	}

	static HttpRequest.BodyPublisher form(Map<String, String> fields) {
		return HttpRequest.BodyPublishers.ofString(fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&")));
	}

	static HttpRequest.Builder post(String url, Map<String, String> fields) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(fields));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
