package com.kreativnomentorstvo.testkit.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The message keys a module's main sources name, found where the platform's API takes them:
 * {@code ProblemText.of("key", ...)}, {@code FieldProblem.of(field, "key", ...)}, a constraint's
 * {@code message = "{key}"}, and the gateway's {@code Problems.of(status, "code", "key", ...)} (with
 * its title {@code title.<code>}) and {@code Problems.text("key", ...)}; and the kinds of resource its 404s and version checks name, which the
 * platform bundle words as {@code resource.<name>}.
 */
public final class SourceKeys {

	private static final Pattern TEXT = Pattern.compile("ProblemText\\.of\\(\\s*\"([^\"]+)\"");

	private static final Pattern FIELD = Pattern
		.compile("FieldProblem\\.of\\((?:[^;\"]|\"[^\"]*\")*?,\\s*\"([a-z][a-z0-9-]*\\.[a-z0-9.-]+)\"");

	private static final Pattern GATEWAY_PROBLEM = Pattern
		.compile("Problems\\.of\\((?:[^;\"]|\"[^\"]*\")*?\"([a-z-]+)\",\\s*\"([a-z][a-z0-9-]*\\.[a-z0-9.-]+)\"");

	private static final Pattern GATEWAY_TEXT = Pattern.compile("Problems\\.text\\(\\s*\"([^\"]+)\"");

	private static final Pattern CONSTRAINT = Pattern
		.compile("message(?:\\s*=|\\(\\)\\s+default)\\s*\"\\{([a-z][a-z0-9.-]+)}\"");

	private static final Pattern RESOURCE = Pattern.compile(
			"(?:new ResourceNotFoundException\\(|RESOURCE = |Versions\\.\\w+Match\\([^;\"]*,\\s*|resourceName\\()\\s*\"([^\"]+)\"");

	private final Set<String> keys = new TreeSet<>();

	private final Set<String> resources = new TreeSet<>();

	private SourceKeys(Path sources) {
		try (Stream<Path> files = Files.walk(sources)) {
			files.filter(file -> file.toString().endsWith(".java")).forEach(this::scan);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The keys of the module's {@code src/main/java} (tests run in the module's directory). */
	public static SourceKeys ofMainSources() {
		return new SourceKeys(Path.of("src", "main", "java"));
	}

	/**
	 * The message keys named literally; a prefix the code completes ({@code "pair.blocked." + code},
	 * {@code "account.link-" + reason})
	 * is left out, for the module's test to enumerate what completes it.
	 */
	public Set<String> keys() {
		Set<String> whole = new TreeSet<>(keys);
		whole.removeIf(key -> key.endsWith(".") || key.endsWith("-"));
		return whole;
	}

	/** The platform bundle's keys of the kinds of resource named, e.g. {@code resource.matching-run}. */
	public Set<String> resourceKeys() {
		Set<String> found = new TreeSet<>();
		resources.forEach(resource -> found.add("resource." + resource.replace(' ', '-')));
		return found;
	}

	private void scan(Path file) {
		String source;
		try {
			source = Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		collect(TEXT, source, keys);
		collect(FIELD, source, keys);
		collect(CONSTRAINT, source, keys);
		collect(GATEWAY_TEXT, source, keys);
		Matcher problem = GATEWAY_PROBLEM.matcher(source);
		while (problem.find()) {
			keys.add("title." + problem.group(1));
			keys.add(problem.group(2));
		}
		collect(RESOURCE, source, resources);
	}

	private static void collect(Pattern pattern, String source, Set<String> into) {
		Matcher matcher = pattern.matcher(source);
		while (matcher.find()) {
			into.add(matcher.group(1));
		}
	}

}
