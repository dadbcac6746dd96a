package com.kreativnomentorstvo.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.kreativnomentorstvo.testkit.TestTokens;

/**
 * The gateway as it runs, in front of real HTTP services on loopback and with real signed tokens.
 * Every integration test class extends this, so the module has one application context: the four
 * services (session-service is down), three test-only services that misbehave on purpose, small
 * rate limits, one allowed CORS origin, and forwarded headers honoured (as behind a TLS-terminating
 * proxy) so that tests can speak from different addresses and over "https".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTest {

	static final String ALLOWED_ORIGIN = "https://app.mentoring.example";

	static final int CLIENT_LIMIT = 25;

	static final int ORGANISATION_LIMIT = 50;

	static final int ANONYMOUS_LIMIT = 25;

	static final Duration SLOW_SERVICE_TIMEOUT = Duration.ofSeconds(1);

	static final Downstream participants = Downstream.start("participant-service");

	static final Downstream matching = Downstream.start("matching-service");

	static final Downstream notifications = Downstream.start("notification-service");

	static final Downstream web = Downstream.start("web");

	/** Always 503: its circuit opens. */
	static final Downstream failing = Downstream.start("failing-service")
		.answering(request -> Downstream.Reply.json(503, "{\"status\":503}"));

	/** Answers only when the tests end: its calls time out. */
	static final CountDownLatch slowServiceMayAnswer = new CountDownLatch(1);

	static final Downstream slow = Downstream.start("slow-service").answering(request -> {
		try {
			slowServiceMayAnswer.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Downstream.Reply.json(200, "{}");
	});

	/** Answers after 1.5 s: longer than the circuit breaker library's default time limit (1 s), within its route's 4 s. */
	static final Duration DELAYED_SERVICE_DELAY = Duration.ofMillis(1500);

	static final Downstream delayed = Downstream.start("delayed-service").answering(request -> {
		try {
			// a deliberate delay of the fake service, not a wait of the test
			new CountDownLatch(1).await(DELAYED_SERVICE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Downstream.Reply.json(200, "{\"late\":true}");
	});

	/** Answers after 2 s: the flood of the probe test holds many of its calls open at once. */
	static final Duration SLUGGISH_SERVICE_DELAY = Duration.ofSeconds(2);

	static final Downstream sluggish = Downstream.start("sluggish-service").forgettingRequests().answering(request -> {
		try {
			// a deliberate delay of the fake service, not a wait of the test
			new CountDownLatch(1).await(SLUGGISH_SERVICE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Downstream.Reply.json(200, "{\"sluggish\":true}");
	});

	/** Every first attempt of a request id is refused (502; 503 under /unavailable/), every later one answered. */
	static final Downstream flaky = Downstream.start("flaky-service").answering(new FirstAttemptFails());

	static final int SESSION_SERVICE_PORT = Downstream.closedPort();

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	/** The actuator's own port: probes, metrics, the route table. */
	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void gatewayUnderTest(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.shared().issuer());
		registry.add("PARTICIPANT_SERVICE_URL", participants::url);
		registry.add("MATCHING_SERVICE_URL", matching::url);
		registry.add("NOTIFICATION_SERVICE_URL", notifications::url);
		registry.add("WEB_URL", web::url);
		registry.add("SESSION_SERVICE_URL", () -> "http://127.0.0.1:" + SESSION_SERVICE_PORT);
		testOnlyService(registry, "failing-service", failing, "/api/v1/failing/**", Duration.ofSeconds(5));
		// its circuit stays open for the rest of the run, however slowly the machine runs the test
		registry.add("resilience4j.circuitbreaker.configs.failing-service.base-config", () -> "default");
		registry.add("resilience4j.circuitbreaker.configs.failing-service.wait-duration-in-open-state", () -> "5m");
		testOnlyService(registry, "slow-service", slow, "/api/v1/slow/**", SLOW_SERVICE_TIMEOUT);
		testOnlyService(registry, "flaky-service", flaky, "/api/v1/flaky/**", Duration.ofSeconds(5));
		testOnlyService(registry, "delayed-service", delayed, "/api/v1/delayed/**", Duration.ofSeconds(4));
		// the delayed service again, with a time limit below its delay, and one path that is a stream
		testOnlyService(registry, "streaming-service", delayed, "/api/v1/streaming/**", Duration.ofMillis(500));
		registry.add("mentoring.api.services.streaming-service.streams[0]", () -> "/api/v1/streaming/stream");
		testOnlyService(registry, "sluggish-service", sluggish, "/api/v1/sluggish/**", Duration.ofSeconds(10));
		registry.add("mentoring.gateway.rate-limits.client.capacity", () -> CLIENT_LIMIT);
		registry.add("mentoring.gateway.rate-limits.client.period", () -> "1h");
		registry.add("mentoring.gateway.rate-limits.organisation.capacity", () -> ORGANISATION_LIMIT);
		registry.add("mentoring.gateway.rate-limits.organisation.period", () -> "1h");
		registry.add("mentoring.gateway.rate-limits.anonymous.capacity", () -> ANONYMOUS_LIMIT);
		registry.add("mentoring.gateway.rate-limits.anonymous.period", () -> "1h");
		registry.add("mentoring.gateway.security.allowed-origins", () -> ALLOWED_ORIGIN);
		// a refused body that stops coming is answered after 3 s, not 5; still long enough that a busy machine's
		// pause between the parts of a whole body is not taken for a caller that stopped
		registry.add("mentoring.gateway.limits.refused-body.idle-timeout", () -> "3s");
		registry.add("server.forward-headers-strategy", () -> "framework");
		registry.add("management.server.port", () -> "0");
		// every trace recorded, so that sampling never decides what a test sees
		registry.add("management.tracing.sampling.probability", () -> "1.0");
	}

	private static void testOnlyService(DynamicPropertyRegistry registry, String name, Downstream service, String path,
			Duration timeout) {
		String prefix = "mentoring.api.services." + name + ".";
		registry.add(prefix + "uri", service::url);
		registry.add(prefix + "paths[0]", () -> path);
		registry.add(prefix + "timeout", () -> timeout.toMillis() + "ms");
		registry.add(prefix + "api-docs", () -> "false");
	}

	/** An organisation no other test uses, so that its rate limits are its own. */
	static String anOrganisation() {
		return "org-" + UUID.randomUUID();
	}

	static String aRequestId() {
		return "test-" + UUID.randomUUID();
	}

	/** A remote address (from the documentation range) no other test uses. */
	static String anAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	Call call(String method, String path) {
		return new Call(method, path);
	}

	Call get(String path) {
		return call("GET", path);
	}

	/** A request to the actuator, on its own port. */
	Call management(String method, String path) {
		return new Call(method, path, managementPort);
	}

	/** One request to the gateway; anonymous ones come from a fresh address unless told otherwise. */
	final class Call {

		private final String method;

		private final String path;

		private final int toPort;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

		Call(String method, String path) {
			this(method, path, port);
		}

		Call(String method, String path, int toPort) {
			this.method = method;
			this.path = path;
			this.toPort = toPort;
			headers.put("X-Forwarded-For", anAddress());
		}

		Call token(String token) {
			return header("Authorization", "Bearer " + token);
		}

		Call header(String name, String value) {
			headers.put(name, value);
			return this;
		}

		Call body(HttpRequest.BodyPublisher body) {
			this.body = body;
			return this;
		}

		Call json(String json) {
			header("Content-Type", "application/json");
			return body(HttpRequest.BodyPublishers.ofString(json));
		}

		HttpResponse<String> send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + toPort + path))
				.timeout(Duration.ofSeconds(30))
				.method(method, body);
			headers.forEach(request::header);
			try {
				return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (java.net.http.HttpTimeoutException ex) {
				// what every thread was doing while the answer did not come, so that a hang can be read from the report
				StringBuilder dump = new StringBuilder("THREAD DUMP after " + method + " " + path + " timed out\n");
				Thread.getAllStackTraces().forEach((thread, stack) -> {
					dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
					for (StackTraceElement element : stack) {
						dump.append("    at ").append(element).append('\n');
					}
				});
				System.out.println(dump);
				throw new IllegalStateException(method + " " + path + " failed", ex);
			}
			catch (IOException ex) {
				throw new IllegalStateException(method + " " + path + " failed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/** Refuses the first attempt of every request id with 503 and answers the following ones. */
	static final class FirstAttemptFails implements java.util.function.Function<Downstream.Received, Downstream.Reply> {

		private final Map<String, AtomicInteger> attempts = new java.util.concurrent.ConcurrentHashMap<>();

		@Override
		public Downstream.Reply apply(Downstream.Received request) {
			String requestId = String.valueOf(request.header("X-Request-Id"));
			int attempt = attempts.computeIfAbsent(requestId, id -> new AtomicInteger()).incrementAndGet();
			// a path of /unavailable/ stands for a service that answers a considered 503 (its store is away)
			int failure = request.path().contains("/unavailable/") ? 503 : 502;
			return attempt == 1 ? Downstream.Reply.json(failure, "{\"status\":" + failure + "}")
					: Downstream.Reply.json(200, "{\"attempt\":" + attempt + "}");
		}

	}

}
