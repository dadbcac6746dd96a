package com.kreativnomentorstvo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.testkit.TestTokens;

/**
 * Security headers on every response, whoever wrote it (a service, the gateway's own problems, the
 * Swagger UI), and CORS only for the configured origins.
 */
class SecurityHeadersIT extends GatewayTest {

	@Test
	void aServicesAnswerCarriesTheSecurityHeaders() {
		HttpResponse<String> response = get("/api/v1/programmes").token(TestTokens.shared().coordinator(anOrganisation()))
			.send();

		assertThat(response.statusCode()).isEqualTo(200);
		assertApiHeaders(response);
	}

	@Test
	void theGatewaysOwnProblemsCarryTheSecurityHeaders() {
		assertApiHeaders(get("/api/v1/programmes").send());
		assertApiHeaders(get("/api/v1/sessions/s-1").token(TestTokens.shared().coordinator(anOrganisation())).send());
		assertApiHeaders(get("/api/v1/participants?size=1000").token(TestTokens.shared().coordinator(anOrganisation())).send());
	}

	@Test
	void theSwaggerUiGetsAPolicyThatLetsItRunItsOwnScriptsOnly() {
		HttpResponse<String> response = get("/webjars/swagger-ui/index.html").send();

		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
			.contains("script-src 'self'")
			.contains("connect-src 'self' " + TestTokens.shared().issuer())
			.contains("frame-ancestors 'none'")
			.doesNotContain("'unsafe-eval'")
			.doesNotContain("script-src 'self' 'unsafe-inline'"));
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void strictTransportSecurityIsSentOverHttpsOnly() {
		HttpResponse<String> overHttps = get("/asyncapi.yaml").header("X-Forwarded-Proto", "https").send();
		HttpResponse<String> overHttp = get("/asyncapi.yaml").send();

		assertThat(overHttps.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
		assertThat(overHttp.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void aBrowserOnAnAllowedOriginMayCallTheApi() {
		HttpResponse<String> preflight = call("OPTIONS", "/api/v1/programmes").header("Origin", ALLOWED_ORIGIN)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization, content-type")
			.send();

		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
				methods -> assertThat(methods).contains("POST"));
		HttpResponse<String> actual = get("/api/v1/programmes").header("Origin", ALLOWED_ORIGIN)
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.send();
		assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
		assertThat(actual.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
				exposed -> assertThat(exposed).contains("X-Request-Id"));
	}

	@Test
	void aBrowserOnAnyOtherOriginMayNot() {
		HttpResponse<String> preflight = call("OPTIONS", "/api/v1/programmes").header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "POST")
			.send();
		HttpResponse<String> actual = get("/api/v1/programmes").header("Origin", "https://evil.example")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.send();

		assertThat(preflight.statusCode()).isEqualTo(403);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(actual.statusCode()).isEqualTo(403);
		assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private static void assertApiHeaders(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(
				"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
		assertThat(response.headers().firstValue("Cache-Control")).isPresent();
	}

}
