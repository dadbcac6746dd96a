package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.kreativnomentorstvo.deploy.Platform.Module;

/**
 * The real `docker-compose config` (Debian's docker-compose package, or the `docker compose` plugin)
 * validates and resolves docker-compose.yml without a Docker engine. Skipped where neither is installed.
 */
class DockerComposeConfigTests {

	private static List<String> compose;

	@BeforeAll
	static void findDockerCompose() {
		compose = composeCommand().orElse(null);
	}

	@Test
	void dockerComposeAcceptsTheFileWithTheExampleEnvironment() {
		Commands.Result result = config(Repository.path(Compose.ENV_EXAMPLE));
		assertThat(result.succeeded()).as(result.output()).isTrue();
		Map<String, Object> resolved = Repository.yamlDocuments(result.output()).get(0);
		Map<String, Object> services = Documents.mapAt(resolved, "services");
		for (Module module : Platform.deployables()) {
			assertThat(services).containsKey(module.name());
			assertThat(Documents.at(services.get(module.name()), "healthcheck.test")).as(module.name()).isNotNull();
		}
		// what .env.example sets reaches the services
		String instance = Compose.envExample().get("MENTORING_INSTANCE");
		assertThat(Documents.text(services.get("participant-service"), "environment.MENTORING_INSTANCE")).isEqualTo(instance);
		assertThat(Documents.text(services.get("notification-service"), "environment.MONGODB_URI"))
			.contains("@mongodb:27017/").doesNotContain("${");
	}

	@Test
	void dockerComposeRefusesTheFileWhenTheSecretsAreNotSet(@TempDir Path directory) throws IOException {
		Path empty = Files.writeString(directory.resolve("empty.env"), "# nothing set\n");
		Commands.Result result = config(empty);
		assertThat(result.succeeded()).as(result.output()).isFalse();
		assertThat(result.output()).containsAnyOf("set MONGO_ROOT_PASSWORD in .env", "set MONGO_APP_USERNAME in .env",
				"set MONGO_APP_PASSWORD in .env", "set KEYCLOAK_DB_PASSWORD in .env", "set UNSUBSCRIBE_SECRET in .env",
				"set KEYCLOAK_ADMIN_PASSWORD in .env", "set GRAFANA_ADMIN_PASSWORD in .env", "set ACCOUNTS_CLIENT_SECRET in .env",
				"set LINK_SECRET in .env");
	}

	private static Commands.Result config(Path envFile) {
		assumeTrue(compose != null, "neither docker-compose nor the docker compose plugin is installed");
		List<String> command = new ArrayList<>(compose);
		command.addAll(List.of("--env-file", envFile.toString(), "--file", Compose.FILE, "config"));
		return Commands.run(command);
	}

	/** `docker-compose` (v1, Debian's package, or v2's compatibility binary), else `docker compose`. */
	private static Optional<List<String>> composeCommand() {
		Optional<Path> standalone = Commands.onPath("docker-compose");
		if (standalone.isPresent()) {
			return Optional.of(List.of(standalone.get().toString()));
		}
		Optional<Path> docker = Commands.onPath("docker");
		if (docker.isPresent() && Commands.run(List.of(docker.get().toString(), "compose", "version")).succeeded()) {
			return Optional.of(List.of(docker.get().toString(), "compose"));
		}
		return Optional.empty();
	}

}
