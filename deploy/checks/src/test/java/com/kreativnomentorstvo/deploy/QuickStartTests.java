package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's first two commands are what a fresh machine with only a JDK runs, and CI runs
 * exactly the second one: both go through the Maven wrapper, which fetches its Maven from Maven
 * Central.
 */
class QuickStartTests {

	private static final Pattern FIRST_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

	@Test
	void theReadmeStartsWithTheCommandThatRunsThePlatformAndTheOneThatRunsTheTests() {
		Matcher block = FIRST_BLOCK.matcher(Repository.read("README.md"));
		assertThat(block.find()).as("a bash block in the README").isTrue();

		List<String> commands = block.group(1).lines().map(line -> line.replaceAll("\\s*#.*$", "")).toList();
		assertThat(commands).containsExactly("./run-local.sh", "./mvnw verify");
	}

	@Test
	void ciRunsExactlyTheReadmesTestCommand() {
		List<String> lines = Repository.read(".ci/run").lines().map(String::strip).toList();

		assertThat(lines).filteredOn(line -> line.startsWith("exec ")).containsExactly("exec ./mvnw verify");
		assertThat(lines).noneMatch(line -> line.matches("(exec )?mvn .*"));
	}

	@Test
	void theLocalLauncherBuildsWithTheWrapper() {
		assertThat(Repository.read("run-local.sh").lines().map(String::strip))
			.anyMatch(line -> line.startsWith("./mvnw ") && line.contains("package"))
			.noneMatch(line -> line.startsWith("mvn "));
	}

	@Test
	void theWrapperIsExecutableAndFetchesMavenFromMavenCentral() throws Exception {
		assertThat(Files.isExecutable(Repository.path("mvnw"))).as("mvnw is executable").isTrue();

		Properties wrapper = new Properties();
		try (var in = Files.newInputStream(Repository.path(".mvn/wrapper/maven-wrapper.properties"))) {
			wrapper.load(in);
		}
		assertThat(wrapper.getProperty("distributionUrl"))
			.matches("https://repo\\.maven\\.apache\\.org/maven2/org/apache/maven/apache-maven/3\\.9\\.\\d+/"
					+ "apache-maven-3\\.9\\.\\d+-bin\\.zip");
	}

}
