package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.deploy.Platform.Module;

import tools.jackson.databind.JsonNode;

/** docker-compose.yml read as a file: no Docker needed. */
class ComposeFileTests {

	private static final List<String> PLATFORM_DEPENDENCIES = List.of("kafka", "mongodb", "keycloak");

	/**
	 * Containers that do one thing and stop: they need no health check; what needs their work waits
	 * until they completed successfully.
	 */
	static final List<String> ONE_OFF_JOBS = List.of("kafka-setup", "keycloak-demo");

	/** The one-off jobs of the demo profile: nothing else has a profile. */
	static final List<String> DEMO_JOBS = List.of("keycloak-demo");

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
	void eachServiceWaitsForKafkaMongoDbAndTheAuthProviderToBeHealthyAndForItsKafkaUser() {
		for (Module service : Platform.services()) {
			Map<String, Object> dependsOn = Documents.mapAt(Compose.service(service.name()), "depends_on");
			for (String dependency : PLATFORM_DEPENDENCIES) {
				assertThat(Documents.text(dependsOn, dependency + ".condition")).as(service.name() + " waits for " + dependency)
					.isEqualTo("service_healthy");
			}
			assertThat(Documents.text(dependsOn, "kafka-setup.condition")).as(service.name() + " waits for its topics and Kafka user")
				.isEqualTo("service_completed_successfully");
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
				if (ONE_OFF_JOBS.contains(dependency)) {
					assertThat(Documents.text(condition, "condition")).as(name + " -> " + dependency)
						.isEqualTo("service_completed_successfully");
					return;
				}
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
	void servicesReachKafkaAtTheListenerItAdvertisesToClients() {
		Map<String, String> kafka = Compose.environment("kafka");
		assertThat(Documents.text(Compose.service("kafka"), "image")).startsWith("apache/kafka:");
		assertThat(kafka.get("KAFKA_PROCESS_ROLES")).contains("controller").contains("broker");
		String advertised = KafkaAccessTests.listener(kafka.get("KAFKA_ADVERTISED_LISTENERS"), KafkaAccessTests.CLIENT_LISTENER);
		for (Module service : Platform.services()) {
			assertThat(Compose.environment(service.name())).containsEntry("KAFKA_BOOTSTRAP_SERVERS", advertised);
		}
	}

	@Test
	void servicesConnectToTheReplicaSetTheMongoDbHealthCheckInitiatesEachAsItsOwnUser() {
		Map<String, String> mongodb = Compose.environment("mongodb");
		String replicaSet = mongodb.get("MONGO_REPLICA_SET");
		assertThat(Repository.read("deploy/docker/mongodb/replica-set.js")).contains("rs.initiate(")
			.contains("process.env.MONGO_REPLICA_SET");
		assertThat(Documents.listAt(Compose.service("mongodb"), "entrypoint").toString()).contains("entrypoint.sh");
		assertThat(Documents.listAt(Compose.service("mongodb"), "healthcheck.test").toString()).contains("healthcheck.sh");
		for (Module service : Platform.services()) {
			URI uri = URI.create(Compose.interpolate(Compose.environment(service.name()).get("MONGODB_URI"), Map.of()));
			assertThat(uri.getHost()).isEqualTo(mongodb.get("MONGO_MEMBER_HOST").split(":")[0]);
			assertThat(uri.getQuery()).contains("replicaSet=" + replicaSet).contains("authSource=admin");
		}
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

	/**
	 * No known secret: every secret of the example is empty there (so a copied example makes compose
	 * refuse to start) and has no default in the compose file; make-env.sh fills them in.
	 */
	@Test
	void secretsHaveNoValueInTheExampleAndNoDefaultInTheComposeFile() {
		List<String> secrets = Compose.secrets();
		assertThat(secrets).as("the secrets of .env.example").contains("MONGO_ROOT_PASSWORD", "KEYCLOAK_ADMIN_PASSWORD",
				"KEYCLOAK_DB_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "UNSUBSCRIBE_SECRET", "ACCOUNTS_CLIENT_SECRET", "LINK_SECRET");
		for (Module service : Platform.services()) {
			String variable = service.name().toUpperCase().replace('-', '_') + "_PASSWORD";
			assertThat(secrets).contains("MONGO_" + variable, "KAFKA_" + variable);
		}
		Map<String, Boolean> used = Compose.interpolatedVariables();
		Map<String, String> example = Compose.envExample();
		for (String secret : secrets) {
			assertThat(used).as(secret + " must be set, never defaulted").containsEntry(secret, false);
			assertThat(example.get(secret)).as(secret + " has no value in .env.example").isEmpty();
		}
		assertThat(Repository.read(Compose.FILE)).as("every secret's message says how to make it")
			.doesNotContainPattern("\\$\\{[A-Z0-9_]+:\\?(?!make \\.env with deploy/docker/make-env\\.sh)");
	}

	/**
	 * Nothing in the compose file that looks like a secret is written into it: every password, secret,
	 * JAAS configuration or connection string with credentials takes its secret part from a secret of
	 * .env (SMTP's credentials, which the relay gives, may stay empty).
	 */
	@Test
	void everySecretOfAContainerComesFromASecretOfTheEnvFile() {
		Pattern secretName = Pattern.compile(".*(PASSWORD|SECRET|JAAS).*|MONGODB_URI");
		List<String> secrets = Compose.secrets();
		Compose.services().forEach((name, service) -> Documents.mapAt(service, "environment").forEach((variable, value) -> {
			if (!secretName.matcher(variable).matches() || variable.startsWith("SMTP_")) {
				return;
			}
			String text = String.valueOf(value);
			if (variable.startsWith("KAFKA_LISTENER_NAME_")) {
				// the broker's side of SCRAM: the credentials are Kafka's, none are written here
				assertThat(text).as(name + " " + variable).doesNotContainIgnoringCase("password").doesNotContain("username");
				return;
			}
			Matcher reference = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(text);
			assertThat(reference.find()).as(name + " " + variable + " takes a secret of .env: " + text).isTrue();
			assertThat(secrets).as(name + " " + variable).contains(reference.group(1));
		}));
		assertThat(Compose.environment("notification-service")).containsEntry("SMTP_PASSWORD", "${SMTP_PASSWORD:-}");
	}

	@Test
	void participantServiceManagesAccountsInTheRealmKeycloakImportsAsItsConfidentialClient() {
		Map<String, String> environment = Compose.environment("participant-service");
		JsonNode realm = Repository.json(KeycloakRealmTests.REALM);
		assertThat(environment).containsEntry("ACCOUNTS_PROVIDER", "keycloak")
			.containsEntry("KEYCLOAK_REALM", realm.get("realm").asString());
		// inside the compose network, at the port Keycloak listens on in its container
		String published = Compose.interpolate(Documents.listAt(Compose.service("keycloak"), "ports").get(0).toString());
		assertThat(environment.get("KEYCLOAK_URL")).isEqualTo("http://keycloak:" + published.substring(published.lastIndexOf(':') + 1));
		JsonNode client = KeycloakRealmTests.client(realm, environment.get("ACCOUNTS_CLIENT_ID"));
		assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
		// Keycloak reads the secret into the realm at its import; participant-service signs in with the same
		assertThat(client.get("secret").asString()).startsWith("${ACCOUNTS_CLIENT_SECRET:");
		assertThat(Compose.environment("keycloak").get("ACCOUNTS_CLIENT_SECRET"))
			.isEqualTo(environment.get("ACCOUNTS_CLIENT_SECRET"))
			.startsWith("${ACCOUNTS_CLIENT_SECRET:?");
		assertThat(Compose.secrets()).contains("ACCOUNTS_CLIENT_SECRET");
	}

	@Test
	void everyServiceThatSignsOrChecksLinksGetsTheSameSecret() {
		List<Module> signers = Platform.linkSigners();
		assertThat(signers.stream().map(Module::name)).contains("participant-service", "notification-service");
		for (Module service : signers) {
			assertThat(Compose.environment(service.name())).as(service.name())
				.containsEntry("LINK_SECRET", "${LINK_SECRET:?make .env with deploy/docker/make-env.sh}")
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
			if (!DEMO_JOBS.contains(name)) {
				assertThat(Documents.at(service, "profiles")).as(name + " runs without a profile").isNull();
			}
		});
		assertThat(DEMO_JOBS).allSatisfy(job -> assertThat(Documents.listAt(Compose.service(job), "profiles")).containsExactly("demo"));
		Compose.services().forEach((name, service) -> {
			if (!DEMO_JOBS.contains(name)) {
				assertThat(String.valueOf(service)).as(name + " has nothing of the demo").doesNotContain("mentoring-demo.json");
			}
		});
	}

	/**
	 * Keycloak runs in production mode (never start-dev), and its admin console, which shares the port
	 * with the sign-in pages, is reachable from this machine only; the management port (health,
	 * metrics) is not published at all.
	 */
	@Test
	void keycloakRunsInProductionModeAndItsAdminConsoleIsNotPublished() {
		Map<String, Object> keycloak = Compose.service("keycloak");
		List<Object> command = Documents.listAt(keycloak, "command");
		assertThat(command).first().isEqualTo("start");
		assertThat(command.toString()).doesNotContain("start-dev");
		assertThat(Compose.environment("keycloak")).doesNotContainKey("KC_HOSTNAME_STRICT")
			.containsEntry("KC_HTTP_ENABLED", "true")
			.containsKey("KC_HOSTNAME");
		List<Object> ports = Documents.listAt(keycloak, "ports");
		assertThat(ports).singleElement().satisfies(port -> {
			String mapping = Compose.interpolate(String.valueOf(port));
			assertThat(mapping).startsWith("127.0.0.1:").endsWith(":8080");
		});
		Compose.services().forEach((name, service) -> Documents.listAt(service, "ports")
			.forEach(port -> assertThat(Compose.interpolate(String.valueOf(port))).as(name).doesNotEndWith(":9000")));
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
	void onlyTheGatewayIsPublishedOnEveryInterfaceTheRestOnlyOnThisMachine() {
		Compose.services().forEach((name, service) -> {
			for (Object port : Documents.listAt(service, "ports")) {
				String mapping = Compose.interpolate(String.valueOf(port));
				if (!name.equals("gateway")) {
					assertThat(mapping).as(name + " publishes " + mapping).startsWith("127.0.0.1:");
				}
			}
		});
		for (String backend : List.of("kafka", "mongodb", "keycloak-db")) {
			assertThat(Documents.at(Compose.service(backend), "ports")).as(backend + " is reached inside the network only").isNull();
		}
		for (Module service : Platform.services()) {
			assertThat(Documents.at(Compose.service(service.name()), "ports")).as(service.name() + " is reached through the gateway")
				.isNull();
		}
	}

	/**
	 * The web application calls each service directly, at the address the gateway routes to (the same
	 * variables, the same values), and nothing else of the platform: not the gateway; besides the
	 * services, only Keycloak (the sign-in's discovery document) is named in its settings.
	 */
	@Test
	void theWebApplicationCallsEachServiceWhereTheGatewayRoutesToAndNothingElseOfThePlatform() {
		Map<String, String> environment = Compose.environment("web");
		Map<String, String> gateway = Compose.environment("gateway");
		Set<String> named = new TreeSet<>();
		for (Module service : Platform.services()) {
			String variable = service.name().replace("-service", "").toUpperCase() + "_SERVICE_URL";
			assertThat(environment).as("web").containsEntry(variable, "http://" + service.name() + ":" + service.port());
			assertThat(environment.get(variable)).as(variable + ": the gateway's route").isEqualTo(gateway.get(variable));
			named.add(service.name());
		}
		named.add("keycloak");
		Set<String> reached = new TreeSet<>();
		environment.values().forEach(value -> {
			Matcher url = Pattern.compile("https?://([^:/]+).*").matcher(Compose.interpolate(value));
			if (url.matches() && Compose.services().containsKey(url.group(1))) {
				reached.add(url.group(1));
			}
		});
		assertThat(reached).as("the containers the web application's settings name").containsExactlyInAnyOrderElementsOf(named);
		assertThat(environment).as("the API is no longer called through the gateway").doesNotContainKey("API_URL");
	}

	@Test
	void theWebApplicationRunsFromItsJarBehindTheGatewayAndSignsPeopleInAtThePublicIssuer() {
		String realm = Repository.json("deploy/keycloak/mentoring-realm.json").get("realm").asString();
		Map<String, Object> web = Compose.service("web");
		Map<String, String> environment = Compose.environment("web");

		assertThat(Documents.text(web, "build.args.JAR_FILE")).isEqualTo("web/target/web-0.1.0-SNAPSHOT-exec.jar");
		assertThat(Documents.text(web, "build.args.PORT")).isEqualTo("8085");
		assertThat(environment).containsEntry("PORT", "8085");
		assertThat(Compose.environment("gateway")).containsEntry("WEB_URL", "http://web:8085");
		// people are sent to the public issuer; the server reads the discovery document inside the network
		assertThat(Compose.interpolate(environment.get("ISSUER_URI"))).isEqualTo(Compose.envExample().get("ISSUER_URI"));
		assertThat(Compose.interpolate(environment.get("ISSUER_DISCOVERY_URI")))
			.isEqualTo("http://keycloak:8080/realms/" + realm + "/.well-known/openid-configuration");
		assertThat(Compose.interpolate(environment.get("SESSION_COOKIE_SECURE"))).isEqualTo("true");
		assertThat(Documents.at(web, "ports")).as("reached through the gateway only").isNull();
		assertThat(Documents.at(web, "read_only")).isEqualTo(true);
		assertThat(Documents.listAt(web, "cap_drop")).containsExactly("ALL");
	}

}
