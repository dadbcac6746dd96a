package com.kreativnomentorstvo.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;
import com.kreativnomentorstvo.testkit.language.ProblemBundle;

import tools.jackson.databind.JsonNode;

/**
 * session-service's problems are worded in the language {@code Accept-Language} asks for, and say
 * so in {@code Content-Language}: a missing mentorship, invalid input, a broken rule, a conflict and
 * a missing token, each with the texts of that language's bundle file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalisedProblemsIT extends IntegrationTest {

	private static final ProblemBundle SERVICE = ProblemBundle.of(ProblemTexts.SERVICE_BUNDLE);

	private static final ProblemBundle PLATFORM = ProblemBundle.of(ProblemTexts.PLATFORM_BUNDLE);

	private TestProgramme.Pair pair;

	private String sessions;

	// each language books on a day of its own, so that no booking overlaps another
	private final AtomicInteger days = new AtomicInteger();

	@BeforeAll
	void aPairThatBeganFiveDaysAgo() {
		pair = startedPair(TestProgramme.announced(), 5);
		sessions = "/api/v1/mentorships/" + pair.mentorshipId() + "/sessions";
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void everyKindOfProblemIsWordedInTheLanguage(String tag) {
		Locale language = Locale.forLanguageTag(tag);
		ServiceApi api = api().inLanguage(tag);
		String inThreeDays = LocalDate.now(TestProgramme.ZONE).plusDays(3).toString();

		JsonNode missing = problem(api.get("/api/v1/mentorships/nope", pair.mentorToken()), 404, tag);
		assertThat(missing.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.not-found"));
		assertThat(missing.path("detail").asString()).isEqualTo(PLATFORM.format(language, "not-found.resource",
				PLATFORM.text(language, "resource.mentorship"), "nope"));

		JsonNode unknown = problem(api.post(sessions, pair.mentorToken(), Map.of("start", inThreeDays + "T18:00",
				"durationMinutes", 60, "timeZone", "Europe/Belgrade", "room", "A1")), 400, tag);
		assertThat(unknown.path("errors").get(0).path("message").asString())
			.isEqualTo(PLATFORM.text(language, "field.unknown"));

		JsonNode rule = problem(api.post(sessions, pair.mentorToken(), Map.of("start", inThreeDays + "T18:00", "end",
				inThreeDays + "T17:00", "timeZone", "Europe/Belgrade")), 422, tag);
		assertThat(rule.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.rule-violation"));
		assertThat(rule.path("errors").get(0).path("field").asString()).isEqualTo("end");
		assertThat(rule.path("errors").get(0).path("message").asString())
			.isEqualTo(SERVICE.text(language, "slot.end-before-start"));

		String session = booked(pair, inDays(2 + days.getAndIncrement(), 9, 0), 30);
		JsonNode conflict = problem(api.post("/api/v1/sessions/" + session + "/feedback", pair.menteeToken(),
				Map.of("rating", 5)), 409, tag);
		assertThat(conflict.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.conflict"));
		assertThat(conflict.path("detail").asString())
			.isEqualTo(SERVICE.format(language, "feedback.session-not-held", session, "SCHEDULED"));

		JsonNode unauthenticated = problem(api.get("/api/v1/mentorships/nope", null), 401, tag);
		assertThat(unauthenticated.path("detail").asString())
			.isEqualTo(PLATFORM.text(language, "unauthenticated.detail"));
	}

	private static JsonNode problem(Reply reply, int status, String language) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.header("Content-Language")).isEqualTo(language);
		return reply.json();
	}

}
