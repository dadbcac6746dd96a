package com.kreativnomentorstvo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.platform.fixture.PlatformTestApplication;
import com.kreativnomentorstvo.platform.fixture.TestOrganisations;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.SharedKafka;
import com.kreativnomentorstvo.testkit.SharedMongo;
import com.kreativnomentorstvo.testkit.TcpProxy;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;
import com.mongodb.ConnectionString;

/**
 * A service's API while the store or the broker is away. The service reaches both through a TCP
 * proxy that the tests stop, freeze and start again; the broker is down from the start. (The
 * service has no subscriptions, so that its consumers cannot take the other tests' partitions.)
 */
@SpringBootTest(classes = OutagesOverHttpIT.ApiOnly.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=platform-outage-tests", "mentoring.topics.create=false" })
@WithPlatformInfrastructure
class OutagesOverHttpIT {

	/** What a caller of a service must have within two seconds when the store does not answer. */
	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

	private static final TcpProxy store = proxyTo(new ConnectionString(SharedMongo.uri()).getHosts().get(0), false);

	private static final TcpProxy broker = proxyTo(SharedKafka.bootstrapServers().split(",")[0], true);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MongoOperations mongo;

	/** The platform test service's API and aggregate, without its subscriptions. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@ComponentScan(basePackageClasses = TestOrganisations.class,
			excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = PlatformTestApplication.class))
	static class ApiOnly {

	}

	@DynamicPropertySource
	static void throughTheProxies(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + store.port() + "/?directConnection=true");
		registry.add("spring.mongodb.database", () -> "platform-tests");
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + broker.port());
	}

	@AfterAll
	static void closeProxies() {
		store.close();
		broker.close();
	}

	@Test
	void aRequestMeetingAStoreThatRefusesConnectionsIsAServiceUnavailableProblemWithinTwoSeconds() throws Exception {
		String id = registered();
		store.refuse();
		try {
			Timed<HttpResponse<String>> answer = timed(() -> get("/api/v1/test-organisations/" + id));

			System.out.printf("Store refusing connections: %d after %d ms%n", answer.value().statusCode(),
					answer.took().toMillis());
			assertStoreUnavailable(answer);
		}
		finally {
			store.forward();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/test-organisations/" + id).statusCode() == 200);
	}

	@Test
	void aRequestMeetingAStoreThatStoppedAnsweringIsAServiceUnavailableProblemWithinTwoSeconds() throws Exception {
		String id = registered();
		store.freeze();
		try {
			Timed<HttpResponse<String>> first = timed(() -> get("/api/v1/test-organisations/" + id));
			Timed<HttpResponse<String>> next = timed(() -> get("/api/v1/test-organisations/" + id));

			System.out.printf("Store frozen: %d after %d ms, then %d after %d ms%n", first.value().statusCode(),
					first.took().toMillis(), next.value().statusCode(), next.took().toMillis());
			assertStoreUnavailable(first);
			assertStoreUnavailable(next);
		}
		finally {
			store.forward();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/test-organisations/" + id).statusCode() == 200);
	}

	@Test
	void writesSucceedIntoTheOutboxWhileTheBrokerIsDownAndArePublishedOnceWhenItIsBack() throws Exception {
		String id = "org-" + UUID.randomUUID();
		assertThat(broker.mode()).as("the broker has been down since the service started").isEqualTo(TcpProxy.Mode.REFUSING);

		Timed<HttpResponse<String>> created = timed(() -> register(id));

		System.out.printf("Broker down: write answered %d after %d ms%n", created.value().statusCode(),
				created.took().toMillis());
		assertThat(created.value().statusCode()).isEqualTo(201);
		assertThat(created.took()).as("the request does not wait for the broker").isLessThan(ANSWER_WITHIN);
		assertThat(pendingEvents(id)).hasSize(1);
		assertThat(get("/actuator/health/readiness").statusCode()).as("ready without the broker").isEqualTo(200);
		HttpResponse<String> readiness = get("/actuator/health/readiness", TestTokens.shared().admin("org-a"));
		assertThat(readiness.body()).contains("\"mongoPing\"").doesNotContain("\"kafka\"");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> health = get("/actuator/health", TestTokens.shared().admin("org-a"));
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).containsPattern("\"kafka\":\\{\"details\":\\{[^}]*\\},\"status\":\"DOWN\"\\}");
		});
		assertThat(pendingEvents(id)).as("still waiting in the outbox").hasSize(1);

		broker.forward();

		await().atMost(Duration.ofSeconds(60)).until(() -> pendingEvents(id).isEmpty());
		assertThat(EventRecords.all(Topics.PARTICIPANTS)
			.stream()
			.filter(EventRecords.event(EventType.ORGANISATION_REGISTERED.typeName(), id))).hasSize(1);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/actuator/health").statusCode()).isEqualTo(200));
	}

	private void assertStoreUnavailable(Timed<HttpResponse<String>> answer) {
		assertThat(answer.value().statusCode()).isEqualTo(503);
		assertThat(answer.value().headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.value().headers().firstValue("Retry-After")).hasValue("5");
		assertThat(answer.value().body()).contains("urn:mentoring:problem:store-unavailable").contains("\"requestId\"");
		assertThat(answer.took()).isLessThan(ANSWER_WITHIN);
	}

	private String registered() throws Exception {
		String id = "org-" + UUID.randomUUID();
		assertThat(register(id).statusCode()).isEqualTo(201);
		assertThat(get("/api/v1/test-organisations/" + id).statusCode()).isEqualTo(200);
		return id;
	}

	private HttpResponse<String> register(String id) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri("/api/v1/test-organisations"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TestTokens.shared().coordinator("org-a"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"%s\",\"name\":\"N\",\"country\":\"RS\"}".formatted(id)))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(path, TestTokens.shared().coordinator("org-a"));
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private List<Document> pendingEvents(String id) {
		Document document = mongo.findById(id, Document.class, "organisations");
		return document == null ? List.of() : document.getList(AggregateRoot.OUTBOX_FIELD, Document.class, List.of());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static TcpProxy proxyTo(String hostAndPort, boolean down) {
		int colon = hostAndPort.lastIndexOf(':');
		String host = hostAndPort.substring(0, colon);
		int port = Integer.parseInt(hostAndPort.substring(colon + 1));
		return down ? TcpProxy.refusingTo(host, port) : TcpProxy.forwardingTo(host, port);
	}

	private static <T> Timed<T> timed(Call<T> call) throws Exception {
		long started = System.nanoTime();
		T value = call.call();
		return new Timed<>(value, Duration.ofNanos(System.nanoTime() - started));
	}

	@FunctionalInterface
	private interface Call<T> {

		T call() throws Exception;

	}

	private record Timed<T>(T value, Duration took) {
	}

}
