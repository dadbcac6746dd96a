package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Java examples of the documentation name what the code has: every static method an example
 * calls on a class of this repository exists in it. An example that names a method since renamed or
 * removed fails here instead of in a reader's IDE. (Classes of libraries are the libraries' business.)
 */
class ReadmeExamplesTests {

	private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern STATIC_CALL = Pattern.compile("\\b([A-Z][A-Za-z0-9]+)\\.([a-z][A-Za-z0-9]*)\\(");

	@Test
	void everyMethodAnExampleCallsOnAClassOfThisRepositoryExists() {
		Map<String, List<Path>> sources = sourcesByClassName();
		List<String> missing = new ArrayList<>();
		int checked = 0;
		for (Path document : documents()) {
			Matcher block = JAVA_BLOCK.matcher(Repository.read(document));
			while (block.find()) {
				String example = block.group(1);
				Matcher call = STATIC_CALL.matcher(example);
				while (call.find()) {
					List<Path> files = sources.get(call.group(1));
					if (files != null) {
						checked++;
						if (files.stream().noneMatch(file -> declares(file, call.group(2)))) {
							missing.add(document + ": " + call.group(1) + "." + call.group(2) + "(...)");
						}
					}
				}
			}
		}

		assertThat(checked).as("the examples name classes of this repository").isPositive();
		assertThat(missing).as("names in examples that the code does not have").isEmpty();
	}

	private static boolean declares(Path file, String method) {
		return Pattern.compile("\\b" + Pattern.quote(method) + "\\s*\\(").matcher(Repository.read(file)).find();
	}

	private static List<Path> documents() {
		try (Stream<Path> files = Files.walk(Repository.ROOT)) {
			return files.filter(file -> file.toString().endsWith(".md"))
				.filter(ReadmeExamplesTests::ours)
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A file of the repository, not of a build, the local stack's data or git. */
	private static boolean ours(Path file) {
		String relative = Repository.ROOT.relativize(file).toString();
		return !relative.contains("target/") && !relative.startsWith(".local") && !relative.startsWith(".git")
				&& !relative.contains("node_modules/");
	}

	private static Map<String, List<Path>> sourcesByClassName() {
		Map<String, List<Path>> sources = new HashMap<>();
		try (Stream<Path> files = Files.walk(Repository.ROOT)) {
			files.filter(file -> file.toString().endsWith(".java"))
				.filter(ReadmeExamplesTests::ours)
				.filter(file -> file.toString().contains("/src/"))
				.forEach(file -> sources.computeIfAbsent(file.getFileName().toString().replace(".java", ""),
						name -> new ArrayList<>())
					.add(file));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return sources;
	}

}
