package com.kreativnomentorstvo.matching.it;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.kreativnomentorstvo.matching.fixture.Profiles;
import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;
import com.kreativnomentorstvo.testkit.language.ProblemBundle;

import tools.jackson.databind.JsonNode;

/**
 * matching-service's problems are worded in the language {@code Accept-Language} asks for, and say
 * so in {@code Content-Language}: a missing match, invalid input, a broken rule, a conflict and a
 * missing token, each with the texts of that language's bundle file.
 */
class LocalisedProblemsIT extends MatchingIntegrationTest {

	private static final ProblemBundle SERVICE = ProblemBundle.of(ProblemTexts.SERVICE_BUNDLE);

	private static final ProblemBundle PLATFORM = ProblemBundle.of(ProblemTexts.PLATFORM_BUNDLE);

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void everyKindOfProblemIsWordedInTheLanguage(String tag) {
		Locale language = Locale.forLanguageTag(tag);
		ServiceApi api = api().inLanguage(tag);
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee().skill("fundraising", 3);
		Profiles boris = aMentee();
		Profiles vesna = aMentor().skill("fundraising", 4).capacity(1);
		enrol(programme, ana, boris, vesna);
		String requests = "/api/v1/participants/" + ana.id() + "/match-requests";

		JsonNode missing = problem(api.get("/api/v1/matches/nope", coordinator(programme)), 404, tag);
		assertThat(missing.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.not-found"));
		assertThat(missing.path("detail").asString()).isEqualTo(
				PLATFORM.format(language, "not-found.resource", PLATFORM.text(language, "resource.match"), "nope"));

		JsonNode invalid = problem(api.post(requests, mentee(ana), Map.of("mentorId", "")), 400, tag);
		assertThat(invalid.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.invalid-input"));
		assertThat(invalid.path("errors").get(0).path("message").asString())
			.isEqualTo(PLATFORM.format(language, "NotBlank"));

		JsonNode rule = problem(api.post(requests, mentee(ana), Map.of("mentorId", boris.id())), 422, tag);
		assertThat(rule.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.rule-violation"));
		assertThat(rule.path("errors").get(0).path("field").asString()).isEqualTo("mentorId");
		assertThat(rule.path("errors").get(0).path("message").asString())
			.isEqualTo(SERVICE.text(language, "match.not-a-mentor"));

		assertThat(api.post(requests, mentee(ana), Map.of("mentorId", vesna.id())).status()).isEqualTo(201);
		JsonNode conflict = problem(api.post(requests, mentee(ana), Map.of("mentorId", vesna.id())), 409, tag);
		assertThat(conflict.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.conflict"));
		assertThat(conflict.path("detail").asString()).isEqualTo(SERVICE.text(language,
				conflict.path("type").asString().endsWith("mentor-full") ? "match.mentor-full" : "match.own-open-match"));

		JsonNode unauthenticated = problem(api.get("/api/v1/matches/nope", null), 401, tag);
		assertThat(unauthenticated.path("title").asString())
			.isEqualTo(PLATFORM.text(language, "title.unauthenticated"));
	}

	private static JsonNode problem(Reply reply, int status, String language) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.header("Content-Language")).isEqualTo(language);
		return reply.json();
	}

}
