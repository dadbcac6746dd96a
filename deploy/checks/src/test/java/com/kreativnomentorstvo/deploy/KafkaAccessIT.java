package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.kreativnomentorstvo.deploy.Platform.KafkaPermission;
import com.kreativnomentorstvo.deploy.Platform.Module;
import com.kreativnomentorstvo.events.Topics;

/**
 * docker-compose's Kafka for real: Apache Kafka's own server configured from the compose file's
 * environment as the apache/kafka image configures it (only the ports and directories differ), set
 * up by deploy/docker/kafka/setup.sh itself with the Kafka tools it calls in the image, then used as
 * each service uses it: with the client settings its environment gives Spring Boot, an idempotent
 * producer (acks=all), a consumer group, the dead-letter reader and the health check's cluster
 * description. Each service may do what its code needs and nothing more.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaAccessIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static Path home;

	private static Process broker;

	private static Map<String, String> env;

	private static String clientAddress;

	private static String loopbackAddress;

	private static String classPath;

	@BeforeAll
	static void startTheBrokerAndRunTheSetUp() throws Exception {
		assumeTrue(Commands.onPath("bash").isPresent(), "bash is not installed");
		home = Files.createTempDirectory("kafka-access-");
		env = Compose.madeEnv(home);
		classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

		Map<String, String> kafka = new LinkedHashMap<>();
		Compose.environment("kafka").forEach((name, value) -> kafka.put(name, Compose.interpolate(value, env)));
		Map<String, String> properties = KafkaImage.serverProperties(kafka);
		// the compose file's listeners on free ports of this machine; everything else as the image has it
		Map<String, Integer> ports = new HashMap<>();
		for (String name : KafkaImage.listenerNames(properties.get("listeners"))) {
			ports.put(name, freePort());
		}
		properties.put("listeners", relocate(properties.get("listeners"), ports));
		properties.put("advertised.listeners", relocate(properties.get("advertised.listeners"), ports));
		String controller = properties.get("controller.listener.names");
		properties.put("controller.quorum.voters", properties.get("node.id") + "@localhost:" + ports.get(controller));
		properties.put("log.dirs", home.resolve("data").toString());
		clientAddress = "127.0.0.1:" + ports.get(KafkaAccessTests.CLIENT_LISTENER);
		loopbackAddress = "localhost:" + ports.get(properties.get("inter.broker.listener.name"));

		Path config = home.resolve("server.properties");
		Files.writeString(config, properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining("\n", "", "\n")));
		String clusterId = Compose.interpolate(Compose.environment("kafka").get("CLUSTER_ID"), env);
		Commands.Result format = Commands.run(List.of(java(), "-cp", classPath, "kafka.tools.StorageTool", "format", "-t",
				clusterId, "-c", config.toString()), home);
		assertThat(format.succeeded()).as(format.output()).isTrue();
		broker = new ProcessBuilder(java(), "-Xmx512m", "-XX:+UseSerialGC", "-cp", classPath, "kafka.Kafka", config.toString())
			.directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("broker.log").toFile())
			.start();
		awaitListening(ports.get(KafkaAccessTests.CLIENT_LISTENER));
		awaitListening(ports.get(properties.get("inter.broker.listener.name")));

		Commands.Result setup = runSetup(Map.of());
		assertThat(setup.succeeded()).as(setup.output()).isTrue();
		assertThat(setup.output()).contains("kafka-setup: done");
	}

	@AfterAll
	static void stopTheBroker() throws InterruptedException, IOException {
		if (broker != null) {
			broker.destroy();
			if (!broker.waitFor(30, TimeUnit.SECONDS)) {
				broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		if (home != null) {
			try (java.util.stream.Stream<Path> files = Files.walk(home)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
	}

	@Test
	@Order(1)
	void everyTopicIsThereWithTheConfigurationOfTopicsConf() throws Exception {
		try (Admin admin = administrator()) {
			Set<String> topics = admin.listTopics().names().get();
			assertThat(topics).containsAll(Platform.requiredTopics());
			for (Map.Entry<String, Map<String, String>> topic : KafkaAccessTests.composeTopics().entrySet()) {
				ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.getKey());
				Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
				topic.getValue().forEach((key, value) -> assertThat(config.get(key).value()).as(topic.getKey() + " " + key)
					.isEqualTo(value));
			}
		}
	}

	@Test
	@Order(2)
	void eachServiceWritesTheTopicsOfItsEventsAndItsDeadLettersAndNoOtherTopic() {
		Set<KafkaPermission> permissions = Platform.kafkaPermissions();
		for (Module service : Platform.services()) {
			try (KafkaProducer<String, byte[]> producer = producer(service.name(), password(service))) {
				for (String topic : Platform.requiredTopics()) {
					boolean allowed = permissions.contains(new KafkaPermission(service.name(), "Write", "topic", topic));
					ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "key", new byte[] { 1 });
					if (allowed) {
						assertThat(send(producer, record)).as(service.name() + " writes " + topic).isNull();
					}
					else {
						assertThat(send(producer, record)).as(service.name() + " may not write " + topic)
							.isInstanceOf(TopicAuthorizationException.class);
					}
				}
			}
		}
	}

	@Test
	@Order(3)
	void eachConsumerReadsWhatItSubscribesToInItsOwnGroupOnly() {
		for (Module service : Platform.consumers()) {
			List<String> consumed = new ArrayList<>(Platform.consumedTopics(service));
			try (KafkaConsumer<String, byte[]> consumer = consumer(service.name(), password(service), service.name())) {
				consumer.subscribe(consumed);
				long until = System.nanoTime() + WAIT.toNanos();
				while (consumer.assignment().isEmpty() && System.nanoTime() < until) {
					consumer.poll(Duration.ofMillis(200));
				}
				assertThat(consumer.assignment()).as(service.name() + " is given its partitions").isNotEmpty();
				consumer.commitSync();
			}
			Module other = Platform.consumers().stream().filter(m -> !m.equals(service)).findFirst().orElseThrow();
			try (KafkaConsumer<String, byte[]> consumer = consumer(service.name(), password(service), other.name())) {
				consumer.subscribe(consumed);
				assertThatThrownBy(() -> pollUntilFailure(consumer)).as(service.name() + " in " + other.name() + "'s group")
					.isInstanceOf(GroupAuthorizationException.class);
			}
			String unread = Platform.requiredTopics().stream()
				.filter(topic -> !consumed.contains(topic) && !topic.equals(Topics.deadLetterTopic(service.name())))
				.findFirst()
				.orElseThrow();
			try (KafkaConsumer<String, byte[]> consumer = consumer(service.name(), password(service), service.name())) {
				consumer.subscribe(List.of(unread));
				assertThatThrownBy(() -> pollUntilFailure(consumer)).as(service.name() + " reads " + unread)
					.isInstanceOf(TopicAuthorizationException.class);
			}
		}
		// a service that only publishes (none today: every service consumes something) may join no group
		for (Module producerOnly : Platform.services().stream().filter(m -> !m.consumesEvents()).toList()) {
			try (KafkaConsumer<String, byte[]> consumer = consumer(producerOnly.name(), password(producerOnly),
					producerOnly.name())) {
				consumer.subscribe(List.of(Topics.PARTICIPANTS));
				assertThatThrownBy(() -> pollUntilFailure(consumer)).as(producerOnly.name() + " consumes nothing")
					.isInstanceOfAny(GroupAuthorizationException.class, TopicAuthorizationException.class);
			}
		}
	}

	/** /actuator/deadletters reads the group's dead-letter topic from the start, without a group. */
	@Test
	@Order(4)
	void aConsumerReadsItsOwnDeadLettersWithoutAGroup() {
		for (Module service : Platform.consumers()) {
			String deadLetters = Topics.deadLetterTopic(service.name());
			try (KafkaConsumer<String, byte[]> consumer = consumer(service.name(), password(service), null)) {
				List<TopicPartition> partitions = consumer.partitionsFor(deadLetters, WAIT)
					.stream()
					.map(p -> new TopicPartition(deadLetters, p.partition()))
					.toList();
				consumer.assign(partitions);
				consumer.seekToBeginning(partitions);
				assertThat(consumer.endOffsets(partitions, WAIT).values().stream().mapToLong(Long::longValue).sum())
					.as(service.name() + " sees the dead letter it wrote").isPositive();
				assertThat(consumer.poll(Duration.ofSeconds(5)).count()).isPositive();
			}
		}
	}

	@Test
	@Order(5)
	void eachServicesHealthCheckSeesTheClusterButNoServiceMayAdministerIt() {
		for (Module service : Platform.services()) {
			try (Admin admin = Admin.create(clientSettings(service.name(), password(service)))) {
				assertThat(get(admin.describeCluster().nodes())).as(service.name()).hasSize(1);
				assertThat(failure(admin.createTopics(List.of(new NewTopic("mentoring.made-up.v1", 1, (short) 1))).all()))
					.as(service.name() + " creates a topic").isInstanceOf(TopicAuthorizationException.class);
				assertThat(failure(admin.deleteTopics(List.of(Topics.PARTICIPANTS)).all()))
					.as(service.name() + " deletes a topic").isInstanceOf(TopicAuthorizationException.class);
				AclBinding grant = new AclBinding(new ResourcePattern(ResourceType.TOPIC, "*", PatternType.LITERAL),
						new AccessControlEntry("User:" + service.name(), "*", AclOperation.ALL, AclPermissionType.ALLOW));
				assertThat(failure(admin.createAcls(List.of(grant)).all())).as(service.name() + " grants itself more")
					.isInstanceOf(ClusterAuthorizationException.class);
				assertThat(failure(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("participant-service",
						new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "x".repeat(30)))).all()))
					.as(service.name() + " changes a password").isInstanceOf(ClusterAuthorizationException.class);
			}
		}
	}

	@Test
	@Order(6)
	void nobodyGetsInWithoutTheRightPassword() {
		Module service = Platform.services().get(0);
		try (Admin admin = Admin.create(clientSettings(service.name(), "wrong".repeat(6)))) {
			assertThat(failure(admin.describeCluster().nodes())).isInstanceOf(SaslAuthenticationException.class);
		}
		try (Admin admin = Admin.create(clientSettings("someone-else", password(service)))) {
			assertThat(failure(admin.describeCluster().nodes())).isInstanceOf(SaslAuthenticationException.class);
		}
		Map<String, Object> plain = new HashMap<>();
		plain.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, clientAddress);
		plain.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		plain.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
		try (Admin admin = Admin.create(plain)) {
			assertThat(failure(admin.describeCluster().nodes())).as("without signing in").isNotNull();
		}
	}

	/**
	 * Run again, the set-up changes nothing that is right, takes back a permission granted by hand,
	 * and takes over a password changed in .env (the old one no longer signs in).
	 */
	@Test
	@Order(7)
	void runAgainTheSetUpTakesBackWhatWasGrantedByHandAndTakesOverAChangedPassword() throws Exception {
		Module service = Platform.module("matching-service");
		AclBinding byHand = new AclBinding(new ResourcePattern(ResourceType.TOPIC, Topics.SESSIONS, PatternType.LITERAL),
				new AccessControlEntry("User:" + service.name(), "*", AclOperation.WRITE, AclPermissionType.ALLOW));
		try (Admin admin = administrator()) {
			admin.createAcls(List.of(byHand)).all().get();
		}
		String oldPassword = password(service);
		String newPassword = "0123456789abcdef".repeat(4);
		Commands.Result again = runSetup(Map.of("KAFKA_MATCHING_SERVICE_PASSWORD", newPassword));
		assertThat(again.succeeded()).as(again.output()).isTrue();
		assertThat(again.output()).doesNotContain("created").doesNotContain("granted")
			.contains("taken back: User:matching-service ALLOW WRITE on topic " + Topics.SESSIONS);
		try (Admin admin = administrator()) {
			assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get()).doesNotContain(byHand)
				.hasSize(Platform.kafkaPermissions().size());
		}
		try (Admin admin = Admin.create(clientSettings(service.name(), oldPassword))) {
			assertThat(failure(admin.describeCluster().nodes())).isInstanceOf(SaslAuthenticationException.class);
		}
		try (Admin admin = Admin.create(clientSettings(service.name(), newPassword))) {
			assertThat(get(admin.describeCluster().nodes())).hasSize(1);
		}
		env.put("KAFKA_MATCHING_SERVICE_PASSWORD", newPassword);
	}

	// --- the compose file's settings, as the containers get them

	/** setup.sh with kafka-setup's environment and the Kafka tools of the image (same classes, this class path). */
	private static Commands.Result runSetup(Map<String, String> changed) throws IOException {
		Map<String, String> variables = new HashMap<>(env);
		variables.putAll(changed);
		Path bin = Files.createDirectories(home.resolve("bin"));
		Map<String, String> tools = Map.of("kafka-topics.sh", "org.apache.kafka.tools.TopicCommand", "kafka-acls.sh",
				"org.apache.kafka.tools.AclCommand", "kafka-configs.sh", "kafka.admin.ConfigCommand");
		for (Map.Entry<String, String> tool : tools.entrySet()) {
			Path script = bin.resolve(tool.getKey());
			Files.writeString(script, "#!/bin/sh\nexec '" + java() + "' $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS -cp '"
					+ classPath + "' " + tool.getValue() + " \"$@\"\n");
			script.toFile().setExecutable(true);
		}
		List<String> command = new ArrayList<>(List.of("env", "-i", "PATH=" + System.getenv("PATH"), "KAFKA_BIN=" + bin));
		Compose.environment("kafka-setup").forEach((name, value) -> {
			String resolved = name.equals("KAFKA_SETUP_SERVER") ? loopbackAddress : Compose.interpolate(value, variables);
			command.add(name + "=" + resolved);
		});
		command.addAll(List.of("bash", KafkaAccessTests.SETUP));
		return Commands.run(command);
	}

	private static Map<String, Object> clientSettings(String user, String password) {
		Map<String, String> environment = new LinkedHashMap<>();
		Module module = Platform.module(user.equals("someone-else") ? "participant-service" : user);
		Map<String, String> variables = new HashMap<>(env);
		variables.put("KAFKA_" + module.name().toUpperCase().replace('-', '_') + "_PASSWORD", password);
		Compose.environment(module.name()).forEach((name, value) -> environment.put(name, Compose.interpolate(value, variables)));
		Map<String, Object> settings = new HashMap<>(new SpringEnvironment(environment).map("spring.kafka.properties"));
		if (user.equals("someone-else")) {
			settings.put("sasl.jaas.config", String.valueOf(settings.get("sasl.jaas.config")).replace(module.name(), user));
		}
		settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, clientAddress);
		settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
		settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		return settings;
	}

	private static KafkaProducer<String, byte[]> producer(String user, String password) {
		Map<String, Object> settings = clientSettings(user, password);
		// as the platform's outbox relay and dead-letter publisher
		settings.put(ProducerConfig.ACKS_CONFIG, "all");
		settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
		settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		settings.remove(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
		return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
	}

	private static KafkaConsumer<String, byte[]> consumer(String user, String password, String group) {
		Map<String, Object> settings = clientSettings(user, password);
		if (group != null) {
			settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		}
		settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static Admin administrator() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, loopbackAddress));
	}

	private static String password(Module service) {
		return env.get("KAFKA_" + service.name().toUpperCase().replace('-', '_') + "_PASSWORD");
	}

	/** The send's failure, or null once the broker acknowledged it. */
	private static Throwable send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
		try {
			producer.send(record).get(20, TimeUnit.SECONDS);
			return null;
		}
		catch (ExecutionException e) {
			return e.getCause();
		}
		catch (RuntimeException e) {
			return e;
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	private static void pollUntilFailure(KafkaConsumer<String, byte[]> consumer) {
		long until = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < until) {
			consumer.poll(Duration.ofMillis(200));
		}
		throw new AssertionError("no failure within " + WAIT);
	}

	private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
		try {
			return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	private static Throwable failure(org.apache.kafka.common.KafkaFuture<?> future) {
		try {
			future.get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
			return null;
		}
		catch (ExecutionException e) {
			return e.getCause();
		}
		catch (Exception e) {
			return e;
		}
	}

	// --- the broker process

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The listeners with each name's port replaced; a listener on every interface is put on 127.0.0.1. */
	private static String relocate(String listeners, Map<String, Integer> ports) {
		List<String> relocated = new ArrayList<>();
		for (String listener : listeners.split(",")) {
			String name = listener.substring(0, listener.indexOf("://"));
			String host = listener.substring(listener.indexOf("://") + 3, listener.lastIndexOf(':'));
			String local = host.equals("localhost") ? "localhost" : "127.0.0.1";
			relocated.add(name + "://" + local + ":" + ports.get(name));
		}
		return String.join(",", relocated);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitListening(int port) throws Exception {
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < until) {
			if (!broker.isAlive()) {
				throw new AssertionError("the broker stopped:\n" + Files.readString(home.resolve("broker.log")));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(200);
			}
		}
		throw new AssertionError("the broker does not listen on " + port + ":\n" + Files.readString(home.resolve("broker.log")));
	}

}
