package com.kreativnomentorstvo.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;
import com.kreativnomentorstvo.testkit.language.ProblemBundle;

import tools.jackson.databind.JsonNode;

/**
 * participant-service's problems are worded in the language {@code Accept-Language} asks for, and
 * say so in {@code Content-Language}: a missing participant, invalid input (Bean Validation's and
 * the service's own constraint), a broken rule, a conflict and a missing token, each with the texts
 * of that language's bundle file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalisedProblemsIT extends ServiceIT {

	private static final ProblemBundle SERVICE = ProblemBundle.of(ProblemTexts.SERVICE_BUNDLE);

	private static final ProblemBundle PLATFORM = ProblemBundle.of(ProblemTexts.PLATFORM_BUNDLE);

	private String organiser;

	private String programme;

	private String mentor;

	@BeforeAll
	void aProgrammeWithAMentor() {
		connect();
		organiser = newOrganisation("RS");
		programme = newProgramme(Fixtures.aProgramme(organiser, newOrganisation("HR")));
		mentor = enrol(Fixtures.aMentor(programme, organiser));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void everyKindOfProblemIsWordedInTheLanguage(String tag) {
		Locale language = Locale.forLanguageTag(tag);
		ServiceApi inLanguage = api.inLanguage(tag);

		JsonNode missing = problem(inLanguage.get("/api/v1/participants/p-nobody", admin), 404, tag);
		assertThat(missing.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.not-found"));
		assertThat(missing.path("detail").asString()).isEqualTo(PLATFORM.format(language, "not-found.resource",
				PLATFORM.text(language, "resource.participant"), "p-nobody"));

		JsonNode invalid = problem(inLanguage.post("/api/v1/participants", admin,
				Fixtures.aMentor(programme, organiser).with("preferredLocale", "de")), 400, tag);
		assertThat(invalid.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.invalid-input"));
		assertThat(invalid.path("errors").get(0).path("field").asString()).isEqualTo("preferredLocale");
		assertThat(invalid.path("errors").get(0).path("message").asString())
			.isEqualTo(SERVICE.text(language, "validation.locale"));

		JsonNode rule = problem(inLanguage.post("/api/v1/participants", admin,
				Fixtures.aMentor(programme, organiser).with("skills", List.of())), 422, tag);
		assertThat(rule.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.rule-violation"));
		assertThat(rule.path("errors").get(0).path("message").asString())
			.isEqualTo(SERVICE.text(language, "participant.mentor-offers-least-skill"));

		JsonNode conflict = problem(inLanguage.post("/api/v1/participants", admin,
				Fixtures.aMentor(programme, organiser).with("id", mentor)), 409, tag);
		assertThat(conflict.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.conflict"));
		assertThat(conflict.path("detail").asString())
			.isEqualTo(SERVICE.format(language, "participant.participant-id-already-exists", mentor));

		JsonNode unauthenticated = problem(inLanguage.get("/api/v1/participants/p-nobody", null), 401, tag);
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
