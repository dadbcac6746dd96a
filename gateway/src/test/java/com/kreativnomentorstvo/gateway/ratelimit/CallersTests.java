package com.kreativnomentorstvo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallersTests {

	@Test
	void anOrganisationIsCountedByItsClaim() {
		assertThat(Callers.organisation(token().claim("org", "org-kultura-nova").build())).isEqualTo("org:org-kultura-nova");
		assertThat(Callers.organisation(token().build())).isNull();
	}

	@Test
	void aClientIsTheApplicationTogetherWithTheSubjectItActsFor() {
		assertThat(Callers.client(token().claim("azp", "web").build())).isEqualTo("client:web:mentor.ana");
		assertThat(Callers.client(token().claim("client_id", "cli").build())).isEqualTo("client:cli:mentor.ana");
		assertThat(Callers.client(token().build())).isEqualTo("client:-:mentor.ana");
	}

	@Test
	void twoUsersOfOneApplicationAreTwoClients() {
		assertThat(Callers.client(token().claim("azp", "web").build()))
			.isNotEqualTo(Callers.client(token().subject("mentee.luka").claim("azp", "web").build()));
	}

	@Test
	void anAnonymousCallerIsItsAddress() {
		assertThat(Callers.address(new InetSocketAddress("192.0.2.7", 443))).isEqualTo("address:192.0.2.7");
		assertThat(Callers.address(null)).isEqualTo("address:unknown");
	}

	private static Jwt.Builder token() {
		return Jwt.withTokenValue("t").header("alg", "RS256").subject("mentor.ana").issuedAt(Instant.now());
	}

}
