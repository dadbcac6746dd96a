package com.kreativnomentorstvo.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.kreativnomentorstvo.testkit.StoreMain;

/**
 * The whole platform as separate processes, wired for fault injection: the store (a process of its
 * own, so it can be frozen), Apache Kafka's own server (a process, so it can be killed), the
 * authorization server, the four services and the gateway; between each service and the broker, and
 * between each service and the store, a {@link TcpProxy}. The broker has one listener per service
 * and advertises that service's proxy on it, so the clients' reconnections after a metadata update
 * still go through the proxy. Mail goes to GreenMail in this JVM, webhooks to a receiver in this
 * JVM. Every port is free when chosen, so the suite runs beside a developer's stack and the system
 * test.
 */
final class Stack implements AutoCloseable {

	/** E-mails notification-service sends at once (its {@code mentoring.notifications.mail.workers}). */
	static final int EMAIL_WORKERS = 4;

	/** Webhook requests notification-service makes at once (its {@code mentoring.notifications.webhooks.workers}). */
	static final int WEBHOOK_WORKERS = 16;


	static final List<String> SERVICES = List.of("participant-service", "matching-service", "session-service",
			"notification-service");

	/** The consumer groups and the topics each reads. */
	static final Map<String, List<String>> CONSUMED = Map.of("participant-service", List.of(Topic.MATCHING),
			"matching-service", List.of(Topic.PARTICIPANTS),
			"session-service", List.of(Topic.PARTICIPANTS, Topic.CONTACTS, Topic.MATCHING), "notification-service",
			List.of(Topic.PARTICIPANTS, Topic.CONTACTS, Topic.MATCHING, Topic.SESSIONS));

	private static final Duration START_UP = Duration.ofSeconds(300);

	private final Path root;

	private final String version;

	private final Path data;

	private final Mutant mutant;

	private final long suitePid = ProcessHandle.current().pid();

	private final int storePort = freePort();

	private final int kafkaPort = freePort();

	private final int controllerPort = freePort();

	private final int authPort = freePort();

	private final int gatewayPort = freePort();

	/** The gateway's actuator, on its own port where the gateway has one. */
	private final int gatewayManagementPort = freePort();

	private final int smtpPort = freePort();

	private final int webhookPort = freePort();

	private final Map<String, Integer> servicePorts = new LinkedHashMap<>();

	private final Map<String, Integer> listenerPorts = new LinkedHashMap<>();

	private final Map<String, TcpProxy> brokerProxies = new LinkedHashMap<>();

	private final Map<String, TcpProxy> storeProxies = new LinkedHashMap<>();

	private final Map<String, Part> parts = new LinkedHashMap<>();

	private GreenMail mail;

	private WebhookReceiver webhooks;

	private Tokens tokens;

	Stack(Path root, String version, Path data, Mutant mutant) {
		this.root = root;
		this.version = version;
		this.data = data;
		this.mutant = mutant;
		for (String service : SERVICES) {
			servicePorts.put(service, freePort());
			listenerPorts.put(service, freePort());
		}
	}

