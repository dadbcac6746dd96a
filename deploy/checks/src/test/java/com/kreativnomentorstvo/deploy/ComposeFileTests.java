package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.deploy.Platform.Module;

import tools.jackson.databind.JsonNode;

/** docker-compose.yml read as a file: no Docker needed. */
class ComposeFileTests {

	private static final List<String> PLATFORM_DEPENDENCIES = List.of("kafka", "mongodb", "keycloak");

	/** Containers that do one thing and stop: they need no health check, and nothing waits for them. */
	private static final List<String> ONE_OFF_JOBS = List.of("keycloak-demo");

	@Test
	void everyServiceOfTheFileHasAHealthCheck() {
		assertThat(Compose.services()).isNotEmpty().allSatisfy((name, service) -> {
			if (ONE_OFF_JOBS.contains(name)) {
				return;
			}
			Object test = Documents.at(service, "healthcheck.test");
			assertThat(test).as(name + " has a health check").isNotNull();
			assertThat(Documents.text(service, "healthcheck.disable")).as(name).isNotEqualTo("true");
		});
	}

	@Test
	void everyServiceAndTheGatewayAreInTheFile() {
		assertThat(Compose.services()).containsKeys(Platform.deployables().stream().map(Module::name).toArray(String[]::new));
	}

	@Test
	void eachServiceWaitsForKafkaMongoDbAndTheAuthProviderToBeHealthy() {
		for (Module service : Platform.services()) {
			Map<String, Object> dependsOn = Documents.mapAt(Compose.service(service.name()), "depends_on");
			for (String dependency : PLATFORM_DEPENDENCIES) {
				assertThat(Documents.text(dependsOn, dependency + ".condition")).as(service.name() + " waits for " + dependency)
					.isEqualTo("service_healthy");
			}
		}
	}

	@Test
	void theNotificationServiceWaitsForItsMailServer() {
		String smtpHost = Compose.interpolate(Compose.environment("notification-service").get("SMTP_HOST"));
		assertThat(Compose.services()).containsKey(smtpHost);
		assertThat(Documents.text(Compose.service("notification-service"), "depends_on." + smtpHost + ".condition"))
			.isEqualTo("service_healthy");
	}

	@Test
	void theGatewayWaitsForEveryServiceAndTheAuthProvider() {
		Map<String, Object> dependsOn = Documents.mapAt(Compose.service("gateway"), "depends_on");
		for (Module service : Platform.services()) {
			assertThat(Documents.text(dependsOn, service.name() + ".condition")).as("gateway waits for " + service.name())
				.isEqualTo("service_healthy");
		}
		assertThat(Documents.text(dependsOn, "keycloak.condition")).isEqualTo("service_healthy");
	}

	@Test
	void everyDependencyIsOnTheHealthOfAServiceThatHasAHealthCheck() {
		Compose.services().forEach((name, service) -> {
			Object dependsOn = Documents.at(service, "depends_on");
			if (dependsOn == null) {
				return;
			}
			assertThat(dependsOn).as(name + ": depends_on in the long form, with conditions").isInstanceOf(Map.class);
			Documents.map(dependsOn).forEach((dependency, condition) -> {
				assertThat(Documents.text(condition, "condition")).as(name + " -> " + dependency).isEqualTo("service_healthy");
				assertThat(Documents.at(Compose.service(dependency), "healthcheck.test")).as(dependency + " has a health check")
					.isNotNull();
			});
		});
	}

	@Test
	void eachImageIsBuiltFromItsModulesRunnableJarAndListensOnItsPort() {
		for (Module module : Platform.deployables()) {
			Map<String, Object> service = Compose.service(module.name());
			assertThat(Documents.text(service, "build.dockerfile")).isEqualTo("deploy/docker/Dockerfile");
			assertThat(Documents.text(service, "build.context")).isEqualTo(".");
			assertThat(Documents.text(service, "build.args.JAR_FILE")).as(module.name()).isEqualTo(module.jar());
			assertThat(Files.isDirectory(Repository.path(module.directory()))).isTrue();
			assertThat(Repository.read(module.directory() + "/pom.xml"))
				.contains("<artifactId>" + module.directory() + "</artifactId>");
			assertThat(Documents.text(service, "build.args.PORT")).isEqualTo(String.valueOf(module.port()));
			assertThat(Compose.environment(module.name())).containsEntry("PORT", String.valueOf(module.port()));
		}
	}

