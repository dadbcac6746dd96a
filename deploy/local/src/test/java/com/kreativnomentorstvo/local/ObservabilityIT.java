package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.RunningStack.get;
import static com.kreativnomentorstvo.local.RunningStack.send;
import static com.kreativnomentorstvo.local.RunningStack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an operator sees of the running stack: the metrics every service exposes, one request
 * followed by its request id and trace id through the gateway, a service, the event it caused and
 * the consumer that applied it.
 */
@Order(3)
@ExtendWith(RunningStack.Extension.class)
class ObservabilityIT {

	private static RunningStack stack;

	private static final String REQUEST_ID = "req-observed-" + UUID.randomUUID().toString().substring(0, 8);

	private static final String TRACE_ID = UUID.randomUUID().toString().replace("-", "");

	private static final String EMAIL = "observed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

	private static String participant;

	@BeforeAll
	static void enrolOneParticipantWithAKnownRequestAndTrace(RunningStack running) throws Exception {
		stack = running;
		HttpResponse<String> enrolled = send("POST", "/api/v1/participants", token("coordinator.hr"), """
				{"programmeId": "prog-reg-lab-2027", "role": "MENTEE",
				 "displayName": "Observed Person", "email": "%s", "organisationId": "org-kultura-nova",
				 "country": "HR", "city": "Zadar", "languages": ["hr", "en"], "preferredLocale": "hr",
				 "goals": [{"code": "audience-engagement", "level": 4}], "format": "ONLINE", "timeZone": "Europe/Zagreb",
				 "availability": [{"day": "TUESDAY", "from": "18:00", "to": "20:00"}],
				 "consent": {"version": "2026-10", "scopes": ["programme-participation", "matching", "notifications"]}}
				""".formatted(EMAIL),
				Map.of("X-Request-Id", REQUEST_ID, "traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01"));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		assertThat(enrolled.headers().allValues("X-Request-Id")).containsExactly(REQUEST_ID);
		participant = RunningStack.JSON.readTree(enrolled.body()).get("id").asString();
	}

	@Test
	void theRequestIdReachesTheServiceLogAndTheEventItCaused() {
		// the access-log line of the request carries both ids
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(read(stack.log("participant-service")).lines())
				.anyMatch(line -> line.contains("POST /api/v1/participants 201") && line.contains(REQUEST_ID)
						&& line.contains(TRACE_ID)));

		ConsumerRecord<String, byte[]> enrolled = await().atMost(Duration.ofSeconds(30))
			.until(() -> recordsOf("mentoring.participants.v1").stream()
				.filter(r -> participant.equals(r.key()) && "mentoring.participant.enrolled.v1".equals(header(r, "ce_type")))
				.findFirst()
				.orElse(null), r -> r != null);
		assertThat(header(enrolled, "ce_requestid")).isEqualTo(REQUEST_ID);
		assertThat(header(enrolled, "ce_traceparent")).startsWith("00-" + TRACE_ID + "-");
	}

	@Test
	void theTraceStartedAtTheGatewayIsFoundInAConsumersLog() {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(read(stack.log("notification-service"))).contains(TRACE_ID));
		assertThat(read(stack.log("gateway"))).contains(TRACE_ID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "participant-service", "matching-service", "session-service",
			"notification-service", "auth-server" })
	void noLogLineWasDroppedByTheJsonEncoder(String part) {
		// logback reports a line it could not encode on its own status output, and the line is lost
		assertThat(read(stack.log(part))).doesNotContain("failed to append");
	}

	@ParameterizedTest
	@ValueSource(strings = { "participant-service", "matching-service", "session-service", "notification-service" })
	void everyServiceExposesItsMetrics(String service) throws Exception {
		String metrics = get("http://localhost:" + (RunningStack.SERVICES.get(service) + RunningStack.OFFSET)
				+ "/actuator/prometheus").body();

		assertThat(metrics).contains("http_server_requests_seconds", "mentoring_outbox_pending",
				"mentoring_outbox_published_total", "jvm_memory_used_bytes");
		if (!service.equals("participant-service")) { // it consumes no events
			assertThat(metrics).contains("mentoring_events_consumed_total",
					"kafka_consumer_fetch_manager_records_lag_max", "mentoring_events_dead_lettered_total");
		}
		switch (service) {
			case "notification-service" -> assertThat(metrics).contains("mentoring_notifications_email_total",
					"mentoring_notifications_webhook_total");
			case "matching-service" -> assertThat(metrics).contains("mentoring_matching_run_seconds");
			default -> {
			}
		}
	}

	@Test
	void theGatewayExposesItsMetricsAndListsEveryServiceInItsApiDocs() throws Exception {
		assertThat(get(RunningStack.GATEWAY_MANAGEMENT + "/actuator/prometheus").body()).contains("http_server_requests_seconds");
		// not on the public port
		assertThat(get(RunningStack.GATEWAY + "/actuator/prometheus").statusCode()).isEqualTo(404);
		String config = get(RunningStack.GATEWAY + "/v3/api-docs/swagger-config").body();
		for (String service : RunningStack.SERVICES.keySet()) {
			assertThat(config).contains("/v3/api-docs/" + service);
			assertThat(get(RunningStack.GATEWAY + "/v3/api-docs/" + service).body()).contains("\"/api/v1/");
		}
	}

	static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<ConsumerRecord<String, byte[]>> recordsOf(String topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.KAFKA);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map(p -> new TopicPartition(topic, p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		return records;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
