package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CONTRIBUTING.md's skeleton table is what the services are: each file its last column names is in
 * every service, the settings carry the service's prefix, the subscription list is the only place
 * that subscribes, every deployable applies the shared architecture rules, and every service of the
 * reactor is checked.
 */
class SkeletonTests {

	private static final String BASE = "src/main/java/com/kreativnomentorstvo/";

	private static final Pattern ROW = Pattern.compile("^\\|([^|]+)\\|([^|]+)\\|([^|]+)\\|$", Pattern.MULTILINE);

	private static final Pattern FILE = Pattern.compile("`([^`]+\\.(?:java|md))`");

	private static final Pattern SETTINGS_PREFIX = Pattern.compile("@ConfigurationProperties\\(\"([^\"]+)\"\\)");

	/** A service directory and its root package's last segment, e.g. session-service and sessions. */
	record Service(String directory, String rootPackage) {

		Path root() {
			return Repository.path(directory + "/" + BASE + rootPackage);
		}

		@Override
		public String toString() {
			return directory;
		}

	}

	static List<Service> services() {
		return Platform.SERVICE_DIRECTORIES.stream().map(SkeletonTests::service).toList();
	}

	/** The table's files, each with whether only services that consume events must have it. */
	record Expected(String file, boolean consumersOnly) {
	}

	static List<Expected> tableFiles() {
		String contributing = Repository.read("CONTRIBUTING.md");
		List<Expected> files = new ArrayList<>();
		Matcher row = ROW.matcher(contributing);
		while (row.find()) {
			String cell = row.group(3);
			Matcher file = FILE.matcher(cell);
			while (file.find()) {
				files.add(new Expected(file.group(1), cell.contains("(consumers)")));
			}
		}
		return files;
	}

	@Test
	void theTableNamesTheSkeletonsFiles() {
		assertThat(tableFiles()).extracting(Expected::file)
			.contains("*Application.java", "EventSubscriptions.java", "config/*Properties.java",
					"privacy/PersonalData.java", "privacy/Erasure.java", "privacy/PersonalDataController.java",
					"README.md");
	}

	@ParameterizedTest
	@MethodSource("services")
	void everyFileOfTheTableIsInTheService(Service service) {
		boolean consumer = Platform.module(service.directory()).consumesEvents();
		for (Expected expected : tableFiles()) {
			if (expected.consumersOnly() && !consumer) {
				continue;
			}
			Path where = expected.file().startsWith("src/") || expected.file().equals("README.md")
					? Repository.path(service.directory())
					: service.root();
			String pattern = expected.file().replace("<service>", service.rootPackage());
			assertThat(matches(where, pattern)).as("%s: %s", service, pattern).hasSize(1);
		}
	}

	@ParameterizedTest
	@MethodSource("services")
	void itsSettingsAreUnderMentoringAndItsOwnName(Service service) {
		List<Path> settings = matches(service.root(), "config/*Properties.java");
		List<String> prefixes = new ArrayList<>();
		for (Path file : javaFiles(service.root())) {
			Matcher prefix = SETTINGS_PREFIX.matcher(Repository.read(file));
			while (prefix.find()) {
				prefixes.add(prefix.group(1));
				assertThat(file).as("typed settings live in config/").isIn(settings);
			}
		}
		assertThat(prefixes).as(service.directory()).isNotEmpty()
			.allMatch(prefix -> prefix.equals("mentoring." + service.rootPackage())
					|| prefix.startsWith("mentoring." + service.rootPackage() + "."));
	}

	@ParameterizedTest
	@MethodSource("services")
	void onlyTheSubscriptionListSubscribes(Service service) {
		List<Path> subscribing = javaFiles(service.root()).stream()
			.filter(file -> Repository.read(file).contains("Subscriptions.forConsumer("))
			.toList();
		boolean consumer = Platform.module(service.directory()).consumesEvents();
		assertThat(subscribing).as(service.directory())
			.isEqualTo(consumer ? List.of(service.root().resolve("EventSubscriptions.java")) : List.of());
	}

	static Stream<String> deployables() {
		return Stream.concat(Platform.SERVICE_DIRECTORIES.stream(), Stream.of("gateway", "web"));
	}

	@ParameterizedTest
	@MethodSource("deployables")
	void everyDeployableAppliesTheSharedArchitectureRules(String directory) {
		List<Path> tests = matches(Repository.path(directory + "/src/test/java"), "**/ArchitectureTests.java");

		assertThat(tests).as(directory).hasSize(1);
		assertThat(Repository.read(tests.get(0))).contains("ArchTests.in(ServiceArchitecture.class)");
	}

	@Test
	void everyServiceOfTheReactorIsChecked() {
		List<String> modules = new ArrayList<>();
		Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Repository.read("pom.xml"));
		while (module.find()) {
			modules.add(module.group(1));
		}

		assertThat(modules.stream().filter(m -> m.endsWith("-service")).toList())
			.containsExactlyInAnyOrderElementsOf(Platform.SERVICE_DIRECTORIES);
	}

	private static Service service(String directory) {
		try (Stream<Path> packages = Files.list(Repository.path(directory + "/" + BASE))) {
			List<Path> roots = packages.filter(Files::isDirectory).toList();
			assertThat(roots).as(directory + " has one root package").hasSize(1);
			return new Service(directory, roots.get(0).getFileName().toString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<Path> matches(Path directory, String glob) {
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> matcher.matches(directory.relativize(file)))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<Path> javaFiles(Path directory) {
		return matches(directory, "**.java");
	}

}
