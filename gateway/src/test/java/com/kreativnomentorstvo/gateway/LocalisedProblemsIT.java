package com.kreativnomentorstvo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.language.ProblemBundle;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own problems are worded in the language {@code Accept-Language} asks for, and say
 * so in {@code Content-Language}: the texts are those of that language's bundle file.
 */
class LocalisedProblemsIT extends GatewayTest {

	private static final ProblemBundle GATEWAY = ProblemBundle.of("problems/gateway");

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void aMissingTokenIsWordedInTheLanguage(String tag) {
		Locale language = Locale.forLanguageTag(tag);

		JsonNode problem = problem(get("/api/v1/programmes").header("Accept-Language", tag).send(), 401, tag);
		assertThat(problem.path("title").asString()).isEqualTo(GATEWAY.text(language, "title.unauthenticated"));
		assertThat(problem.path("detail").asString()).isEqualTo(GATEWAY.text(language, "unauthenticated.detail"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void anUnknownPathIsWordedInTheLanguage(String tag) {
		Locale language = Locale.forLanguageTag(tag);

		JsonNode problem = problem(get("/api/v1/no-such-thing").token(TestTokens.shared().coordinator(anOrganisation()))
			.header("Accept-Language", tag)
			.send(), 404, tag);
		assertThat(problem.path("title").asString()).isEqualTo(GATEWAY.text(language, "title.not-found"));
		assertThat(problem.path("detail").asString()).isEqualTo(GATEWAY.text(language, "not-found.path"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void aPageTooLargeNamesTheFieldInTheLanguage(String tag) {
		Locale language = Locale.forLanguageTag(tag);

		JsonNode problem = problem(get("/api/v1/programmes?size=101")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.header("Accept-Language", tag)
			.send(), 400, tag);
		assertThat(problem.path("title").asString()).isEqualTo(GATEWAY.text(language, "title.invalid-input"));
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("size");
		assertThat(problem.path("errors").get(0).path("message").asString())
			.isEqualTo(GATEWAY.format(language, "field.at-most", 100));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void aBodyTooLargeIsWordedInTheLanguage(String tag) {
		Locale language = Locale.forLanguageTag(tag);
		int limit = 256 * 1024;

		JsonNode problem = problem(call("POST", "/api/v1/programmes")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.header("Accept-Language", tag)
			.header("Content-Type", "application/json")
			.body(HttpRequest.BodyPublishers.ofString("\"" + "x".repeat(limit) + "\""))
			.send(), 413, tag);
		assertThat(problem.path("title").asString()).isEqualTo(GATEWAY.text(language, "title.payload-too-large"));
		assertThat(problem.path("detail").asString()).isEqualTo(GATEWAY.format(language, "payload-too-large.limit", limit));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void aRateLimitReachedIsWordedInTheLanguage(String tag) {
		Locale language = Locale.forLanguageTag(tag);
		String address = anAddress();
		HttpResponse<String> response = null;
		for (int i = 0; i <= ANONYMOUS_LIMIT; i++) {
			response = get("/asyncapi.yaml").header("X-Forwarded-For", address).header("Accept-Language", tag).send();
		}

		JsonNode problem = problem(response, 429, tag);
		assertThat(problem.path("title").asString()).isEqualTo(GATEWAY.text(language, "title.too-many-requests"));
		long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
		assertThat(problem.path("detail").asString())
			.isEqualTo(GATEWAY.format(language, "too-many-requests.address", seconds));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "sr-RS, sr;q=0.9, en;q=0.8", "de, mk;q=0.5", "fr" })
	void anotherLanguageIsAnsweredInTheClosestOfTheSix(String acceptLanguage) {
		String expected = switch (acceptLanguage) {
			case "fr" -> "en";
			case "de, mk;q=0.5" -> "mk";
			default -> "sr-Latn";
		};

		JsonNode problem = problem(get("/api/v1/programmes").header("Accept-Language", acceptLanguage).send(), 401,
				expected);
		assertThat(problem.path("title").asString())
			.isEqualTo(GATEWAY.text(Locale.forLanguageTag(expected), "title.unauthenticated"));
	}

	private static JsonNode problem(HttpResponse<String> response, int status, String language) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("Content-Language")).hasValue(language);
		return JsonMapper.shared().readTree(response.body());
	}

}
