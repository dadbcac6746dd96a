package com.kreativnomentorstvo.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole platform on one machine without Docker: the store, a mail catcher, Apache Kafka, the
 * authorization server, the four services, the web application and the gateway. Waits until every part is healthy,
 * loads the demo programme, prints how to get a token, and stops everything on Ctrl-C.
 */
public final class LocalStack {

	static final String VERSION = "0.1.0-SNAPSHOT";

	/** Printed once everything is healthy; the system test waits for it. */
	static final String READY = "Mentoring platform is up";

	private static final int GATEWAY = 8080;

	/** The gateway's actuator (probes, metrics, route table), apart from its API port. */
	private static final int GATEWAY_MANAGEMENT = 8090;

	/** The web application; people open it through the gateway. */
	private static final int WEB = 8085;

	private static final int AUTH = 9000;

	private static final int KAFKA = 9092;

	private static final int KAFKA_CONTROLLER = 9093;

	private static final int STORE = 27017;

	private static final int SMTP = 2525;

	private static final int MAIL_WEB = 8025;

	/** Services in start order, with their base ports. */
	private static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

	static {
		SERVICES.put("participant-service", 8081);
		SERVICES.put("matching-service", 8082);
		SERVICES.put("session-service", 8083);
		SERVICES.put("notification-service", 8084);
	}

	private final StackOptions options;

	private final List<ChildProcess> children = new ArrayList<>();

	private final List<AutoCloseable> inProcess = new ArrayList<>();

	/** Set once Ctrl-C has been pressed: the processes that end then are not failures. */
	private volatile boolean stopping;

	private LocalStack(StackOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		StackOptions options = StackOptions.parse(args, System.getenv());
		LocalStack stack = new LocalStack(options);
		Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
		try {
			stack.start();
		}
		catch (Exception ex) {
			System.err.println("\nStart-up failed: " + ex.getMessage());
			System.exit(1);
		}
		stack.watch();
	}