	void start() throws Exception {
		Instant began = Instant.now();
		// if the suite's JVM is stopped (Ctrl-C, a time-out), its processes go with it
		Runtime.getRuntime().addShutdownHook(new Thread(() -> parts.values().forEach(part -> {
			try {
				part.kill();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}), "faults-stack-stop"));
		wipe(data);
		Files.createDirectories(logs());
		mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		webhooks = new WebhookReceiver(webhookPort);

		Part store = add(new Part("store", Part.java(List.of("-Xms128m", "-Xmx1g", "-XX:+UseSerialGC"),
				List.of("-cp", storeClassPath(), StoreMain.class.getName(), Integer.toString(storePort),
						Long.toString(suitePid))),
				Map.of(), logs().resolve("store.log"), root));
		store.start();
		store.awaitPort(storePort, Duration.ofSeconds(60));
		for (String service : SERVICES) {
			storeProxies.put(service, new TcpProxy(service + "-store", freePort(), storePort));
			brokerProxies.put(service, new TcpProxy(service + "-broker", freePort(), listenerPorts.get(service)));
		}

		Part kafka = add(kafka());
		kafka.start();

		String issuer = issuer();
		Map<String, String> authEnv = new HashMap<>();
		authEnv.put("PORT", Integer.toString(authPort));
		authEnv.put("ISSUER_URI", issuer);
		authEnv.put("AUTH_KEY_FILE", data.resolve("auth/jwk.json").toString());
		authEnv.put("MONGODB_URI", "mongodb://127.0.0.1:" + storePort);
		authEnv.put("PERSONAS_FILE", "");
		authEnv.put("PUBLIC_URL", gateway());
		authEnv.put("LOG_FORMAT", "text");
		Part auth = add(jar("auth-server", "deploy/auth-server", authEnv, false));
		auth.start();
		kafka.awaitPort(kafkaPort, START_UP);

		Map<String, String> common = new HashMap<>();
		common.put("ISSUER_URI", issuer);
		common.put("ACCOUNTS_URL", issuer);
		common.put("PUBLIC_URL", gateway());
		common.put("GATEWAY_URL", gateway());
		common.put("SMTP_HOST", "127.0.0.1");
		common.put("SMTP_PORT", Integer.toString(smtpPort));
		common.put("LOG_FORMAT", "text");
		common.put("MENTORING_INSTANCE", "faults");
		// the webhook receiver is this JVM, on loopback
		common.put("WEBHOOK_ALLOWED_PRIVATE_NETWORKS", "127.0.0.0/8");
		// how many e-mails notification-service sends at once: what a SIGKILL can leave submitted but unrecorded
		common.put("MENTORING_NOTIFICATIONS_MAIL_WORKERS", Integer.toString(EMAIL_WORKERS));
		// and webhook requests: what a SIGKILL can leave answered but unrecorded
		common.put("MENTORING_NOTIFICATIONS_WEBHOOKS_WORKERS", Integer.toString(WEBHOOK_WORKERS));
		Map<String, String> gatewayEnv = new HashMap<>(common);
		for (String service : SERVICES) {
			Map<String, String> env = new HashMap<>(common);
			env.put("PORT", Integer.toString(servicePorts.get(service)));
			env.put("MONGODB_URI", "mongodb://127.0.0.1:" + storeProxies.get(service).port());
			env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + brokerProxies.get(service).port());
			add(jar(service, service, env, true)).start();
			gatewayEnv.put(service.replace("-", "_").toUpperCase() + "_URL",
					"http://127.0.0.1:" + servicePorts.get(service));
		}
		gatewayEnv.put("PORT", Integer.toString(gatewayPort));
		gatewayEnv.put("MANAGEMENT_PORT", Integer.toString(gatewayManagementPort));
		// the load is one organisation's coordinator and an administrator sending thousands of requests
		gatewayEnv.putAll(Map.of("RATE_LIMIT_ORGANISATION_CAPACITY", "1000000", "RATE_LIMIT_CLIENT_CAPACITY",
				"1000000", "RATE_LIMIT_ANONYMOUS_CAPACITY", "1000000", "APPLICATIONS_PER_CLIENT", "1000000"));
		Part gateway = add(jar("gateway", "gateway", gatewayEnv, false));
		gateway.start();

		auth.awaitHttp(issuer + "/actuator/health", START_UP);
		for (String service : SERVICES) {
			awaitReady(service);
		}
		awaitReady("gateway");
		tokens = new Tokens(data.resolve("auth/jwk.json"), issuer);
		System.out.printf("[faults] stack up in %d s%s: gateway %s, issuer %s, broker 127.0.0.1:%d, store 127.0.0.1:%d,"
				+ " logs in %s%n", Duration.between(began, Instant.now()).toSeconds(),
				mutant == Mutant.NONE ? "" : " (mutant: " + mutant.id() + ")", gateway(), issuer, kafkaPort, storePort,
				logs());
	}

