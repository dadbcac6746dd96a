package com.kreativnomentorstvo.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.cors.CorsConfiguration;

class CorsTests {

	@Test
	void noOriginIsAllowedUnlessConfigured() {
		SecurityProperties none = new SecurityProperties(Duration.ofSeconds(30), List.of(""), Duration.ofHours(1),
				new SecurityProperties.VerifiedTokens(10000, Duration.ofMinutes(5)));

		assertThat(GatewaySecurity.cors(none).getCorsConfiguration(exchange("/api/v1/programmes"))).isNull();
	}

	@Test
	void configuredOriginsMayCallTheApiWithoutCredentials() {
		SecurityProperties some = new SecurityProperties(Duration.ofSeconds(30),
				List.of("https://a.example", " https://b.example "), Duration.ofMinutes(10),
				new SecurityProperties.VerifiedTokens(10000, Duration.ofMinutes(5)));

		CorsConfiguration configuration = GatewaySecurity.cors(some).getCorsConfiguration(exchange("/api/v1/programmes"));

		assertThat(configuration.getAllowedOrigins()).containsExactly("https://a.example", "https://b.example");
		assertThat(configuration.getAllowCredentials()).isFalse();
		assertThat(configuration.getMaxAge()).isEqualTo(600);
		assertThat(configuration.checkOrigin("https://c.example")).isNull();
	}

	private static MockServerWebExchange exchange(String path) {
		return MockServerWebExchange.from(MockServerHttpRequest.get(path));
	}

}
