package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.kreativnomentorstvo.deploy.Platform.Module;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * docker-compose's MongoDB users: replica-set.js (which the container's health check runs with
 * mongosh) against a stand-in for mongod (src/test/resources/mongosh-stand-in.js, run by Node), with
 * the mongodb container's environment from a .env that make-env.sh made. Each service gets a user of
 * its own that may read and write its own database only, and connects with exactly those credentials.
 * Skipped where Node is not installed.
 */
class MongoDbUsersTests {

	private static final String SCRIPT = "deploy/docker/mongodb/replica-set.js";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path directory;

	private Map<String, String> env;

	private Map<String, String> mongodb;

	@BeforeEach
	void environment() {
		assumeTrue(Commands.onPath("node").isPresent(), "node is not installed");
		assumeTrue(Commands.onPath("bash").isPresent(), "bash is not installed");
		env = Compose.madeEnv(directory);
		mongodb = new HashMap<>();
		Compose.environment("mongodb").forEach((name, value) -> mongodb.put(name, Compose.interpolate(value, env)));
	}

	@Test
	void theFirstStartsInitiateTheReplicaSetAndMakeTheRootAndOneUserPerServiceOnItsOwnDatabase() throws Exception {
		Run first = run(mongodb);
		assertThat(first.exit()).as("electing itself: not healthy yet").isEqualTo(1);
		assertThat(first.state().at("/setName").asString()).isEqualTo(mongodb.get("MONGO_REPLICA_SET"));
		assertThat(first.state().at("/members/0/host").asString()).isEqualTo(mongodb.get("MONGO_MEMBER_HOST"));

		Run second = run(mongodb);
		assertThat(second.exit()).as(second.toString()).isZero();
		JsonNode users = second.state().get("users");
		assertThat(users.at("/" + mongodb.get("MONGO_ROOT_USERNAME") + "/roles/0/role").asString()).isEqualTo("root");
		List<String> names = new ArrayList<>(users.propertyNames());
		assertThat(names).containsExactlyInAnyOrder(mongodb.get("MONGO_ROOT_USERNAME"), "participant-service",
				"matching-service", "session-service", "notification-service");
		for (Module service : Platform.services()) {
			JsonNode user = users.get(service.name());
			assertThat(user.get("roles").size()).as(service.name() + " has one role").isEqualTo(1);
			assertThat(user.at("/roles/0/role").asString()).isEqualTo("readWrite");
			assertThat(user.at("/roles/0/db").asString()).as(service.name() + "'s database").isEqualTo(service.database());
			// the service signs in with exactly these credentials
			URI uri = new URI(Compose.interpolate(Compose.environment(service.name()).get("MONGODB_URI"), env));
			assertThat(uri.getUserInfo()).isEqualTo(service.name() + ":" + user.get("pwd").asString());
			assertThat(uri.getRawQuery()).contains("authSource=admin");
		}

		Run third = run(mongodb);
		assertThat(third.exit()).isZero();
		assertThat(third.printed()).as("nothing to change").isEmpty();
	}

	@Test
	void aPasswordChangedInTheEnvFileIsTakenOverAndChangedRolesArePutBack() throws Exception {
		run(mongodb);
		run(mongodb);
		Map<String, String> changed = new HashMap<>(mongodb);
		changed.put("MATCHING_SERVICE_PASSWORD", "0123456789abcdef".repeat(4));
		Run rotated = run(changed);
		assertThat(rotated.exit()).isZero();
		assertThat(rotated.printed()).containsExactly("user matching-service updated: pwd");
		assertThat(rotated.state().at("/users/matching-service/pwd").asString()).isEqualTo("0123456789abcdef".repeat(4));

		ObjectNode state = (ObjectNode) rotated.state();
		ObjectNode grant = JSON.createObjectNode().put("role", "readWrite").put("db", "participants");
		((tools.jackson.databind.node.ArrayNode) state.at("/users/session-service/roles")).add(grant);
		Files.writeString(directory.resolve("state.json"), JSON.writeValueAsString(state));
		Run restored = run(changed);
		assertThat(restored.printed()).containsExactly("user session-service updated: roles");
		assertThat(restored.state().at("/users/session-service/roles").size()).isEqualTo(1);
		assertThat(restored.state().at("/users/session-service/roles/0/db").asString()).isEqualTo("sessions");
	}

	@Test
	void withoutAServicesPasswordOrWithAnotherRootPasswordTheNodeIsNotHealthy() throws Exception {
		run(mongodb);
		run(mongodb);
		Map<String, String> missing = new HashMap<>(mongodb);
		missing.remove("NOTIFICATION_SERVICE_PASSWORD");
		assertThat(run(missing).exit()).isEqualTo(2);
		Map<String, String> rootChanged = new HashMap<>(mongodb);
		rootChanged.put("MONGO_ROOT_PASSWORD", "changedInEnvOnly1234567890");
		Run run = run(rootChanged);
		assertThat(run.exit()).as("the root user is changed by hand (docs/operations.md)").isNotZero();
	}

	@Test
	void theComposeFileNamesEveryServiceWithItsDatabase() {
		Map<String, String> users = new HashMap<>();
		for (String entry : Compose.environment("mongodb").get("MONGO_SERVICE_USERS").split(",")) {
			users.put(entry.split(":")[0], entry.split(":")[1]);
		}
		Map<String, String> expected = new HashMap<>();
		Platform.services().forEach(service -> expected.put(service.name(), service.database()));
		assertThat(users).isEqualTo(expected);
	}

	private record Run(int exit, List<String> printed, String error, JsonNode state) {
	}

	private Run run(Map<String, String> environment) throws IOException, URISyntaxException {
		Path state = directory.resolve("state.json");
		List<String> command = new ArrayList<>(List.of("env", "-i", "PATH=" + System.getenv("PATH")));
		environment.forEach((name, value) -> command.add(name + "=" + value));
		command.addAll(List.of("node", Repository.path("deploy/checks/src/test/resources/mongosh-stand-in.js").toString(),
				Repository.path(SCRIPT).toString(), state.toString()));
		Commands.Result result = Commands.run(command);
		assertThat(result.succeeded()).as(result.output()).isTrue();
		String last = result.output().strip().lines().reduce((a, b) -> b).orElseThrow();
		JsonNode outcome = JSON.readTree(last);
		List<String> printed = new ArrayList<>();
		outcome.get("printed").forEach(line -> printed.add(line.asString()));
		return new Run(outcome.get("exit").asInt(), printed, outcome.get("error").asString(null),
				JSON.readTree(Files.readString(state)));
	}

}