	@Test
	void eachServiceIsGivenWhatItReads() {
		for (Module service : Platform.services()) {
			Map<String, String> environment = Compose.environment(service.name());
			assertThat(environment).as(service.name())
				.containsKeys("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "ISSUER_URI", "TOKEN_AUDIENCE", "MENTORING_INSTANCE",
						"PORT", "LOG_FORMAT");
		}
		assertThat(Compose.environment("notification-service")).containsKeys("SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME",
				"SMTP_PASSWORD", "SMTP_TLS", "UNSUBSCRIBE_SECRET", "PUBLIC_URL", "LINK_SECRET");
		assertThat(Compose.environment("participant-service")).containsKeys("ACCOUNTS_PROVIDER", "KEYCLOAK_URL",
				"KEYCLOAK_REALM", "ACCOUNTS_CLIENT_ID", "ACCOUNTS_CLIENT_SECRET", "LINK_SECRET", "PUBLIC_URL");
		assertThat(Compose.environment("gateway")).containsKeys("ISSUER_URI", "TOKEN_AUDIENCE", "PORT");
	}

	@Test
	void theGatewayRoutesToEachServiceByItsNameAndPort() {
		Map<String, String> environment = Compose.environment("gateway");
		for (Module service : Platform.services()) {
			String variable = service.name().replace("-service", "").toUpperCase() + "_SERVICE_URL";
			assertThat(environment).containsEntry(variable, "http://" + service.name() + ":" + service.port());
		}
	}

	@Test
	void servicesReachKafkaAtItsAdvertisedListener() {
		Map<String, String> kafka = Compose.environment("kafka");
		assertThat(Documents.text(Compose.service("kafka"), "image")).startsWith("apache/kafka:");
		assertThat(kafka.get("KAFKA_PROCESS_ROLES")).contains("controller").contains("broker");
		String advertised = kafka.get("KAFKA_ADVERTISED_LISTENERS").replaceFirst("^[A-Z_]+://", "");
		for (Module service : Platform.services()) {
			assertThat(Compose.environment(service.name())).containsEntry("KAFKA_BOOTSTRAP_SERVERS", advertised);
		}
	}

	@Test
	void servicesConnectToTheReplicaSetTheMongoDbHealthCheckInitiates() {
		Map<String, String> mongodb = Compose.environment("mongodb");
		String replicaSet = mongodb.get("MONGO_REPLICA_SET");
		assertThat(Repository.read("deploy/docker/mongodb/replica-set.js")).contains("rs.initiate(")
			.contains("process.env.MONGO_REPLICA_SET");
		assertThat(Documents.listAt(Compose.service("mongodb"), "entrypoint").toString()).contains("entrypoint.sh");
		assertThat(Documents.listAt(Compose.service("mongodb"), "healthcheck.test").toString()).contains("healthcheck.sh");
		for (Module service : Platform.services()) {
			String uri = Compose.interpolate(Compose.environment(service.name()).get("MONGODB_URI"));
			assertThat(URI.create(uri).getHost()).isEqualTo(mongodb.get("MONGO_MEMBER_HOST").split(":")[0]);
			assertThat(uri).contains("replicaSet=" + replicaSet)
				.contains(Compose.envExample().get("MONGO_APP_USERNAME") + ":" + Compose.envExample().get("MONGO_APP_PASSWORD") + "@");
		}
		assertThat(mongodb.get("MONGO_APP_DATABASES").split(","))
			.containsExactlyInAnyOrder(Platform.services().stream().map(Module::database).toArray(String[]::new));
	}

