package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.deploy.Platform.KafkaPermission;
import com.kreativnomentorstvo.deploy.Platform.Module;
import com.kreativnomentorstvo.events.Topics;

/**
 * docker-compose's Kafka read as files: every client signs in as its own SCRAM user, the broker
 * authorizes every request, and each service's user may do exactly what its code needs (the same as
 * the Kubernetes KafkaUsers). {@link KafkaAccessIT} runs the same configuration on a real broker.
 */
class KafkaAccessTests {

	/** The listener the services use; the others (BROKER, CONTROLLER) are the broker's own, on its loopback. */
	static final String CLIENT_LISTENER = "CLIENT";

	static final String SETUP = "deploy/docker/kafka/setup.sh";

	static final String USERS = "deploy/docker/kafka/users.conf";

	static final String TOPICS = "deploy/docker/kafka/topics.conf";

	static String listener(String listeners, String name) {
		return KafkaImage.listener(listeners, name);
	}

	/** The permissions of users.conf. */
	static Set<KafkaPermission> composePermissions() {
		Set<KafkaPermission> permissions = new TreeSet<>();
		for (String[] fields : entries(USERS)) {
			assertThat(fields).as(String.join(" ", fields)).hasSize(4);
			permissions.add(new KafkaPermission(fields[0], fields[1], fields[2], fields[3]));
		}
		return permissions;
	}

	/** The topics of topics.conf with their configuration. */
	static Map<String, Map<String, String>> composeTopics() {
		Map<String, Map<String, String>> topics = new LinkedHashMap<>();
		for (String[] fields : entries(TOPICS)) {
			assertThat(fields).as(String.join(" ", fields)).hasSize(2);
			Map<String, String> config = new TreeMap<>();
			for (String setting : fields[1].split(",")) {
				config.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
			}
			topics.put(fields[0], config);
		}
		return topics;
	}

	private static List<String[]> entries(String file) {
		return Repository.read(file)
			.lines()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.map(line -> line.split("\\s+"))
			.toList();
	}

	@Test
	void whatTheCodeNeedsIsReadFromTheCode() {
		Map<String, Set<String>> published = new TreeMap<>();
		Platform.services().forEach(s -> published.put(s.name(), Platform.publishedTopics(s)));
		assertThat(published).containsEntry("participant-service", Set.of(Topics.PARTICIPANTS, Topics.PARTICIPANT_CONTACTS))
			.containsEntry("matching-service", Set.of(Topics.MATCHING))
			.containsEntry("session-service", Set.of(Topics.SESSIONS))
			.containsEntry("notification-service", Set.of(Topics.NOTIFICATIONS));
		for (Module consumer : Platform.consumers()) {
			assertThat(Platform.consumedTopics(consumer)).as(consumer.name())
				.doesNotContainAnyElementsOf(Platform.publishedTopics(consumer));
			if (!consumer.name().equals("participant-service")) {
				assertThat(Platform.consumedTopics(consumer)).as(consumer.name()).contains(Topics.PARTICIPANTS);
			}
		}
		// participant-service learns the pairs matching-service forms, so that the two see each other's cards
		assertThat(Platform.consumedTopics(Platform.module("participant-service"))).containsExactly(Topics.MATCHING);
		assertThat(Platform.consumedTopics(Platform.module("notification-service"))).contains(Topics.PARTICIPANT_CONTACTS,
				Topics.MATCHING, Topics.SESSIONS);
	}

	@Test
	void eachServiceMayDoExactlyWhatItsCodeNeeds() {
		assertThat(composePermissions()).containsExactlyElementsOf(Platform.kafkaPermissions());
	}

