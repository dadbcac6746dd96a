package com.kreativnomentorstvo.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import com.kreativnomentorstvo.testkit.http.StandInServer;

/** The README's example is code that compiles here, and it works against a real HTTP issuer and gateway. */
class ReadmeTests {

	private static final Path README = Path.of("README.md");

	private static final Path EXAMPLE = Path.of("src/test/java/com/kreativnomentorstvo/client/ReadmeExample.java");

	@Test
	void theReadmeShowsTheExampleThatIsCompiledWithTheTests() throws IOException {
		List<String> shown = blocks(Files.readString(README, StandardCharsets.UTF_8),
				Pattern.compile("(?ms)^```java\\n(.*?)^```"));
		List<String> compiled = blocks(Files.readString(EXAMPLE, StandardCharsets.UTF_8),
				Pattern.compile("(?ms)^\\s*// tag::(?:\\w+)\\[]\\n(.*?)^\\s*// end::\\w+\\[]"));

		assertThat(compiled).as("tagged parts of %s", EXAMPLE).hasSize(2);
		assertThat(shown).as("the java blocks of %s are the tagged parts of %s, in order", README, EXAMPLE)
			.isEqualTo(compiled);
	}

	@Test
	void theExampleGetsATokenAndListsTheProgrammes() throws Exception {
		try (StandInServer server = StandInServer.start()) {
			server.answer("POST", "/oauth2/token", 200, "{\"access_token\": \"eyJ.coordinator\", \"expires_in\": 300}");
			server.answer("GET", "/api/v1/programmes", 200, """
					{"items": [{"id": "programme-1", "name": "Kreativno mentorstvo 2026"},
					           {"id": "programme-2", "name": "Kultura nova – mentori"}],
					 "page": 0, "size": 20, "total": 2}""");

			List<String> names = ReadmeExample.programmeNames(server.url(), server.url());

			assertThat(names).containsExactly("Kreativno mentorstvo 2026", "Kultura nova – mentori");
			assertThat(server.received()).extracting(StandInServer.Request::path)
				.containsExactly("/oauth2/token", "/api/v1/programmes");
			StandInServer.Request list = server.received().get(1);
			assertThat(list.query()).isEqualTo("page=0&size=20");
			assertThat(list.header("Authorization")).isEqualTo("Bearer eyJ.coordinator");
		}
	}

	/** The first groups of the pattern's matches, line by line without indentation (the README indents with spaces). */
	private static List<String> blocks(String text, Pattern block) {
		List<String> blocks = new ArrayList<>();
		Matcher matcher = block.matcher(text);
		while (matcher.find()) {
			blocks.add(matcher.group(1).lines().map(String::strip).collect(Collectors.joining("\n")));
		}
		return blocks;
	}

}
