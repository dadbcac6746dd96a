package com.kreativnomentorstvo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.testkit.TestTokens;

/**
 * Rate limits per organisation, per client and per address (in this test context: 50, 25 and 25
 * requests an hour): a flood gets 429 problems with {@code Retry-After}, and everybody else
 * carries on.
 */
class RateLimitIT extends GatewayTest {

	@Test
	void aFloodFromOneOrganisationIsLimitedWhileAnotherOrganisationCarriesOn() {
		String flooding = anOrganisation();
		List<String> clients = List.of(client(flooding, "a"), client(flooding, "b"), client(flooding, "c"));
		List<HttpResponse<String>> refused = new ArrayList<>();
		// three clients, each within its own limit, together beyond the organisation's
		for (int round = 0; round < 20; round++) {
			for (String token : clients) {
				HttpResponse<String> response = get("/api/v1/programmes").token(token).send();
				if (response.statusCode() == 429) {
					refused.add(response);
				}
			}
		}

		assertThat(refused).hasSize(3 * 20 - ORGANISATION_LIMIT);
		assertThat(refused).allSatisfy(response -> {
			assertThat(response.body()).contains("\"type\":\"urn:mentoring:problem:too-many-requests\"")
				.contains("\"limit\":\"organisation\"");
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isPositive();
		});
		HttpResponse<String> otherOrganisation = get("/api/v1/programmes")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.send();
		assertThat(otherOrganisation.statusCode()).isEqualTo(200);
	}

	@Test
	void aFloodFromOneClientIsLimitedWhileAnotherClientOfTheSameOrganisationCarriesOn() {
		String organisation = anOrganisation();
		String flooding = client(organisation, "flooding");
		int refused = 0;
		for (int i = 0; i < CLIENT_LIMIT + 5; i++) {
			HttpResponse<String> response = get("/api/v1/organisations").token(flooding).send();
			if (response.statusCode() == 429) {
				refused++;
				assertThat(response.body()).contains("\"limit\":\"client\"");
			}
		}

		assertThat(refused).isEqualTo(5);
		assertThat(get("/api/v1/organisations").token(client(organisation, "calm")).send().statusCode()).isEqualTo(200);
	}

	@Test
	void requestsWithoutATokenAreLimitedPerAddress() {
		String address = anAddress();
		int refused = 0;
		for (int i = 0; i < ANONYMOUS_LIMIT + 3; i++) {
			HttpResponse<String> response = get("/asyncapi.yaml").header("X-Forwarded-For", address).send();
			if (response.statusCode() == 429) {
				refused++;
				assertThat(response.body()).contains("\"limit\":\"address\"");
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
			}
		}

		assertThat(refused).isEqualTo(3);
		assertThat(get("/asyncapi.yaml").header("X-Forwarded-For", anAddress()).send().statusCode()).isEqualTo(200);
	}

	@Test
	void unauthenticatedFloodsOfTheApiAreLimitedBeforeTheirRefusal() {
		String address = anAddress();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < ANONYMOUS_LIMIT + 1; i++) {
			statuses.add(get("/api/v1/programmes").header("X-Forwarded-For", address).send().statusCode());
		}

		assertThat(statuses.subList(0, ANONYMOUS_LIMIT)).containsOnly(401);
		assertThat(statuses.get(ANONYMOUS_LIMIT)).isEqualTo(429);
	}

	@Test
	void aRequestWithinItsLimitsSaysHowManyRemain() {
		HttpResponse<String> response = get("/api/v1/programmes").token(TestTokens.shared().coordinator(anOrganisation()))
			.send();

		assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(CLIENT_LIMIT - 1));
	}

	@Test
	void healthProbesAreNeverLimited() {
		String address = anAddress();
		for (int i = 0; i < ANONYMOUS_LIMIT + 3; i++) {
			assertThat(management("GET", "/actuator/health/liveness").header("X-Forwarded-For", address).send().statusCode())
				.isEqualTo(200);
		}
	}

	private static String client(String organisation, String name) {
		return TestTokens.shared().token().subject(name + "@" + organisation).organisation(organisation).roles("coordinator")
			.sign();
	}

}
