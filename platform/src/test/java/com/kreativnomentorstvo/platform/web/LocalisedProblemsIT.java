package com.kreativnomentorstvo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kreativnomentorstvo.platform.fixture.PlatformTestApplication;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;
import com.kreativnomentorstvo.testkit.language.ProblemBundle;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of problem a service answers is worded in the language {@code Accept-Language} asks
 * for, and says so in {@code Content-Language}: the texts are those of that language's bundle file.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPlatformInfrastructure
class LocalisedProblemsIT {

	private static final ProblemBundle PLATFORM = ProblemBundle.of(ProblemTexts.PLATFORM_BUNDLE);

	private static final ProblemBundle SERVICE = ProblemBundle.of(ProblemTexts.SERVICE_BUNDLE);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void aMissingResourceIsNamedInTheLanguage(String tag) throws Exception {
		Locale language = Locale.forLanguageTag(tag);
		HttpResponse<String> response = send(get("/api/v1/test-organisations/nope").header("Authorization",
				"Bearer " + TestTokens.shared().coordinator("org-a")), tag);

		JsonNode problem = problem(response, 404, tag);
		assertThat(problem.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.not-found"));
		assertThat(problem.path("detail").asString()).isEqualTo(PLATFORM.format(language, "not-found.resource",
				PLATFORM.text(language, "resource.organisation"), "nope"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void anUnknownPathIsWordedInTheLanguage(String tag) throws Exception {
		Locale language = Locale.forLanguageTag(tag);
		HttpResponse<String> response = send(get("/api/v1/no-such-thing").header("Authorization",
				"Bearer " + TestTokens.shared().coordinator("org-a")), tag);

		JsonNode problem = problem(response, 404, tag);
		assertThat(problem.path("detail").asString()).isEqualTo(PLATFORM.text(language, "not-found.path"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void invalidFieldsAreWordedInTheLanguage(String tag) throws Exception {
		Locale language = Locale.forLanguageTag(tag);

		JsonNode missing = problem(send(register("{\"id\":\"o1\",\"name\":\"N\"}"), tag), 400, tag);
		assertThat(missing.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.invalid-input"));
		assertThat(missing.path("errors").get(0).path("field").asString()).isEqualTo("country");
		assertThat(missing.path("errors").get(0).path("message").asString())
			.isEqualTo(PLATFORM.format(language, "NotBlank"));
		assertThat(missing.path("detail").asString()).isEqualTo("country: " + PLATFORM.format(language, "NotBlank"));

		JsonNode tooLong = problem(send(register("{\"id\":\"%s\",\"name\":\"N\",\"country\":\"RS\"}".formatted("x".repeat(41))), tag),
				400, tag);
		assertThat(tooLong.path("errors").get(0).path("message").asString())
			.isEqualTo(PLATFORM.format(language, "Size", "id", 40, 0));

		JsonNode unknown = problem(send(register("{\"id\":\"o1\",\"name\":\"N\",\"country\":\"RS\",\"admin\":1}"), tag),
				400, tag);
		assertThat(unknown.path("errors").get(0).path("message").asString())
			.isEqualTo(PLATFORM.text(language, "field.unknown"));

		JsonNode wrongType = problem(send(register("{\"id\":\"o1\",\"name\":\"N\",\"country\":\"RS\",\"staff\":\"2\"}"), tag),
				400, tag);
		assertThat(wrongType.path("errors").get(0).path("message").asString())
			.isEqualTo(PLATFORM.text(language, "field.wrong-type"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void aBrokenRuleIsWordedInTheLanguage(String tag) throws Exception {
		Locale language = Locale.forLanguageTag(tag);

		JsonNode problem = problem(send(register("{\"id\":\"same\",\"name\":\"SAME\",\"country\":\"RS\"}"), tag), 422,
				tag);
		assertThat(problem.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.rule-violation"));
		assertThat(problem.path("errors").get(0).path("message").asString())
			.isEqualTo(SERVICE.text(language, "organisation.name-is-id"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void aConflictIsWordedInTheLanguage(String tag) throws Exception {
		Locale language = Locale.forLanguageTag(tag);
		String id = "org-" + UUID.randomUUID();
		String body = "{\"id\":\"%s\",\"name\":\"N\",\"country\":\"RS\"}".formatted(id);
		assertThat(send(register(body), tag).statusCode()).isEqualTo(201);

		JsonNode problem = problem(send(register(body), tag), 409, tag);
		assertThat(problem.path("type").asString()).isEqualTo("urn:mentoring:problem:already-registered");
		assertThat(problem.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.conflict"));
		assertThat(problem.path("detail").asString())
			.isEqualTo(SERVICE.format(language, "organisation.already-registered", id));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void aMissingTokenIsWordedInTheLanguage(String tag) throws Exception {
		Locale language = Locale.forLanguageTag(tag);

		JsonNode problem = problem(send(get("/api/v1/test-organisations/any"), tag), 401, tag);
		assertThat(problem.path("title").asString()).isEqualTo(PLATFORM.text(language, "title.unauthenticated"));
		assertThat(problem.path("detail").asString()).isEqualTo(PLATFORM.text(language, "unauthenticated.detail"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void springsOwnProblemsAreWordedInTheLanguageToo(String tag) throws Exception {
		Locale language = Locale.forLanguageTag(tag);
		String refusedMethod = "org.springframework.web.HttpRequestMethodNotSupportedException";

		JsonNode problem = problem(send(get("/api/v1/test-organisations").header("Authorization",
				"Bearer " + TestTokens.shared().coordinator("org-a")), tag), 405, tag);
		assertThat(problem.path("type").asString()).isEqualTo("urn:mentoring:problem:http-405");
		assertThat(problem.path("title").asString())
			.isEqualTo(PLATFORM.text(language, "problemDetail.title." + refusedMethod));
		assertThat(problem.path("detail").asString())
			.isEqualTo(PLATFORM.format(language, "problemDetail." + refusedMethod, "GET"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "sr", "de, sl;q=0.9", "fr" })
	void anotherLanguageIsAnsweredInTheClosestOfTheSix(String acceptLanguage) throws Exception {
		String expected = switch (acceptLanguage) {
			case "sr" -> "sr-Latn";
			case "fr" -> "en";
			default -> "sl";
		};

		JsonNode problem = problem(send(get("/api/v1/test-organisations/any"), acceptLanguage), 401, expected);
		assertThat(problem.path("title").asString())
			.isEqualTo(PLATFORM.text(Locale.forLanguageTag(expected), "title.unauthenticated"));
	}

	private JsonNode problem(HttpResponse<String> response, int status, String language) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("Content-Language")).hasValue(language);
		return JsonMapper.shared().readTree(response.body());
	}

	private HttpRequest.Builder register(String body) {
		return HttpRequest.newBuilder(uri("/api/v1/test-organisations"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TestTokens.shared().coordinator("org-a"))
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET();
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String acceptLanguage)
			throws IOException, InterruptedException {
		return http.send(request.header("Accept-Language", acceptLanguage).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