	/**
	 * The broker as the image configures it from the compose file: clients must sign in with SCRAM on
	 * the one listener they can reach; the unauthenticated listeners are on the container's loopback;
	 * the authorizer refuses what is not granted; the only super user is the loopback's ANONYMOUS.
	 */
	@Test
	void theBrokerAuthenticatesEveryClientAndAuthorizesEveryRequest() {
		Map<String, String> environment = Compose.environment("kafka");
		environment.forEach((name, value) -> assertThat(!name.startsWith("KAFKA_") || !value.contains("="))
			.as(name + ": the image drops a value that holds \"=\"")
			.isTrue());
		Map<String, String> broker = KafkaImage.serverProperties(environment);
		Map<String, String> protocols = KafkaImage.protocols(broker);
		String listeners = broker.get("listeners");
		assertThat(KafkaImage.listenerNames(listeners)).containsExactlyInAnyOrderElementsOf(protocols.keySet());
		protocols.forEach((name, protocol) -> {
			if (name.equals(CLIENT_LISTENER)) {
				assertThat(protocol).as("the services' listener").isIn("SASL_PLAINTEXT", "SASL_SSL");
			}
			else {
				assertThat(KafkaImage.listener(listeners, name)).as(name + " is " + protocol + ": the container's loopback only")
					.startsWith("localhost:");
			}
		});
		for (String advertised : broker.get("advertised.listeners").split(",")) {
			String name = advertised.substring(0, advertised.indexOf("://"));
			if (!name.equals(CLIENT_LISTENER)) {
				assertThat(advertised).as("advertised " + name).contains("://localhost:");
			}
		}
		assertThat(broker.get("controller.quorum.voters")).contains("@localhost:");
		assertThat(broker).containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512")
			.containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.containsEntry("allow.everyone.if.no.acl.found", "false")
			.containsEntry("super.users", "User:ANONYMOUS")
			.containsEntry("auto.create.topics.enable", "false")
			.containsEntry("listener.name.client.scram-sha-512.sasl.jaas.config",
					"org.apache.kafka.common.security.scram.ScramLoginModule required;");
		assertThat(Documents.at(Compose.service("kafka"), "ports")).isNull();
	}