	@Test
	void tokensAreCheckedAgainstTheIssuerKeycloakNamesInThem() {
		String realm = Repository.json("deploy/keycloak/mentoring-realm.json").get("realm").asString();
		Map<String, String> env = Compose.envExample();
		assertThat(env.get("ISSUER_URI")).isEqualTo(env.get("KEYCLOAK_PUBLIC_URL") + "/realms/" + realm);
		assertThat(Compose.interpolate(Compose.environment("keycloak").get("KC_HOSTNAME"))).isEqualTo(env.get("KEYCLOAK_PUBLIC_URL"));
		for (Module module : Platform.deployables()) {
			Map<String, String> environment = Compose.environment(module.name());
			assertThat(Compose.interpolate(environment.get("ISSUER_URI"))).isEqualTo(env.get("ISSUER_URI"));
			// keys from inside the compose network: the public issuer URL may not resolve there
			assertThat(Compose.interpolate(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI")))
				.isEqualTo("http://keycloak:8080/realms/" + realm + "/protocol/openid-connect/certs");
		}
	}

	@Test
	void everyVariableWithoutADefaultIsInTheEnvExampleAndTheExampleHoldsNothingUnused() {
		Map<String, Boolean> used = Compose.interpolatedVariables();
		Set<String> required = new TreeSet<>();
		used.forEach((name, hasDefault) -> {
			if (!hasDefault) {
				required.add(name);
			}
		});
		assertThat(Compose.envExample()).containsKeys(required.toArray(String[]::new));
		Set<String> unused = new TreeSet<>(Compose.envExample().keySet());
		unused.removeAll(used.keySet());
		unused.remove("COMPOSE_PROJECT_NAME"); // read by docker compose itself
		assertThat(unused).as("variables of .env.example that docker-compose.yml never reads").isEmpty();
	}

	@Test
	void secretsHaveNoDefaultInTheComposeFileAndAreMarkedAsLocalDefaultsInTheExample() {
		List<String> secrets = List.of("MONGO_ROOT_PASSWORD", "MONGO_APP_PASSWORD", "KEYCLOAK_ADMIN_PASSWORD",
				"KEYCLOAK_DB_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "UNSUBSCRIBE_SECRET", "ACCOUNTS_CLIENT_SECRET", "LINK_SECRET");
		Map<String, Boolean> used = Compose.interpolatedVariables();
		String example = Repository.read(Compose.ENV_EXAMPLE);
		for (String secret : secrets) {
			assertThat(used).as(secret + " must be set, never defaulted").containsEntry(secret, false);
			int at = example.indexOf("\n" + secret + "=");
			assertThat(at).as(secret + " in .env.example").isPositive();
			String lineAbove = example.substring(example.lastIndexOf('\n', at - 1) + 1, at);
			assertThat(lineAbove).as("the comment right above " + secret).startsWith("#").contains("LOCAL-DEVELOPMENT DEFAULT");
		}
	}

	@Test
	void participantServiceManagesAccountsInTheRealmKeycloakImportsAsItsConfidentialClient() {
		Map<String, String> environment = Compose.environment("participant-service");
		JsonNode realm = Repository.json(KeycloakRealmTests.REALM);
		assertThat(environment).containsEntry("ACCOUNTS_PROVIDER", "keycloak")
			.containsEntry("KEYCLOAK_REALM", realm.get("realm").asString());
		// inside the compose network, at the port Keycloak listens on in its container
		assertThat(environment.get("KEYCLOAK_URL")).isEqualTo("http://keycloak:"
				+ Compose.interpolate(Documents.listAt(Compose.service("keycloak"), "ports").get(0).toString()).split(":")[1]);
		JsonNode client = KeycloakRealmTests.client(realm, environment.get("ACCOUNTS_CLIENT_ID"));
		assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
		// Keycloak reads the secret into the realm at its import; participant-service signs in with the same
		assertThat(client.get("secret").asString()).startsWith("${ACCOUNTS_CLIENT_SECRET:");
		assertThat(Compose.environment("keycloak").get("ACCOUNTS_CLIENT_SECRET"))
			.isEqualTo(environment.get("ACCOUNTS_CLIENT_SECRET"))
			.startsWith("${ACCOUNTS_CLIENT_SECRET:?");
		assertThat(Compose.envExample().get("ACCOUNTS_CLIENT_SECRET")).isNotBlank();
	}

	@Test
	void everyServiceThatSignsOrChecksLinksGetsTheSameSecret() {
		List<Module> signers = Platform.linkSigners();
		assertThat(signers.stream().map(Module::name)).contains("participant-service", "notification-service");
		for (Module service : signers) {
			assertThat(Compose.environment(service.name())).as(service.name())
				.containsEntry("LINK_SECRET", "${LINK_SECRET:?set LINK_SECRET in .env}")
				.containsEntry("PUBLIC_URL", "${PUBLIC_URL:-http://localhost:8080}");
		}
	}

	@Test
	void theRealmHasNoPeopleAndOnlyTheDemoProfileAddsThePersonasToIt() {
		List<Object> keycloakVolumes = Documents.listAt(Compose.service("keycloak"), "volumes");
		assertThat(keycloakVolumes).singleElement()
			.satisfies(volume -> assertThat(volume.toString()).startsWith("./" + KeycloakRealmTests.REALM + ":"));
		Map<String, Object> demo = Compose.service("keycloak-demo");
		assertThat(Documents.listAt(demo, "profiles")).containsExactly("demo");
		assertThat(Documents.text(demo, "restart")).isEqualTo("no");
		assertThat(Documents.text(demo, "image")).isEqualTo(Documents.text(Compose.service("keycloak"), "image"));
		assertThat(Documents.text(demo, "depends_on.keycloak.condition")).isEqualTo("service_healthy");
		String demoVolume = Documents.listAt(demo, "volumes").get(0).toString();
		assertThat(demoVolume).startsWith("./" + KeycloakRealmTests.DEMO + ":").endsWith(":ro");
		String mounted = demoVolume.split(":")[1];
		String realmName = Repository.json(KeycloakRealmTests.REALM).get("realm").asString();
		assertThat(Documents.listAt(demo, "command").toString()).contains("kcadm.sh create partialImport")
			.contains("-r " + realmName)
			.contains("-f " + mounted)
			.contains("--server http://keycloak:8080");
		Compose.services().forEach((name, service) -> {
			if (!name.equals("keycloak-demo")) {
				assertThat(Documents.at(service, "profiles")).as(name + " runs without a profile").isNull();
			}
		});
		assertThat(ONE_OFF_JOBS).allSatisfy(job -> assertThat(Documents.at(Compose.service(job), "profiles")).isNotNull());
	}

	@Test
	void everyContainerHasAMemoryLimit() {
		Compose.services().forEach((name, service) -> assertThat(Documents.text(service, "deploy.resources.limits.memory"))
			.as(name + " memory limit").isNotBlank());
	}

	@Test
	void thePlatformsContainersRunAsTheImagesUnprivilegedUserOnAReadOnlyFileSystem() {
		for (Module module : Platform.deployables()) {
			Map<String, Object> service = Compose.service(module.name());
			assertThat(Documents.at(service, "user")).as(module.name() + " keeps the image's user").isNull();
			assertThat(Documents.at(service, "read_only")).isEqualTo(true);
			assertThat(Documents.listAt(service, "cap_drop")).containsExactly("ALL");
		}
	}

	@Test
	void onlyTheGatewayAndTheSignInArePublishedOnEveryInterfaceTheRestOnlyOnThisMachine() {
		Compose.services().forEach((name, service) -> {
			for (Object port : Documents.listAt(service, "ports")) {
				String mapping = Compose.interpolate(String.valueOf(port));
				if (!name.equals("gateway") && !name.equals("keycloak")) {
					assertThat(mapping).as(name + " publishes " + mapping).startsWith("127.0.0.1:");
				}
			}
		});
		for (Module service : Platform.services()) {
			assertThat(Documents.at(Compose.service(service.name()), "ports")).as(service.name() + " is reached through the gateway")
				.isNull();
		}
	}

}