	private Part kafka() throws IOException, InterruptedException {
		Path home = data.resolve("kafka");
		Path logDir = home.resolve("data");
		Path config = home.resolve("server.properties");
		Files.createDirectories(logDir);
		StringBuilder listeners = new StringBuilder("PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:"
				+ controllerPort);
		StringBuilder advertised = new StringBuilder("PLAINTEXT://127.0.0.1:" + kafkaPort);
		StringBuilder protocols = new StringBuilder("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		for (String service : SERVICES) {
			String listener = listenerName(service);
			listeners.append(',').append(listener).append("://127.0.0.1:").append(listenerPorts.get(service));
			// a client reconnects to what the broker advertises: the service's proxy, not the broker itself
			advertised.append(',').append(listener).append("://127.0.0.1:").append(brokerProxies.get(service).port());
			protocols.append(',').append(listener).append(":PLAINTEXT");
		}
		Files.writeString(config, """
				listeners=%s
				advertised.listeners=%s
				listener.security.protocol.map=%s
				controller.quorum.voters=1@127.0.0.1:%d
				log.dirs=%s
				""".formatted(listeners, advertised, protocols, controllerPort, logDir)
				+ Files.readString(root.resolve("deploy/kafka-broker/target/classes/single-node-broker.properties")));
		String classPath = root.resolve("deploy/kafka-broker/target/classes") + java.io.File.pathSeparator
				+ root.resolve("deploy/kafka-broker/target/lib") + "/*";
		// the kafka-broker module's FormatStorage: a new cluster id from Kafka itself, as the local stack's
		Process format = new ProcessBuilder(Part.java(List.of("-Xmx256m"), List.of("-cp", classPath,
				"com.kreativnomentorstvo.local.kafka.FormatStorage", config.toString())))
			.redirectErrorStream(true)
			.redirectOutput(logs().resolve("kafka-format.log").toFile())
			.start();
		if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
			throw new IllegalStateException("formatting Kafka's storage failed; see " + logs().resolve("kafka-format.log"));
		}
		return new Part("kafka", Part.java(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"),
				List.of("-cp", classPath, "com.kreativnomentorstvo.local.kafka.WatchedMain", Long.toString(suitePid),
						"kafka.Kafka", config.toString())),
				Map.of(), logs().resolve("kafka.log"), root);
	}

	private Part jar(String name, String module, Map<String, String> env, boolean service) throws IOException {
		Path jar = root.resolve(module)
			.resolve("target")
			.resolve(Path.of(module).getFileName() + "-" + version + "-exec.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
		}
		List<String> options = new ArrayList<>(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Xss512k", "-Dmentoring.parent-pid=" + suitePid));
		if ("gateway".equals(name)) {
			options.add("-Dreactor.netty.native=false");
		}
		if (service) {
			// a killed consumer's partitions move on after 10 s instead of Kafka's default 45 s
			options.add("-Dspring.kafka.consumer.properties.session.timeout.ms=10000");
		}
		List<String> launch = List.of("-jar", jar.toString());
		if (service && mutant != Mutant.NONE) {
			options.add("-D" + Mutant.PROPERTY + "=" + mutant.id());
			options.addAll(mutant.jvmOptions());
			if (mutant.needsCode()) {
				// the mutant's classes in front of the service's own, by Spring Boot's PropertiesLauncher
				options.add("-Dloader.path=" + mutantClasses());
				launch = List.of("-cp", jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher");
			}
		}
		return new Part(name, Part.java(options, launch), env, logs().resolve(name + ".log"), root);
	}

	/** The mutants' classes and their auto-configuration entry, in a directory of their own. */
	private Path mutantClasses() throws IOException {
		Path classes = root.resolve("deploy/faults/target/classes");
		Path mutants = data.resolve("mutants");
		Path imports = mutants.resolve("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
		if (!Files.exists(imports)) {
			Path source = classes.resolve("com/kreativnomentorstvo/faults/mutants");
			Path target = mutants.resolve("com/kreativnomentorstvo/faults/mutants");
			Files.createDirectories(target);
			try (Stream<Path> files = Files.list(source)) {
				for (Path file : files.toList()) {
					Files.copy(file, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			Files.createDirectories(imports.getParent());
			Files.copy(classes.resolve("mutants/org.springframework.boot.autoconfigure.AutoConfiguration.imports"),
					imports);
		}
		return mutants;
	}

	/** The store's own class and backend (the testkit), and mongo-java-server from this module's lib. */
	private String storeClassPath() {
		try {
			Path testkit = Path.of(StoreMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return testkit + java.io.File.pathSeparator + root.resolve("deploy/faults/target/lib") + "/*";
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException("the testkit's location", ex);
		}
	}

	private Part add(Part part) {
		parts.put(part.name(), part);
		return part;
	}

	Part part(String name) {
		Part part = parts.get(name);
		if (part == null) {
			throw new IllegalArgumentException("no part " + name);
		}
		return part;
	}

	/** Starts a part again (after a kill or a stop) and waits until it is ready. */
	void restart(String name) throws IOException {
		Part part = part(name);
		part.start();
		awaitReady(name);
	}

	void awaitReady(String name) {
		Part part = part(name);
		switch (name) {
			case "kafka" -> part.awaitPort(kafkaPort, START_UP);
			case "store" -> part.awaitPort(storePort, START_UP);
			case "gateway" -> part.awaitHttp(START_UP, "http://127.0.0.1:" + gatewayManagementPort + "/actuator/health",
					gateway() + "/actuator/health");
			case "auth-server" -> part.awaitHttp(issuer() + "/actuator/health", START_UP);
			default -> part.awaitHttp(serviceUrl(name) + "/actuator/health/readiness", START_UP);
		}
	}

	String gateway() {
		return "http://127.0.0.1:" + gatewayPort;
	}

	String issuer() {
		return "http://localhost:" + authPort;
	}

	String serviceUrl(String service) {
		return "http://127.0.0.1:" + servicePorts.get(service);
	}

	String kafkaBootstrap() {
		return "127.0.0.1:" + kafkaPort;
	}

	TcpProxy brokerProxy(String service) {
		return brokerProxies.get(service);
	}

	TcpProxy storeProxy(String service) {
		return storeProxies.get(service);
	}

	GreenMail mail() {
		return mail;
	}

	WebhookReceiver webhooks() {
		return webhooks;
	}

	String webhookUrl(String subscriber) {
		return "http://127.0.0.1:" + webhookPort + "/hooks/" + subscriber;
	}

	Tokens tokens() {
		return tokens;
	}

	Path logs() {
		return data.resolve("logs");
	}

	Path log(String part) {
		return part(part).log();
	}

	@Override
	public void close() throws Exception {
		List<Part> order = new ArrayList<>(parts.values());
		// the gateway and services first, then the broker, the authorization server and the store
		order.sort(Comparator.comparingInt(p -> switch (p.name()) {
			case "store" -> 3;
			case "kafka", "auth-server" -> 2;
			default -> 1;
		}));
		for (Part part : order) {
			if (part.name().equals("store")) {
				part.resume(); // a frozen process does not act on SIGTERM
			}
		}
		order.stream().filter(p -> p.name().endsWith("-service") || p.name().equals("gateway")).parallel().forEach(p -> {
			try {
				p.stop(Duration.ofSeconds(20));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		for (Part part : order) {
			part.stop(Duration.ofSeconds(30));
		}
		for (TcpProxy proxy : brokerProxies.values()) {
			proxy.close();
		}
		for (TcpProxy proxy : storeProxies.values()) {
			proxy.close();
		}
		if (webhooks != null) {
			webhooks.close();
		}
		if (mail != null) {
			mail.stop();
		}
	}

	private static String listenerName(String service) {
		return service.replace("-", "_").toUpperCase();
	}

	/** Ports handed out so far: the system may offer a port again once its probe socket is closed. */
	private static final Set<Integer> chosen = ConcurrentHashMap.newKeySet();

	private static int freePort() {
		while (true) {
			try (ServerSocket socket = new ServerSocket()) {
				socket.setReuseAddress(true);
				socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
				if (chosen.add(socket.getLocalPort())) {
					return socket.getLocalPort();
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("no free port", ex);
			}
		}
	}

	private static void wipe(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> paths = Files.walk(directory)) {
				paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

}
