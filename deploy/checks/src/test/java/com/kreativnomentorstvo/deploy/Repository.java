package com.kreativnomentorstvo.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The files of this repository, read as text, YAML (merge keys resolved) or JSON. */
final class Repository {

	static final Path ROOT = findRoot();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Repository() {
	}

	static Path path(String relative) {
		return ROOT.resolve(relative);
	}

	static String read(String relative) {
		return read(path(relative));
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Map<String, Object> yaml(String relative) {
		return Documents.map(yaml().load(read(relative)));
	}

	/** Every document of a multi-document YAML text; empty documents are left out. */
	static List<Map<String, Object>> yamlDocuments(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml().loadAll(text)) {
			if (document != null) {
				documents.add(Documents.map(document));
			}
		}
		return documents;
	}

	static JsonNode json(String relative) {
		return JSON.readTree(read(relative));
	}

	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		return new Yaml(new SafeConstructor(options));
	}

	/** The reactor root: the nearest directory upwards whose pom.xml is the platform's parent pom. */
	private static Path findRoot() {
		Path directory = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		while (directory != null) {
			Path pom = directory.resolve("pom.xml");
			if (Files.isRegularFile(pom) && read(pom).contains("<artifactId>mentoring-platform</artifactId>")
					&& read(pom).contains("<modules>")) {
				return directory;
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException("not inside the mentoring platform repository: " + System.getProperty("user.dir"));
	}

}
