package com.kreativnomentorstvo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack as separate processes, started once for all system tests of this JVM (on ports
 * shifted by 10000, so a developer's own stack can keep running) and stopped as Ctrl-C would stop
 * it. Tests reach it from outside: through the gateway, with tokens from the authorization server.
 */
final class RunningStack implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final int OFFSET = 10000;

	static final String GATEWAY = "http://localhost:" + (8080 + OFFSET);

	/** The gateway's actuator (probes, metrics, the route table), on its own port as under Kubernetes. */
	static final String GATEWAY_MANAGEMENT = "http://localhost:" + (8090 + OFFSET);

	static final String ISSUER = "http://localhost:" + (9000 + OFFSET);

	/** The authorization server's published keys. */
	static URL issuerKeys() throws MalformedURLException {
		return URI.create(ISSUER + "/oauth2/jwks").toURL();
	}

	static final String MAIL = "http://localhost:" + (8025 + OFFSET);

	static final String KAFKA = "127.0.0.1:" + (9092 + OFFSET);

	/** The store (mongo-java-server speaking the MongoDB wire protocol), holding every service's database. */
	static final String STORE = "mongodb://127.0.0.1:" + (27017 + OFFSET);

	/** The services' base ports, before the offset. */
	static final Map<String, Integer> SERVICES = Map.of("participant-service", 8081, "matching-service", 8082,
			"session-service", 8083, "notification-service", 8084);

	/** The gateway's timeout for session-service in the system test's stack. */
	static final Duration SESSION_SERVICE_TIMEOUT = Duration.ofSeconds(3);

	/**
	 * HTTP/1.1 as browsers and API clients speak to the gateway over plain http: the JDK client's
	 * default asks to upgrade every new connection to h2c, which the gateway does not offer.
	 */
	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Process launcher;

	private final List<ProcessHandle> parts = new ArrayList<>();

	private final Path data;

	final Duration startUp;

	private RunningStack() throws Exception {
		Path root = Path.of(System.getProperty("mentoring.root", "../..")).toAbsolutePath().normalize();
		Path module = root.resolve("deploy/local");
		data = module.resolve("target/system-test");
		Path output = module.resolve("target/system-test-launcher.log");
		Files.createDirectories(data);
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", // as run-local.sh starts it
				"-Dmentoring.root=" + root, "-cp",
				module.resolve("target/classes") + java.io.File.pathSeparator + module.resolve("target/lib") + "/*",
				LocalStack.class.getName(), "--reset", "--data-dir", data.toString(), "--port-offset",
				Integer.toString(OFFSET))
			.directory(root.toFile())
			.redirectErrorStream(true);
		List.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "SMTP_HOST", "SMTP_PORT", "ISSUER_URI",
				"MENTORING_PORT_OFFSET").forEach(builder.environment()::remove);
		// the attack set sends hundreds of requests within a minute; rate limits have tests of their own
		builder.environment().putAll(Map.of("RATE_LIMIT_ORGANISATION_CAPACITY", "100000", "RATE_LIMIT_CLIENT_CAPACITY",
				"100000", "RATE_LIMIT_ANONYMOUS_CAPACITY", "100000", "APPLICATIONS_PER_CLIENT", "100000"));
		// the outage test waits out this timeout on purpose
		builder.environment().put("SESSION_SERVICE_TIMEOUT", SESSION_SERVICE_TIMEOUT.toSeconds() + "s");
		// webhook receivers of the tests listen on loopback, which the operator must allow (and nothing else)
		builder.environment().put("WEBHOOK_ALLOWED_PRIVATE_NETWORKS", "127.0.0.1/32");
		// a programme's dates, surveys by date and due reminders are looked at every few seconds, so that the
		// programme cycle's test sees a moved end date act within the test, as the operator's intervals would
		// within minutes
		builder.environment().putAll(Map.of("PROGRAMME_STATUS_INTERVAL", "3s", "SURVEY_CHECK_INTERVAL", "3s",
				"MENTORING_NOTIFICATIONS_REMINDERS_POLLINTERVAL", "3s"));
		// every trace recorded, so that sampling never decides what a test sees
		builder.environment().put("TRACING_SAMPLING_PROBABILITY", "1.0");
		Instant started = Instant.now();
		launcher = builder.start();
		CountDownLatch ready = new CountDownLatch(1);
		Thread pump = new Thread(() -> copyOutput(output, ready), "launcher-output");
		pump.setDaemon(true);
		pump.start();
		Instant deadline = started.plus(Duration.ofSeconds(300));
		while (!ready.await(1, TimeUnit.SECONDS) && launcher.isAlive() && Instant.now().isBefore(deadline)) {
			// waiting for the launcher's ready line, or for it to give up
		}
		assertThat(ready.getCount()).as("the stack reports it is up; launcher output in " + output).isZero();
		startUp = Duration.between(started, Instant.now());
		System.out.printf("System test: stack healthy and demo data loaded %d s after launch%n", startUp.toSeconds());
		launcher.descendants().forEach(parts::add);
	}

	/** The stack of this JVM, started by the first test class that asks. */
	static RunningStack in(ExtensionContext context) {
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(RunningStack.class, type -> {
				try {
					return new RunningStack();
				}
				catch (Exception ex) {
					throw new IllegalStateException("the local stack did not start", ex);
				}
			}, RunningStack.class);
	}

	/** Starts the stack before a test class's first test, and hands it to tests that ask for it. */
	static final class Extension implements BeforeAllCallback, ParameterResolver {

		@Override
		public void beforeAll(ExtensionContext context) {
			in(context);
		}

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == RunningStack.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return in(context);
		}

	}

	/** The process of a part of the stack, e.g. {@code session-service}. */
	ProcessHandle process(String part) {
		return parts.stream()
			.filter(p -> p.info().commandLine().orElse("").contains("/" + part + "-0.1.0-SNAPSHOT-exec.jar"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no process of " + part));
	}

	/** The log file of a part of the stack, e.g. {@code notification-service}. */
	Path log(String part) {
		return data.resolve("logs").resolve(part + ".log");
	}

	Path logs() {
		return data.resolve("logs");
	}

	/** A token for a demo persona from the authorization server (client-credentials grant). */
	static String token(String persona) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((persona + ":demo").getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

	/**
	 * A token signed with the authorization server's own key, for callers it has no persona for
	 * (another organisation's coordinator) and for tampered variants (expired, other audience).
	 */
	String sign(JWTClaimsSet claims) {
		try {
			RSAKey key = (RSAKey) JWKSet.load(data.resolve("auth/jwk.json").toFile()).getKeys().get(0);
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not sign with the authorization server's key", ex);
		}
	}

	/** Valid claims for a caller, to sign or to spoil. */
	static JWTClaimsSet.Builder claims(String subject, String organisation, String role) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(subject)
			.audience("mentoring-api")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
			.claim("org", organisation)
			.claim("roles", List.of(role));
		return claims;
	}

	/** Sends a request to the gateway. */
	static HttpResponse<String> send(String method, String path, String token, String body)
			throws IOException, InterruptedException {
		return send(method, path, token, body, Map.of());
	}

	static HttpResponse<String> send(String method, String path, String token, String body,
			Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (!headers.containsKey("Content-Type")) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() throws Exception {
		launcher.destroy(); // SIGTERM, as Ctrl-C: the launcher stops its parts
		boolean exited = launcher.waitFor(120, TimeUnit.SECONDS);
		if (!exited) {
			launcher.destroyForcibly();
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (parts.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
			Thread.sleep(200); // waiting for processes to end after the tests; not a test assertion
		}
		List<ProcessHandle> left = parts.stream().filter(ProcessHandle::isAlive).toList();
		left.forEach(ProcessHandle::destroyForcibly);
		if (!exited || !left.isEmpty()) {
			throw new IllegalStateException("the stack did not stop cleanly: launcher exited " + exited
					+ ", processes left " + left.stream().map(ProcessHandle::pid).toList());
		}
	}

	private void copyOutput(Path file, CountDownLatch ready) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
				PrintWriter out = new PrintWriter(Files.newBufferedWriter(file), true)) {
			String line;
			while ((line = in.readLine()) != null) {
				out.println(line);
				System.out.println("[launcher] " + line);
				if (line.startsWith(LocalStack.READY)) {
					ready.countDown();
				}
			}
		}
		catch (IOException ex) {
			// the launcher's output ended
		}
	}

}