	/**
	 * Each service signs in as its own user with the password kafka-setup gives that user, through the
	 * variables Spring Boot binds to the Kafka clients' settings; and it creates no topics.
	 */
	@Test
	void eachServiceSignsInAsItsOwnUserWithThePasswordKafkaSetupGivesIt() {
		Map<String, String> broker = KafkaImage.serverProperties(Compose.environment("kafka"));
		String protocol = KafkaImage.protocols(broker).get(CLIENT_LISTENER);
		Map<String, String> setup = Compose.environment("kafka-setup");
		Set<String> users = new TreeSet<>();
		composePermissions().forEach(p -> users.add(p.user()));
		assertThat(users).containsExactlyInAnyOrderElementsOf(Platform.services().stream().map(Module::name).toList());
		for (Module service : Platform.services()) {
			Map<String, String> environment = Compose.environment(service.name());
			Map<String, String> kafka = new SpringEnvironment(environment).map("spring.kafka.properties");
			assertThat(kafka).as(service.name()).containsEntry("security.protocol", protocol)
				.containsEntry("sasl.mechanism", "SCRAM-SHA-512");
			String password = setup.get(service.name().toUpperCase().replace('-', '_') + "_PASSWORD");
			assertThat(password).as("kafka-setup's password of " + service.name()).startsWith("${KAFKA_").contains(":?");
			assertThat(kafka.get("sasl.jaas.config")).as(service.name())
				.isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + service.name()
						+ "\" password=\"" + password + "\";");
			assertThat(new SpringEnvironment(environment).value("mentoring.topics.create")).as(service.name()).isEqualTo("false");
		}
		assertThat(Compose.environment("gateway").keySet()).noneMatch(name -> name.contains("KAFKA"));
	}

	@Test
	void kafkaSetupRunsBeforeTheServicesOnTheBrokersLoopback() {
		Map<String, Object> job = Compose.service("kafka-setup");
		assertThat(Documents.text(job, "image")).isEqualTo(Documents.text(Compose.service("kafka"), "image"));
		assertThat(Documents.text(job, "network_mode")).isEqualTo("service:kafka");
		assertThat(Documents.text(job, "restart")).isEqualTo("no");
		assertThat(Documents.text(job, "depends_on.kafka.condition")).isEqualTo("service_healthy");
		assertThat(Documents.listAt(job, "entrypoint").toString()).contains("/opt/mentoring/setup.sh");
		assertThat(Documents.listAt(job, "volumes")).containsExactly("./deploy/docker/kafka:/opt/mentoring:ro");
		Map<String, String> broker = KafkaImage.serverProperties(Compose.environment("kafka"));
		String administrator = broker.get("inter.broker.listener.name");
		assertThat(KafkaImage.protocols(broker)).containsEntry(administrator, "PLAINTEXT");
		String loopback = KafkaImage.listener(broker.get("listeners"), administrator);
		assertThat(Compose.environment("kafka-setup")).containsEntry("KAFKA_SETUP_SERVER", loopback);
		assertThat(Documents.listAt(Compose.service("kafka"), "healthcheck.test").toString()).contains("--bootstrap-server " + loopback);
		assertThat(Repository.read(SETUP)).contains("users.conf").contains("topics.conf").contains("KAFKA_SETUP_SERVER");
	}

	/**
	 * kafka-setup makes every topic the platform needs (the catalogue's and each consumer group's
	 * dead-letter topic) with the configuration the Kubernetes KafkaTopics have: the same retention,
	 * the same bound on how long an erased person's contact record stays readable.
	 */
	@Test
	void kafkaSetupMakesEveryTopicAsKubernetesDoes() {
		Map<String, Map<String, String>> compose = composeTopics();
		assertThat(compose.keySet()).containsExactlyInAnyOrderElementsOf(Platform.requiredTopics());
		Manifests kubernetes = Manifests.filesBelow(Manifests.K8S + "/base/kafka");
		for (Map<String, Object> topic : kubernetes.ofKind("KafkaTopic")) {
			String name = Documents.text(topic, "spec.topicName");
			Map<String, String> config = new TreeMap<>();
			Documents.mapAt(topic, "spec.config").forEach((key, value) -> config.put(key, String.valueOf(value)));
			config.remove("min.insync.replicas"); // one broker
			assertThat(compose.get(name)).as(name).isEqualTo(config);
		}
		Map<String, String> setup = Compose.environment("kafka-setup");
		assertThat(Integer.parseInt(setup.get("TOPIC_PARTITIONS"))).isPositive();
		assertThat(setup).containsEntry("TOPIC_REPLICATION_FACTOR", "1");
	}

	/**
	 * The services do not create or reconfigure topics in either deployment, so the deployments'
	 * compacted topics must carry the settings of the platform's compaction promise themselves (how
	 * soon an erased person's earlier contact record is gone).
	 */
	@Test
	void theCompactedTopicsKeepThePlatformsCompactionPromiseInBothDeployments() {
		Map<String, String> promise = Platform.compactionSettings();
		org.junit.jupiter.api.Assumptions.assumeFalse(promise.isEmpty(), "the platform states no compaction settings");
		Manifests kubernetes = Manifests.filesBelow(Manifests.K8S + "/base/kafka");
		for (String topic : Topics.COMPACTED) {
			assertThat(composeTopics().get(topic)).as("compose: " + topic).containsAllEntriesOf(promise);
			Map<String, Object> resource = kubernetes.ofKind("KafkaTopic").stream()
				.filter(t -> topic.equals(Documents.text(t, "spec.topicName")))
				.findFirst()
				.orElseThrow();
			Map<String, String> config = new TreeMap<>();
			Documents.mapAt(resource, "spec.config").forEach((key, value) -> config.put(key, String.valueOf(value)));
			assertThat(config).as("Kubernetes: " + topic).containsAllEntriesOf(promise);
		}
	}

}
