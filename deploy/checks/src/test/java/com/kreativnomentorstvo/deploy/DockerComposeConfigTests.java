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
	void dockerComposeAcceptsTheFileWithAnEnvironmentThatMakeEnvMade(@TempDir Path directory) {
		assumeTrue(compose != null, "neither docker-compose nor the docker compose plugin is installed");
		Map<String, String> env = Compose.madeEnv(directory);
		Commands.Result result = config(directory.resolve("made.env"));
		assertThat(result.succeeded()).as(result.output()).isTrue();
		Map<String, Object> resolved = Repository.yamlDocuments(result.output()).get(0);
		Map<String, Object> services = Documents.mapAt(resolved, "services");
		for (Module module : Platform.deployables()) {
			assertThat(services).containsKey(module.name());
			assertThat(Documents.at(services.get(module.name()), "healthcheck.test")).as(module.name()).isNotNull();
		}
		// what the env file sets reaches the services, each with its own credentials
		assertThat(Documents.text(services.get("participant-service"), "environment.MENTORING_INSTANCE"))
			.isEqualTo(env.get("MENTORING_INSTANCE"));
		for (Module service : Platform.services()) {
			String variable = service.name().toUpperCase().replace('-', '_') + "_PASSWORD";
			assertThat(Documents.text(services.get(service.name()), "environment.MONGODB_URI"))
				.startsWith("mongodb://" + service.name() + ":" + env.get("MONGO_" + variable) + "@mongodb:27017/")
				.doesNotContain("${");
			assertThat(Documents.text(services.get(service.name()), "environment.SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
				.contains("username=\"" + service.name() + "\" password=\"" + env.get("KAFKA_" + variable) + "\";");
		}
	}

	/** The one-command demo: the same .env, the demo profile (ComposeFileTests: only its one-off job has it). */
	@Test
	void dockerComposeAcceptsTheDemoProfile(@TempDir Path directory) {
		assumeTrue(compose != null, "neither docker-compose nor the docker compose plugin is installed");
		Compose.madeEnv(directory);
		List<String> command = new ArrayList<>(compose);
		command.addAll(List.of("--env-file", directory.resolve("made.env").toString(), "--file", Compose.FILE, "--profile",
				"demo", "config", "--services"));
		Commands.Result result = Commands.run(command);
		assertThat(result.succeeded()).as(result.output()).isTrue();
		assertThat(result.output().lines().map(String::strip)).contains("keycloak-demo", "kafka-setup", "keycloak");
	}

	/** The example as it is holds no secret: copied to .env unchanged, compose refuses to start. */
	@Test
	void dockerComposeRefusesTheExampleAsItIsAndAnEmptyEnvironment(@TempDir Path directory) throws IOException {
		Commands.Result example = config(Repository.path(Compose.ENV_EXAMPLE));
		assertThat(example.succeeded()).as(example.output()).isFalse();
		assertThat(example.output()).contains("make .env with deploy/docker/make-env.sh");
		Path empty = Files.writeString(directory.resolve("empty.env"), "# nothing set\n");
		Commands.Result nothing = config(empty);
		assertThat(nothing.succeeded()).as(nothing.output()).isFalse();
		assertThat(nothing.output()).contains("make .env with deploy/docker/make-env.sh");
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
