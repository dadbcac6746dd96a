package com.kreativnomentorstvo.bench.load;

import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario 2: enrolments through the gateway at a constant rate, and the time from each one's HTTP
 * 201 until matching-service and notification-service have applied its events (when their inboxes
 * marked them applied), beside a plain Kafka producer and consumer timed on the same broker at the
 * same rate in the same run. The stack's processes' resident memory is sampled meanwhile (scenario 5,
 * under load).
 */
final class EventPipeline {

	static final List<String> TOPICS = List.of("mentoring.participants.v1", "mentoring.participant-contacts.v1");

	private static final String REFERENCE_TOPIC = "bench.produce-to-consume";

	/** About the size of an enrolment event. */
	private static final int REFERENCE_BYTES = 1_200;

	/**
	 * A rate this stack sustains on two cores (its enrolments top out near 40/s) and the issue's;
	 * {@code PIPELINE_RATES} (e.g. {@code 20}) runs others, e.g. to profile one.
	 */
	private static final List<Double> RATES = rates(System.getenv("PIPELINE_RATES"));

	/** A consuming service: its database and the topics of the enrolment's events it applies. */
	private record Consumer(String service, String database, List<String> topics) {
	}

	private static final List<Consumer> CONSUMERS = List.of(
			new Consumer("matching-service", "matching", List.of(TOPICS.get(0))),
			new Consumer("notification-service", "notifications", TOPICS));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;

	EventPipeline(HttpClient client) {
		this.client = client;
	}

	static List<Double> rates(String configured) {
		if (configured == null || configured.isBlank()) {
			return List.of(20.0, 100.0);
		}
		return Arrays.stream(configured.split(",")).map(String::strip).map(Double::valueOf).toList();
	}

	void run(Stack stack, Report report) throws Exception {
		for (double rate : RATES) {
			runAt(rate, stack, report);
		}
	}

	private void runAt(double rate, Stack stack, Report report) throws Exception {
		report.heading("2. Event pipeline: enrolments through the gateway at " + Report.number(rate)
				+ "/s, from the 201 to each consumer's projection");
		Map<String, Long> createdAt = new ConcurrentHashMap<>();
		Map<String, Map<String, String>> eventsOf = new ConcurrentHashMap<>();
		Map<String, Long> publishedAt = new ConcurrentHashMap<>();
		String run = UUID.randomUUID().toString().substring(0, 8);
		Requests enrolments = enrolments(stack, run, createdAt);
		new ClosedLoad(client).run("warm-up", 2, Duration.ofSeconds(5), enrolments);
		createdAt.clear();

		Histogram reference = new Histogram(3);
		StackProcesses processes = StackProcesses.of(stack.pid());
		Map<String, Long> peak = new ConcurrentHashMap<>();
		Date since = Date.from(Instant.now());
		Figures http;
		Map<String, Histogram> pipeline;
		try (MongoClient store = MongoClients.create(stack.store());
				Loop events = watch(stack.kafka(), eventsOf, publishedAt);
				Reference kafka = new Reference(stack.kafka(), reference, rate);
				Loop memory = sampler(processes, peak)) {
			http = new OpenLoad(client).run("enrol through the gateway", rate, stack.duration(), enrolments);
			kafka.stop();
			pipeline = awaitApplied(store, since, createdAt, eventsOf);
		}

		report.line("\n" + stack.duration().toSeconds() + " s, " + http.sent() + " enrolments (`POST /api/v1/participants`), "
				+ http.expected() + " answered 201:");
		report.table(Report.columns(), List.of(Report.row(http, Report.number(rate))));
		List<List<String>> rows = new ArrayList<>();
		rows.add(histogramRow("Kafka alone: a producer to a consumer on the same broker (reference)", reference));
		rows.add(histogramRow("201 → on its topics (the outbox relay's send: the records' timestamps)",
				published(createdAt, publishedAt)));
		pipeline.forEach((service, h) -> rows.add(histogramRow("201 → applied by " + service, h)));
		report.line("\nEvent latency (ms; the reference from `send()` to `poll()`, " + REFERENCE_BYTES
				+ "-byte records at the same rate, the producer's defaults):");
		report.table(List.of("path", "events", "p50", "p95", "p99", "max", "p99 / Kafka's p99"), rows.stream()
			.map(r -> {
				List<String> row = new ArrayList<>(r);
				row.add(r.get(0).startsWith("Kafka") ? "1"
						: "**" + Report.number(Double.parseDouble(r.get(4)) / Math.max(0.001,
								reference.getValueAtPercentile(99) / 1000.0)) + "**");
				return row;
			})
			.toList());
		report.line("\nTarget: p99 <= 5x Kafka's own. Peak resident memory (MB) of each process meanwhile: " + peak
				+ ", together " + peak.values().stream().mapToLong(Long::longValue).sum() + " MB.");
	}

