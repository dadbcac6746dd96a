package com.kreativnomentorstvo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.MatchingCriterion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page speaks each of the six languages completely: every key a template names, and every
 * key of a family a template builds from the API's values (a match's status, a reason to decline),
 * stands in each language's file with a text of its own.
 */
class MessageBundlesTests {

	private static final Path I18N = Path.of("src/main/resources/i18n");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** {@code #{frame.brand}}, {@code #{home.heading(${...})}}: a key written out in a template. */
	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)");

	@ParameterizedTest
	@ValueSource(strings = { "sr_Latn", "sr_Cyrl", "hr", "mk", "sl" })
	void eachLanguageHasEveryKeyOfEnglishAndNoOther(String language) throws IOException {
		Properties english = bundle("messages.properties");
		Properties other = bundle("messages_" + language + ".properties");

		assertThat(new TreeSet<>(other.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
		assertThat(other.stringPropertyNames()).allSatisfy(key -> assertThat(other.getProperty(key)).as(key).isNotBlank());
	}

	@Test
	void everyKeyATemplateNamesHasAnEnglishText() throws IOException {
		Set<String> named = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(TEMPLATES)) {
			for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
				Matcher key = LITERAL_KEY.matcher(Files.readString(template));
				while (key.find()) {
					named.add(key.group(1));
				}
			}
		}

		assertThat(named).hasSizeGreaterThan(50);
		assertThat(bundle("messages.properties").stringPropertyNames()).containsAll(named);
	}

	@Test
	void everyValueTheApiCanAnswerHasItsText() throws IOException {
		JsonNode matching = JsonMapper.builder().build().readTree(Path.of("../docs/openapi/matching-service.json").toFile());
		Set<String> statuses = new TreeSet<>();
		matching.path("paths").path("/api/v1/programmes/{programmeId}/matches").path("get").path("parameters")
			.forEach(parameter -> {
				if ("status".equals(parameter.path("name").asString())) {
					parameter.path("schema").path("enum").forEach(value -> statuses.add(value.asString()));
				}
			});
		Set<String> reasons = new TreeSet<>();
		matching.path("components").path("schemas").path("Decline").path("properties").path("reason").path("enum")
			.forEach(value -> reasons.add(value.asString()));
		Properties english = bundle("messages.properties");

		assertThat(statuses).isNotEmpty();
		assertThat(reasons).isNotEmpty();
		assertThat(MatchingCriterion.codes())
			.allSatisfy(criterion -> assertThat(english).containsKey("criterion." + criterion));
		assertThat(statuses).allSatisfy(status -> assertThat(english).containsKey("match.status." + status));
		assertThat(reasons).allSatisfy(reason -> assertThat(english).containsKey("match.reason." + reason));
	}

	@Test
	void everyKindOfMessageThePlatformSendsHasItsName() throws IOException {
		// the kinds are those notification-service writes texts for (its English templates)
		Set<String> kinds = new TreeSet<>();
		boolean inKinds = false;
		for (String line : Files.readAllLines(Path.of("../notification-service/src/main/resources/templates/messages/en.yml"))) {
			if (!line.startsWith(" ") && !line.isBlank()) {
				inKinds = line.startsWith("kinds:");
			}
			else if (inKinds && line.matches("  [a-z-]+:\\s*")) {
				kinds.add(line.strip().replace(":", ""));
			}
		}
		Properties english = bundle("messages.properties");

		assertThat(kinds).hasSizeGreaterThan(20);
		assertThat(kinds).allSatisfy(kind -> assertThat(english).containsKey("kind." + kind));
	}

	@Test
	void everyReasonMatchingGivesForAPairHasItsWording() throws IOException {
		// the codes as the matching service's scoring rules write them: <criterion>-… and stance-…
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> rules = Files.list(Path.of("../matching-service/src/main/java/com/kreativnomentorstvo/matching/scoring"))) {
			for (Path rule : rules.toList()) {
				Matcher code = Pattern.compile("\"((" + String.join("|", MatchingCriterion.codes()) + "|stance)-[a-z-]+)\"")
					.matcher(Files.readString(rule));
				while (code.find()) {
					codes.add(code.group(1));
				}
			}
		}
		Properties english = bundle("messages.properties");

		assertThat(codes).hasSizeGreaterThanOrEqualTo(20);
		assertThat(codes).allSatisfy(code -> assertThat(english).containsKey("reason." + code));
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(I18N.resolve(name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
