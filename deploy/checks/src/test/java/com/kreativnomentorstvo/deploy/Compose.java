package com.kreativnomentorstvo.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker-compose.yml and .env.example as parsed from the repository root. */
final class Compose {

	static final String FILE = "docker-compose.yml";

	static final String ENV_EXAMPLE = ".env.example";

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?([^}]*)}");

	private Compose() {
	}

	static Map<String, Object> file() {
		return Repository.yaml(FILE);
	}

	static Map<String, Object> services() {
		return Documents.mapAt(file(), "services");
	}

	static Map<String, Object> service(String name) {
		Map<String, Object> service = Documents.mapAt(services(), name);
		if (service.isEmpty()) {
			throw new AssertionError("docker-compose.yml has no service " + name);
		}
		return service;
	}

	/** A service's environment as strings (the mapping form; anchors merged). */
	static Map<String, String> environment(String service) {
		Map<String, String> environment = new LinkedHashMap<>();
		Documents.mapAt(service(service), "environment").forEach((k, v) -> environment.put(k, String.valueOf(v)));
		return environment;
	}

	/** The variables of .env.example, with their values. */
	static Map<String, String> envExample() {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String line : Repository.read(ENV_EXAMPLE).split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int equals = trimmed.indexOf('=');
			if (equals < 1) {
				throw new AssertionError(".env.example: not NAME=value: " + line);
			}
			variables.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
		}
		return variables;
	}

	/** Every ${VAR...} of the compose file: name to whether it has a default value. */
	static Map<String, Boolean> interpolatedVariables() {
		Map<String, Boolean> variables = new LinkedHashMap<>();
		Matcher matcher = VARIABLE.matcher(Repository.read(FILE).replace("$$", ""));
		while (matcher.find()) {
			boolean hasDefault = matcher.group(2) != null && matcher.group(2).endsWith("-");
			variables.merge(matcher.group(1), hasDefault, Boolean::logicalAnd);
		}
		return variables;
	}

	/** A value of the compose file with ${VAR:-default} / ${VAR:?error} replaced from .env.example. */
	static String interpolate(String value) {
		Map<String, String> env = envExample();
		Matcher matcher = VARIABLE.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String replacement = env.containsKey(matcher.group(1)) ? env.get(matcher.group(1))
					: "-".equals(matcher.group(2)) || ":-".equals(matcher.group(2)) ? matcher.group(3) : "";
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

}