	private Requests enrolments(Stack stack, String run, Map<String, Long> createdAt) {
		return new Requests() {

			@Override
			public HttpRequest request(long number) {
				String body = """
						{"programmeId": "prog-reg-lab-2027", "role": "MENTEE", "displayName": "Load %2$d",
						 "email": "load-%1$s-%2$d@example.org", "organisationId": "org-creative-mentorship",
						 "country": "RS", "languages": ["sr-Latn", "en"], "preferredLocale": "sr-Latn",
						 "format": "ONLINE", "timeZone": "Europe/Belgrade", "goals": [{"code": "digital-tools", "level": 3}],
						 "consent": {"version": "2026-10", "scopes": ["programme-participation", "matching", "notifications"]}}
						""".formatted(run + "-" + UUID.randomUUID().toString().substring(0, 6), number);
				return HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/v1/participants"))
					.header("Authorization", "Bearer " + stack.token())
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
			}

			@Override
			public boolean answered(long number, HttpResponse<String> response) {
				if (response.statusCode() != 201) {
					return false;
				}
				createdAt.put(JSON.readTree(response.body()).get("id").asString(), System.currentTimeMillis());
				return true;
			}
		};
	}

	/**
	 * Waits (at most two minutes) until both consumers have applied the events of every enrolment;
	 * the latencies then, or of those applied when the time is up.
	 */
	private Map<String, Histogram> awaitApplied(MongoClient store, Date since, Map<String, Long> createdAt,
			Map<String, Map<String, String>> eventsOf) {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		Map<String, Histogram> pipeline = pipeline(store, since, createdAt, eventsOf);
		while (System.nanoTime() < deadline
				&& !pipeline.values().stream().allMatch(h -> h.getTotalCount() >= createdAt.size())) {
			LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
			pipeline = pipeline(store, since, createdAt, eventsOf);
		}
		return pipeline;
	}

	/** Per consuming service: from each enrolment's 201 until the service applied the last of its events. */
	private static Map<String, Histogram> pipeline(MongoClient store, Date since, Map<String, Long> createdAt,
			Map<String, Map<String, String>> eventsOf) {
		Map<String, Histogram> pipeline = new TreeMap<>();
		for (Consumer consumer : CONSUMERS) {
			Map<String, Long> appliedAt = new HashMap<>();
			for (Document mark : store.getDatabase(consumer.database())
				.getCollection("inbox")
				.find(Filters.and(Filters.gte("appliedAt", since), Filters.eq("state", "APPLIED")))) {
				String id = mark.getString("_id");
				appliedAt.put(id.substring(id.lastIndexOf('/') + 1), mark.getDate("appliedAt").getTime());
			}
			Histogram h = new Histogram(3);
			createdAt.forEach((participant, created) -> {
				List<String> events = eventsOf.getOrDefault(participant, Map.of())
					.entrySet()
					.stream()
					.filter(e -> consumer.topics().contains(e.getValue()))
					.map(Map.Entry::getKey)
					.toList();
				// each event of the enrolment on the topics it reads is applied: the last one counts
				if (!events.isEmpty() && events.stream().allMatch(appliedAt::containsKey)) {
					long last = events.stream().mapToLong(appliedAt::get).max().getAsLong();
					h.recordValue(Math.max(1, (last - created) * 1000));
				}
			});
			pipeline.put(consumer.service(), h);
		}
		return pipeline;
	}

