package com.kreativnomentorstvo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.testkit.MovableClock;
import com.kreativnomentorstvo.testkit.http.StandInServer;

/** Client-credentials tokens from a real HTTP token endpoint, kept until shortly before they expire. */
class ClientCredentialsTests {

	private static final String TOKEN_PATH = "/oauth2/token";

	@Test
	void asksTheTokenEndpointWithTheClientsSecretAndPutsTheTokenOnEveryRequest() {
		try (StandInServer issuer = StandInServer.start()) {
			issuer.answer("POST", TOKEN_PATH, 200, """
					{"access_token": "eyJ.token.1", "token_type": "Bearer", "expires_in": 300}""");
			ClientCredentials credentials = new ClientCredentials(URI.create(issuer.url() + TOKEN_PATH),
					"integration:crm", "s3cret&more");
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:8080/api/v1/programmes"));

			credentials.accept(request);

			assertThat(request.build().headers().firstValue("Authorization")).hasValue("Bearer eyJ.token.1");
			StandInServer.Request asked = issuer.received().get(0);
			assertThat(asked.body()).isEqualTo("grant_type=client_credentials");
			assertThat(asked.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
			String basic = new String(Base64.getDecoder().decode(asked.header("Authorization").substring("Basic ".length())),
					StandardCharsets.UTF_8);
			String[] idAndSecret = basic.split(":", 2);
			assertThat(URLDecoder.decode(idAndSecret[0], StandardCharsets.UTF_8)).isEqualTo("integration:crm");
			assertThat(URLDecoder.decode(idAndSecret[1], StandardCharsets.UTF_8)).isEqualTo("s3cret&more");
		}
	}

	@Test
	void keepsATokenUntilShortlyBeforeItExpires() {
		try (StandInServer issuer = StandInServer.start()) {
			issuer.answer("POST", TOKEN_PATH, 200, "{\"access_token\": \"eyJ.token\", \"expires_in\": 300}");
			MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-03-01T10:00:00Z"));
			ClientCredentials credentials = new ClientCredentials(URI.create(issuer.url() + TOKEN_PATH), "crm", "secret",
					HttpClient.newHttpClient(), clock);

			credentials.token();
			clock.advance(Duration.ofSeconds(300).minus(ClientCredentials.RENEW_EARLY).minusSeconds(1));
			credentials.token();
			assertThat(issuer.received()).as("still valid: kept").hasSize(1);

			clock.advance(Duration.ofSeconds(1));
			credentials.token();
			assertThat(issuer.received()).as("about to expire: renewed").hasSize(2);
		}
	}

	@Test
	void aShortLivedTokenIsKeptForHalfItsLife() {
		try (StandInServer issuer = StandInServer.start()) {
			issuer.answer("POST", TOKEN_PATH, 200, "{\"access_token\": \"eyJ.token\", \"expires_in\": 20}");
			MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-03-01T10:00:00Z"));
			ClientCredentials credentials = new ClientCredentials(URI.create(issuer.url() + TOKEN_PATH), "crm", "secret",
					HttpClient.newHttpClient(), clock);

			credentials.token();
			clock.advance(Duration.ofSeconds(9));
			credentials.token();
			assertThat(issuer.received()).hasSize(1);
			clock.advance(Duration.ofSeconds(1));
			credentials.token();
			assertThat(issuer.received()).hasSize(2);
		}
	}

	@Test
	void aRefusalSaysWhatTheTokenEndpointAnswered() {
		try (StandInServer issuer = StandInServer.start()) {
			issuer.answer("POST", TOKEN_PATH, 401, "{\"error\": \"invalid_client\"}");
			ClientCredentials credentials = new ClientCredentials(URI.create(issuer.url() + TOKEN_PATH), "crm", "wrong");

			assertThatIllegalStateException().isThrownBy(credentials::token)
				.withMessageContaining("401")
				.withMessageContaining("invalid_client")
				.withMessageContaining(issuer.url() + TOKEN_PATH);
		}
	}

}
