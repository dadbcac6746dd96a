package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/docker/make-env.sh, which makes .env from .env.example: every secret a new random value
 * (so no two instances share one, and none is known), nothing else changed, an existing .env kept.
 */
class EnvFileTests {

	@TempDir
	Path directory;

	@BeforeEach
	void needsBash() {
		assumeTrue(Commands.onPath("bash").isPresent(), "bash is not installed");
	}

	@Test
	void everySecretGetsItsOwnNewRandomValueAndTheRestIsTheExample() {
		Map<String, String> first = Compose.madeEnv(directory.resolve("one"));
		Map<String, String> second = Compose.madeEnv(directory.resolve("two"));
		Map<String, String> example = Compose.envExample();
		List<String> secrets = Compose.secrets();
		assertThat(first.keySet()).containsExactlyElementsOf(example.keySet());
		example.forEach((name, value) -> {
			if (secrets.contains(name)) {
				assertThat(first.get(name)).as(name).matches("[0-9a-f]{64}").isNotEqualTo(second.get(name));
			}
			else {
				assertThat(first.get(name)).as(name).isEqualTo(value);
			}
		});
		assertThat(secrets.stream().map(first::get).distinct()).as("no two secrets alike").hasSameSizeAs(secrets);
	}

	@Test
	void theMadeFileIsReadableByItsOwnerOnly() throws IOException {
		Compose.madeEnv(directory);
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory.resolve("made.env"));
		assertThat(permissions).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
	}

	@Test
	void anExistingFileKeepsItsValuesAndGetsOnlyWhatItLacks() throws IOException {
		Path env = directory.resolve(".env");
		Files.writeString(env, """
				MENTORING_INSTANCE=skopje-creative-hub-mk
				LINK_SECRET=0123456789abcdef0123456789abcdef0123456789abcdef
				MONGO_APP_PASSWORD=fromAnOlderVersion
				""");
		Commands.Result first = Commands.run(List.of("bash", Compose.MAKE_ENV, env.toString()));
		assertThat(first.succeeded()).as(first.output()).isTrue();
		Map<String, String> made = Compose.envFile(env);
		assertThat(made).containsEntry("MENTORING_INSTANCE", "skopje-creative-hub-mk")
			.containsEntry("LINK_SECRET", "0123456789abcdef0123456789abcdef0123456789abcdef")
			.containsEntry("MONGO_APP_PASSWORD", "fromAnOlderVersion")
			.containsKeys(Compose.envExample().keySet().toArray(String[]::new));
		assertThat(made.get("KAFKA_MATCHING_SERVICE_PASSWORD")).matches("[0-9a-f]{64}");
		assertThat(first.output()).contains("KAFKA_MATCHING_SERVICE_PASSWORD")
			.doesNotContain(made.get("KAFKA_MATCHING_SERVICE_PASSWORD"));

		String before = Files.readString(env);
		Commands.Result again = Commands.run(List.of("bash", Compose.MAKE_ENV, env.toString()));
		assertThat(again.succeeded()).as(again.output()).isTrue();
		assertThat(Files.readString(env)).as("nothing left to add").isEqualTo(before);
	}

	@Test
	void aSecretSomeoneTypedOrAnOldExampleLeftIsReportedByName() throws IOException {
		Path env = directory.resolve(".env");
		Files.writeString(env, "KEYCLOAK_ADMIN_PASSWORD=demo\nLINK_SECRET=local-development-only-link-secret\n");
		Commands.Result result = Commands.run(List.of("bash", Compose.MAKE_ENV, env.toString()));
		assertThat(result.succeeded()).as(result.output()).isTrue();
		assertThat(result.output()).contains("WARNING: KEYCLOAK_ADMIN_PASSWORD").contains("WARNING: LINK_SECRET")
			.doesNotContain("WARNING: GRAFANA_ADMIN_PASSWORD");
	}

}
