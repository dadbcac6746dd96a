package com.kreativnomentorstvo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.testkit.TestTokens;

/**
 * Kubernetes restarts a gateway whose liveness probe fails and stops sending it traffic while its
 * readiness probe fails: both must answer while the gateway is at its busiest, or the platform loses
 * its front door exactly then. The probes are asked the way the kubelet asks: a new connection each
 * time, one request, {@code Connection: close}. What is behind the status (which components, and
 * why) is for admins only.
 */
class ProbesIT extends GatewayTest {

	/** Callers that each keep one slow request in flight, sending the next as soon as one is answered. */
	private static final int FLOODING_CALLERS = 300;

	/** The probes' budget: the kubelet's default probe timeout is 1 s. */
	private static final Duration PROBE_BUDGET = Duration.ofSeconds(1);

	@Test
	void livenessAndReadinessAnswerWithinASecondWhileTheGatewayIsFlooded() throws Exception {
		// as under Kubernetes, where a gateway gets traffic only once its probes have passed
		assertThat(probe("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(probe("/actuator/health/readiness").status()).isEqualTo(200);

		try (Flood flood = new Flood(FLOODING_CALLERS)) {
			// every caller has a request in flight, and the first slow answers have come back
			await().atMost(Duration.ofSeconds(60)).until(() -> flood.answered(200) >= 50);

			List<Probe> probes = new ArrayList<>();
			for (int i = 0; i < 15; i++) {
				probes.add(probe("/actuator/health/liveness"));
				probes.add(probe("/actuator/health/readiness"));
			}

			System.out.printf("probes during the flood (%s): %s%n", flood, probes);
			assertThat(flood.inFlight()).as("the flood still holds its calls open").isGreaterThan(FLOODING_CALLERS / 2);
			assertThat(probes).allSatisfy(probe -> {
				assertThat(probe.status()).as(probe.path()).isEqualTo(200);
				assertThat(probe.took()).as(probe.path()).isLessThan(PROBE_BUDGET);
			});
		}
	}

	@Test
	void healthShowsItsComponentsToAdminsOnly() {
		HttpResponse<String> anonymous = management("GET", "/actuator/health").send();
		HttpResponse<String> coordinator = management("GET", "/actuator/health")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.send();
		HttpResponse<String> admin = management("GET", "/actuator/health")
			.token(TestTokens.shared().admin(anOrganisation()))
			.send();

		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components");
		assertThat(coordinator.body()).contains("\"status\":\"UP\"").doesNotContain("components");
		assertThat(admin.body()).contains("\"status\":\"UP\"").contains("\"components\"").contains("\"ping\"")
			.doesNotContain("UNKNOWN")
			.doesNotContain("DOWN");
	}

	/** One probe as the kubelet sends it; a probe that hangs is reported with the time it waited. */
	private Probe probe(String path) throws IOException {
		long started = System.nanoTime();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", managementPort), 10_000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: kube-probe/1.33\r\n"
					+ "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
			int status = answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
			return new Probe(path, status, Duration.ofNanos(System.nanoTime() - started));
		}
		catch (java.net.SocketTimeoutException ex) {
			return new Probe(path, -1, Duration.ofNanos(System.nanoTime() - started));
		}
	}

	private record Probe(String path, int status, Duration took) {

		@Override
		public String toString() {
			return path.substring(path.lastIndexOf('/') + 1) + " " + status + " in " + took.toMillis() + " ms";
		}

	}

	/** Many callers, each with its own token, asking the slow service again as soon as they have an answer. */
	private final class Flood implements AutoCloseable {

		private final ExecutorService threads = Executors.newFixedThreadPool(4);

		private final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(threads)
			.build();

		private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();

		private final AtomicInteger inFlight = new AtomicInteger();

		private volatile boolean flooding = true;

		Flood(int callers) {
			for (int i = 0; i < callers; i++) {
				String token = TestTokens.shared().coordinator(anOrganisation());
				String address = anAddress();
				send(token, address);
			}
		}

		private void send(String token, String address) {
			if (!flooding) {
				return;
			}
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sluggish/things"))
				.header("Authorization", "Bearer " + token)
				.header("X-Forwarded-For", address)
				.timeout(Duration.ofSeconds(30))
				.build();
			inFlight.incrementAndGet();
			http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
				inFlight.decrementAndGet();
				int status = response == null ? -1 : response.statusCode();
				answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
				send(token, address);
			});
		}

		int answered(int status) {
			AtomicInteger count = answers.get(status);
			return count == null ? 0 : count.get();
		}

		int inFlight() {
			return inFlight.get();
		}

		@Override
		public String toString() {
			return inFlight + " in flight, answers by status " + answers;
		}

		/** Stops asking again and waits for the calls in flight, so that the next test meets a quiet gateway. */
		@Override
		public void close() {
			flooding = false;
			try {
				await().atMost(Duration.ofSeconds(90)).until(() -> inFlight.get() == 0);
			}
			finally {
				threads.shutdownNow();
			}
		}

	}

}
