package com.kreativnomentorstvo.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The open and the closed load against a real HTTP server that takes a known time to answer. */
class LoadsTests {

	private static final Duration ANSWER_TAKES = Duration.ofMillis(40);

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger mostInFlight = new AtomicInteger();

	private final AtomicInteger received = new AtomicInteger();

	private HttpServer server;

	private ExecutorService handlers;

	@BeforeEach
	void serve() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		handlers = Executors.newFixedThreadPool(32);
		server.setExecutor(handlers);
		server.createContext("/", exchange -> {
			int now = inFlight.incrementAndGet();
			mostInFlight.accumulateAndGet(now, Math::max);
			int number = received.incrementAndGet();
			try {
				Thread.sleep(ANSWER_TAKES.toMillis()); // the server's work; the test does not wait on it
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			inFlight.decrementAndGet();
			int status = exchange.getRequestURI().getPath().equals("/every-third-fails") && number % 3 == 0 ? 500 : 200;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
		handlers.shutdownNow();
	}

	@Test
	void anOpenLoadSendsAtItsRateWhateverThePaceOfTheAnswers() throws InterruptedException {
		Figures figures = new OpenLoad(client).run("open", 100, Duration.ofSeconds(1), Requests.get(get("/")));

		assertThat(figures.sent()).isEqualTo(100);
		assertThat(figures.expected()).isEqualTo(100);
		assertThat(received).hasValue(100);
		// a request every 10 ms, each answered after 40 ms: several are on their way at once
		assertThat(mostInFlight.get()).isGreaterThanOrEqualTo(3);
		assertThat(figures.millis(50)).isGreaterThanOrEqualTo(ANSWER_TAKES.toMillis());
	}

	@Test
	void anOpenLoadTimesEachRequestFromWhenItWasDueSoADelayedSendCounts() throws InterruptedException {
		HttpRequest request = get("/");
		Requests heldUp = new Requests() {

			@Override
			public HttpRequest request(long number) {
				if (number == 10) {
					// the sender itself stalls (a pause of the driver): requests 11 to ~40 go out late
					try {
						Thread.sleep(300);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				return request;
			}

			@Override
			public boolean answered(long number, HttpResponse<String> response) {
				return response.statusCode() == 200;
			}
		};

		Figures figures = new OpenLoad(client).run("stalled", 100, Duration.ofSeconds(1), heldUp);

		assertThat(figures.expected()).isEqualTo(100);
		// measured from the send, every answer would take ~40 ms; from when it was due, the 30 held up took up to 340
		assertThat(figures.millis(90)).isGreaterThan(150);
		assertThat(figures.millis(100)).isGreaterThan(300);
	}

	@Test
	void unexpectedAnswersAreCountedApart() throws InterruptedException {
		Figures figures = new OpenLoad(client).run("failing", 60, Duration.ofSeconds(1),
				Requests.get(get("/every-third-fails")));

		assertThat(figures.sent()).isEqualTo(60);
		assertThat(figures.unexpected()).isEqualTo(20);
		assertThat(figures.unexpectedByAnswer()).containsExactly(java.util.Map.entry("500", 20L));
		assertThat(figures.expected()).isEqualTo(40);
	}

	@Test
	void aClosedLoadKeepsExactlyItsConnectionsBusy() throws InterruptedException {
		Figures figures = new ClosedLoad(client).run("closed", 4, Duration.ofSeconds(1), Requests.get(get("/")));

		assertThat(mostInFlight).hasValue(4);
		assertThat(figures.unexpected()).isZero();
		// four connections, 40 ms an answer: at most 100 a second (fewer when the machine is busy)
		assertThat(figures.throughput()).isPositive().isLessThanOrEqualTo(101.0);
		assertThat(figures.expected()).isEqualTo(figures.sent());
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build();
	}

}