	private void start() throws Exception {
		Instant began = Instant.now();
		Instant deadline = began.plus(Duration.ofSeconds(240));
		if (options.reset()) {
			wipe(options.dataDir());
		}
		Files.createDirectories(options.logs());
		checkPortsFree();

		String mongoUri = options.external("MONGODB_URI");
		if (mongoUri == null) {
			EmbeddedStore store = new EmbeddedStore(options.dataDir().resolve("store"), options.port(STORE));
			inProcess.add(store);
			mongoUri = store.uri(options.port(STORE));
			say("store        " + mongoUri + " (mongo-java-server, data in " + options.dataDir().resolve("store") + ")");
		}
		String smtpHost = options.external("SMTP_HOST");
		String smtpPort = options.env().getOrDefault("SMTP_PORT", "25");
		if (smtpHost == null) {
			inProcess.add(new MailCatcher(options.port(SMTP), options.port(MAIL_WEB)));
			smtpHost = "127.0.0.1";
			smtpPort = Integer.toString(options.port(SMTP));
			say("mail         smtp://127.0.0.1:" + smtpPort + ", read it at http://localhost:" + options.port(MAIL_WEB));
		}
		String kafka = options.external("KAFKA_BOOTSTRAP_SERVERS");
		ChildProcess broker = null;
		if (kafka == null) {
			broker = KafkaBroker.start(options, options.port(KAFKA), options.port(KAFKA_CONTROLLER));
			children.add(broker);
			kafka = "127.0.0.1:" + options.port(KAFKA);
		}
		String gatewayUrl = "http://localhost:" + options.port(GATEWAY);
		String issuer = options.external("ISSUER_URI");
		ChildProcess auth = null;
		if (issuer == null) {
			issuer = "http://localhost:" + options.port(AUTH);
			Map<String, String> authEnv = new HashMap<>();
			authEnv.put("PORT", Integer.toString(options.port(AUTH)));
			authEnv.put("ISSUER_URI", issuer);
			authEnv.put("AUTH_KEY_FILE", options.dataDir().resolve("auth/jwk.json").toString());
			// accounts live in the store's "accounts" database, started above
			authEnv.put("MONGODB_URI", mongoUri);
			// the demo personas only with the demo data; empty, so that an inherited PERSONAS_FILE does not count
			authEnv.put("PERSONAS_FILE", options.demo() ? "classpath:personas.yml" : "");
			authEnv.put("PUBLIC_URL", gatewayUrl);
			authEnv.put("WEB_CLIENT_REDIRECT_URIS",
					gatewayUrl + "/swagger-ui/oauth2-redirect.html," + gatewayUrl + "/login/oauth2/code/mentoring-web");
			authEnv.put("WEB_CLIENT_POST_LOGOUT_REDIRECT_URIS", gatewayUrl + "/");
			authEnv.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
			auth = startJar("auth-server", "deploy/auth-server", authEnv);
		}
		if (broker != null) {
			Health.awaitPort("Kafka", options.port(KAFKA), broker, deadline);
			say("kafka        " + kafka + " (Apache Kafka, KRaft, data in " + options.dataDir().resolve("kafka") + ")");
		}

		Map<String, String> common = new HashMap<>();
		common.put("MONGODB_URI", mongoUri);
		common.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
		common.put("ISSUER_URI", issuer);
		// where participant-service manages accounts: the local authorization server's admin API
		String accountsUrl = options.external("ACCOUNTS_URL");
		common.put("ACCOUNTS_URL", accountsUrl != null ? accountsUrl : issuer);
		// the address in e-mail links and sign-in buttons: the gateway, port offset included
		common.put("PUBLIC_URL", gatewayUrl);
		common.put("SMTP_HOST", smtpHost);
		common.put("SMTP_PORT", smtpPort);
		common.put("LOG_FORMAT", "ecs");
		common.put("MENTORING_INSTANCE", options.env().getOrDefault("MENTORING_INSTANCE", "local"));
		// as docker-compose and the Kubernetes base: one request in ten traced in full (its trace id still on every
		// log line and event); spans of every request cost the gateway 16 % of its CPU per request (bench/load), and
		// locally nothing receives them unless an OTLP endpoint is set (then set this to 1.0)
		common.put("TRACING_SAMPLING_PROBABILITY", options.env().getOrDefault("TRACING_SAMPLING_PROBABILITY", "0.1"));
		Map<String, ChildProcess> services = new LinkedHashMap<>();
		// where the gateway routes to and the web application calls: PARTICIPANT_SERVICE_URL and the others
		Map<String, String> serviceUrls = new HashMap<>();
		for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
			Map<String, String> env = new HashMap<>(common);
			int port = options.port(service.getValue());
			env.put("PORT", Integer.toString(port));
			services.put(service.getKey(), startJar(service.getKey(), service.getKey(), env));
			serviceUrls.put(service.getKey().replace("-", "_").toUpperCase() + "_URL", "http://127.0.0.1:" + port);
		}
		// the web application calls the services (started above) directly with the person's token, at the addresses
		// the gateway routes to; people open it through the gateway, where its links start
		Map<String, String> webEnv = new HashMap<>(serviceUrls);
		webEnv.put("PORT", Integer.toString(options.port(WEB)));
		webEnv.put("PUBLIC_URL", gatewayUrl);
		webEnv.put("ISSUER_URI", issuer);
		webEnv.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		ChildProcess web = startJar("web", "web", webEnv);
		Map<String, String> gatewayEnv = new HashMap<>(common);
		gatewayEnv.putAll(serviceUrls);
		gatewayEnv.put("WEB_URL", "http://127.0.0.1:" + options.port(WEB));
		gatewayEnv.put("PORT", Integer.toString(options.port(GATEWAY)));
		gatewayEnv.put("MANAGEMENT_PORT", Integer.toString(options.port(GATEWAY_MANAGEMENT)));
		gatewayEnv.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		ChildProcess gateway = startJar("gateway", "gateway", gatewayEnv);

		if (auth != null) {
			Health.awaitHttp("auth-server", issuer + "/actuator/health", auth, deadline);
			say("auth-server  " + issuer);
		}
		for (Map.Entry<String, ChildProcess> service : services.entrySet()) {
			int port = options.port(SERVICES.get(service.getKey()));
			Health.awaitHttp(service.getKey(), "http://127.0.0.1:" + port + "/actuator/health/readiness",
					service.getValue(), deadline);
			say(String.format("%-12s http://localhost:%d", service.getKey(), port));
		}
		Health.awaitHttp("web", "http://127.0.0.1:" + options.port(WEB) + "/actuator/health/readiness", web, deadline);
		say(String.format("%-12s http://localhost:%d (opened through the gateway)", "web", options.port(WEB)));
		Health.awaitHttp("gateway",
				"http://127.0.0.1:" + options.port(GATEWAY_MANAGEMENT) + "/actuator/health/readiness", gateway, deadline);
		Duration healthy = Duration.between(began, Instant.now());