	/** From each enrolment's 201 until the last of its events was sent to the broker (the records' create time). */
	private static Histogram published(Map<String, Long> createdAt, Map<String, Long> publishedAt) {
		Histogram h = new Histogram(3);
		createdAt.forEach((participant, created) -> {
			Long sent = publishedAt.get(participant);
			if (sent != null) {
				h.recordValue(Math.max(1, (sent - created) * 1000)); // a send before the 201 reached the driver counts as 0
			}
		});
		return h;
	}

	private static List<String> histogramRow(String name, Histogram h) {
		return List.of(name, Long.toString(h.getTotalCount()), Report.number(h.getValueAtPercentile(50) / 1000.0),
				Report.number(h.getValueAtPercentile(95) / 1000.0), Report.number(h.getValueAtPercentile(99) / 1000.0),
				Report.number(h.getMaxValue() / 1000.0));
	}

	private static Properties kafka(String bootstrap) {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		return properties;
	}

	/** A consumer of the topics' partitions (no group), at their ends now. */
	private static KafkaConsumer<String, byte[]> consumerAtEnd(String bootstrap, List<String> topics) {
		Properties properties = kafka(bootstrap);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties);
		List<TopicPartition> partitions = topics.stream()
			.flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition())))
			.toList();
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		return consumer;
	}

	/**
	 * Reads the enrolments' events from their topics: which events each participant's are, by topic,
	 * and when the last of them was sent (the record's create time, set by the relay's producer).
	 */
	private static Loop watch(String bootstrap, Map<String, Map<String, String>> eventsOf,
			Map<String, Long> publishedAt) {
		KafkaConsumer<String, byte[]> consumer = consumerAtEnd(bootstrap, TOPICS);
		return new Loop("pipeline-watch", () -> {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
				Header id = record.headers().lastHeader("ce_id");
				if (id != null && record.key() != null) {
					eventsOf.computeIfAbsent(record.key(), k -> new ConcurrentHashMap<>())
						.put(new String(id.value(), StandardCharsets.UTF_8), record.topic());
					publishedAt.merge(record.key(), record.timestamp(), Math::max);
				}
			}
		}, consumer::close);
	}

	/** Samples every process's resident memory each second and keeps the peak. */
	private static Loop sampler(StackProcesses processes, Map<String, Long> peak) {
		return new Loop("memory-sampler", () -> {
			processes.residentMegabytes().forEach((name, mb) -> peak.merge(name, mb, Math::max));
			LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
		}, () -> {
		});
	}

	/** A producer and a consumer on the broker at the same rate: Kafka's own produce-to-consume latency. */
	private static final class Reference implements AutoCloseable {

		private final Loop producing;

		private final Loop consuming;

		Reference(String bootstrap, Histogram latencies, double rate) throws Exception {
			try (Admin admin = Admin.create(kafka(bootstrap))) {
				int partitions = admin.describeTopics(List.of(TOPICS.get(0)))
					.allTopicNames()
					.get()
					.get(TOPICS.get(0))
					.partitions()
					.size();
				admin.createTopics(List.of(new NewTopic(REFERENCE_TOPIC, partitions, (short) 1))).all().get();
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw ex;
				}
			}
			KafkaConsumer<String, byte[]> consumer = consumerAtEnd(bootstrap, List.of(REFERENCE_TOPIC));
			this.consuming = new Loop("reference-consumer", () -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					long sent = ByteBuffer.wrap(record.value()).getLong();
					latencies.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
				}
			}, consumer::close);
			Properties producerProperties = kafka(bootstrap);
			producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
			KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties);
			long period = Math.round(1e9 / rate);
			long[] next = { System.nanoTime() };
			long[] sent = { 0 };
			this.producing = new Loop("reference-producer", () -> {
				for (long wait = next[0] - System.nanoTime(); wait > 0; wait = next[0] - System.nanoTime()) {
					LockSupport.parkNanos(wait);
				}
				byte[] value = new byte[REFERENCE_BYTES];
				ByteBuffer.wrap(value).putLong(System.nanoTime());
				producer.send(new ProducerRecord<>(REFERENCE_TOPIC, "key-" + (sent[0]++ % 97), value));
				next[0] += period;
			}, producer::close);
		}

		/** Stops producing; the consumer goes on until closed, for the records on their way. */
		void stop() throws InterruptedException {
			producing.close();
		}

		@Override
		public void close() throws InterruptedException {
			stop();
			consuming.close();
		}

	}

}
