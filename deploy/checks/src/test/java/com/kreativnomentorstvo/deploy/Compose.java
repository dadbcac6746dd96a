package com.kreativnomentorstvo.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker-compose.yml and .env.example as parsed from the repository root. */
final class Compose {

	static final String FILE = "docker-compose.yml";

	static final String ENV_EXAMPLE = ".env.example";

	/** Makes .env from the example, with a new random value for every secret. */
	static final String MAKE_ENV = "deploy/docker/make-env.sh";

	/** The comment right above each secret of .env.example (make-env.sh fills those in). */
	static final String SECRET_MARKER = "# secret";

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
		return envFile(Repository.read(ENV_EXAMPLE));
	}

	/** The variables of an env file (as docker compose reads .env), with their values. */
	static Map<String, String> envFile(Path file) {
		return envFile(Repository.read(file));
	}

	/** The secrets of .env.example: the variables right below a "# secret" line, in order. */
	static List<String> secrets() {
		List<String> secrets = new ArrayList<>();
		String previous = "";
		for (String line : Repository.read(ENV_EXAMPLE).split("\n")) {
			if (SECRET_MARKER.equals(previous.strip()) && line.matches("[A-Z][A-Z0-9_]*=.*")) {
				secrets.add(line.substring(0, line.indexOf('=')));
			}
			previous = line;
		}
		return secrets;
	}

	private static Map<String, String> envFile(String text) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int equals = trimmed.indexOf('=');
			if (equals < 1) {
				throw new AssertionError("env file: not NAME=value: " + line);
			}
			variables.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
		}
		return variables;
	}

	/** The variables of a .env that make-env.sh makes in the directory (needs bash). */
	static Map<String, String> madeEnv(Path directory) {
		Path env = directory.resolve("made.env");
		try {
			java.nio.file.Files.createDirectories(directory);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		Commands.Result result = Commands.run(List.of("bash", MAKE_ENV, env.toString()));
		if (!result.succeeded()) {
			throw new AssertionError(MAKE_ENV + " failed\n" + result.output());
		}
		return envFile(env);
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
		return interpolate(value, envExample());
	}

	/** A value of the compose file with ${VAR:-default} / ${VAR:?error} replaced from the given variables. */
	static String interpolate(String value, Map<String, String> env) {
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