		if (options.demo()) {
			boolean loaded = new DemoData(gatewayUrl, issuer).load();
			say(loaded ? "demo data    loaded: 4 organisations, the Reg. Lab programme, 4 mentors, 4 mentees"
					: "demo data    already there");
		}
		banner(gatewayUrl, issuer, healthy, auth != null);
	}

	private ChildProcess startJar(String name, String module, Map<String, String> env) throws IOException {
		Path jar = options.root().resolve(module).resolve("target").resolve(
				Path.of(module).getFileName() + "-" + VERSION + "-exec.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
		}
		List<String> jvm = new ArrayList<>(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-Xss512k", "-Dmentoring.parent-pid=" + ProcessHandle.current().pid()));
		if ("gateway".equals(name)) {
			jvm.add("-Dreactor.netty.native=false");
		}
		jvm.addAll(options.jvmOptions());
		jvm.add("-jar");
		ChildProcess child = ChildProcess.startJava(name, jvm, List.of(jar.toString()), env, options.logs(),
				options.root());
		children.add(child);
		return child;
	}

	private void banner(String gateway, String issuer, Duration healthy, boolean ownIssuer) {
		long kilobytes = children.stream().mapToLong(ChildProcess::residentKilobytes).filter(k -> k > 0).sum()
				+ ownResidentKilobytes();
		System.out.printf("""

				%s: healthy in %d s, %d MB resident in %d processes.

				  Web application       %s/  (sign in as mentee.jovana or coordinator.rs, password "demo")
				  API (gateway)         %s/api/v1
				  Authorization server  %s (sign in: %s/login)
				  Mail catcher          http://localhost:%d
				  Logs                  %s
				%s
				Press Ctrl-C to stop.
				""", READY, healthy.toSeconds(), kilobytes / 1024, children.size() + 1, gateway, gateway, issuer, issuer,
				options.port(MAIL_WEB), options.logs(), signIn(gateway, issuer, ownIssuer));
	}

	/** How to get a token: the demo personas with the demo data, else the first administrator. */
	private String signIn(String gateway, String issuer, boolean ownIssuer) {
		if (!ownIssuer) {
			return "\n(ISSUER_URI is external: get tokens from your own provider.)\n";
		}
		if (!options.demo()) {
			return """

					No demo data, so no demo personas. People sign in with their e-mail address and password;
					the first administrator is created at start from BOOTSTRAP_ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD
					and BOOTSTRAP_ADMIN_ORG (set them and start again), and invites everyone else.
					""";
		}
		String curl = "curl -s -u coordinator.rs:demo -d grant_type=client_credentials " + issuer + "/oauth2/token";
		return """

				Get a token for a demo persona (password "demo"; see deploy/demo-personas.md):
				  %s
				  TOKEN=$(%s | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
				  curl -H "Authorization: Bearer $TOKEN" %s/api/v1/programmes

				Personas (sign in with the username or the e-mail address):
				          admin; coordinator.rs, coordinator.hr, coordinator.mk, coordinator.si;
				          mentor.ana, mentor.marko, mentor.elena, mentor.tina;
				          mentee.jovana, mentee.ivan, mentee.sara, mentee.luka
				""".formatted(curl, curl, gateway);
	}

	/** Blocks while the stack runs; exits if one of its processes dies. */
	private void watch() throws InterruptedException {
		while (!stopping) {
			for (ChildProcess child : List.copyOf(children)) {
				if (!stopping && !child.isAlive()) {
					System.err.println(child.name() + " stopped unexpectedly; see " + child.log() + ". Stopping.");
					System.exit(1);
				}
			}
			Thread.sleep(1000); // supervising child processes; not a test
		}
	}

	private synchronized void stop() {
		stopping = true;
		if (children.isEmpty() && inProcess.isEmpty()) {
			return;
		}
		say("stopping...");
		// the gateway and services first, the broker last, so nothing is cut off mid-write
		List<ChildProcess> order = new ArrayList<>(children);
		order.sort(Comparator.comparing(c -> c.name().equals("kafka") ? 1 : 0));
		order.stream().filter(c -> !c.name().equals("kafka")).parallel().forEach(c -> c.stop(20));
		order.stream().filter(c -> c.name().equals("kafka")).forEach(c -> c.stop(30));
		children.clear();
		for (AutoCloseable part : inProcess) {
			try {
				part.close();
			}
			catch (Exception ex) {
				System.err.println("could not close " + part + ": " + ex.getMessage());
			}
		}
		inProcess.clear();
		say("stopped");
	}

	private void checkPortsFree() {
		List<Integer> ports = new ArrayList<>(List.of(GATEWAY, GATEWAY_MANAGEMENT, WEB));
		ports.addAll(SERVICES.values());
		if (options.external("ISSUER_URI") == null) {
			ports.add(AUTH);
		}
		if (options.external("KAFKA_BOOTSTRAP_SERVERS") == null) {
			ports.addAll(List.of(KAFKA, KAFKA_CONTROLLER));
		}
		if (options.external("MONGODB_URI") == null) {
			ports.add(STORE);
		}
		if (options.external("SMTP_HOST") == null) {
			ports.addAll(List.of(SMTP, MAIL_WEB));
		}
		List<Integer> taken = ports.stream().map(options::port).filter(p -> !Health.portFree(p)).toList();
		if (!taken.isEmpty()) {
			throw new IllegalStateException("ports already in use: " + taken
					+ " (another stack running? stop it, or use --port-offset)");
		}
	}

	private static long ownResidentKilobytes() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter(l -> l.startsWith("VmRSS:"))
				.mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElse(0);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static void wipe(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> paths = Files.walk(directory)) {
				paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private static void say(String line) {
		System.out.println("[local] " + line);
	}

}
