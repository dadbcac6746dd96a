package com.kreativnomentorstvo.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;
import com.kreativnomentorstvo.testkit.language.ProblemBundle;

import tools.jackson.databind.JsonNode;

/**
 * notification-service's problems are worded in the language {@code Accept-Language} asks for, and
 * say so in {@code Content-Language}: a missing webhook, invalid input, broken rules with and
 * without arguments, and a missing token, each with the texts of that language's bundle file.
 */
class LocalisedProblemsIT extends ServiceUnderTest {

	private static final ProblemBundle SERVICE = ProblemBundle.of(ProblemTexts.SERVICE_BUNDLE);

	private static final ProblemBundle PLATFORM = ProblemBundle.of(ProblemTexts.PLATFORM_BUNDLE);

	private static final String SCHEDULED = EventType.SESSION_SCHEDULED.typeName();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void everyKindOfProblemIsWordedInTheLanguage(String tag) {
		Locale language = Locale.forLanguageTag(tag);
		ServiceApi api = api().inLanguage(tag);
		String coordinator = TestTokens.shared().coordinator("org-" + UUID.randomUUID());

		JsonNode missing = problem(api.get("/api/v1/webhooks/nope", coordinator), 404, tag);
		assertThat(missing.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.not-found"));
		assertThat(missing.path("detail").asString()).isEqualTo(PLATFORM.format(language, "not-found.resource",
				PLATFORM.text(language, "resource.webhook"), "nope"));

		JsonNode unknown = problem(api.post("/api/v1/webhooks", coordinator, Map.of("url", "https://example.org/hook",
				"eventTypes", List.of(SCHEDULED), "secret", "whsec-test-0123456789abcdef", "colour", "red")), 400, tag);
		assertThat(unknown.path("errors").get(0).path("message").asString())
			.isEqualTo(PLATFORM.text(language, "field.unknown"));

		JsonNode rules = problem(api.post("/api/v1/webhooks", coordinator, Map.of("url", "ftp://example.org/hook",
				"eventTypes", List.of(SCHEDULED), "secret", "whsec-test-0123456789abcdef", "locale", "de")), 422, tag);
		assertThat(rules.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.rule-violation"));
		assertThat(message(rules, "url")).isEqualTo(SERVICE.text(language, "webhook.url-scheme"));
		assertThat(message(rules, "locale"))
			.isEqualTo(SERVICE.format(language, "field.locale", "en, sr-Latn, sr-Cyrl, hr, mk, sl"));

		JsonNode unauthenticated = problem(api.get("/api/v1/webhooks", null), 401, tag);
		assertThat(unauthenticated.path("title").asString())
			.isEqualTo(PLATFORM.text(language, "title.unauthenticated"));
	}

	private static String message(JsonNode problem, String field) {
		for (JsonNode error : problem.path("errors")) {
			if (error.path("field").asString().equals(field)) {
				return error.path("message").asString();
			}
		}
		throw new AssertionError("no error for " + field + " in " + problem);
	}

	private static JsonNode problem(Reply reply, int status, String language) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.header("Content-Language")).isEqualTo(language);
		return reply.json();
	}

}
