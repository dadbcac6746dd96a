package com.kreativnomentorstvo.faults;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.kreativnomentorstvo.faults.Ledger.Phase;
import com.kreativnomentorstvo.faults.Ledger.Poison;

/** The catalogue of faults the suite injects. */
final class Faults {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	/**
	 * Apache Kafka's process is killed (SIGKILL) and started again after the hold. Writes must keep
	 * being acknowledged (into the outbox), readiness must not drop, and everything written meanwhile
	 * must be relayed once the broker is back.
	 */
	static Fault brokerKilled(Duration hold) {
		Set<String> unready = ConcurrentHashMap.newKeySet();
		return new Fault("broker SIGKILL", "SIGKILL of the Kafka broker, restarted after " + hold.toSeconds() + " s",
				hold, (suite, phase) -> {
					unready.clear();
					suite.stack().part("kafka").kill();
				}, (suite, phase) -> {
					for (String service : Stack.SERVICES) {
						int status = status(suite.stack().serviceUrl(service) + "/actuator/health/readiness");
						if (status != 200 && unready.add(service)) {
							phase.finding(service + " readiness answered " + (status < 0 ? "nothing" : status)
									+ " while the broker was down (readiness must not depend on Kafka)");
						}
					}
				}, (suite, phase) -> {
					suite.stack().restart("kafka");
					await("the broker answers the suite's admin client").atMost(Duration.ofMinutes(2))
						.pollInterval(Duration.ofSeconds(1))
						.ignoreExceptions()
						.until(() -> suite.kafka().topics().contains(Topic.PARTICIPANTS));
				}, null);
	}

	/** A part's process is killed (SIGKILL) and started again right away. */
	static Fault killed(String part) {
		return new Fault(part + " SIGKILL", "SIGKILL of " + part + " while the load runs, started again at once",
				Duration.ofSeconds(1), (suite, phase) -> suite.stack().part(part).kill(), Fault.Action.NOTHING,
				(suite, phase) -> suite.stack().restart(part), null);
	}

	/**
	 * A service is killed (SIGKILL) and, before it starts again, its consumer group is set back to
	 * offset 0 on every topic it reads: it reads everything again and must apply nothing twice.
	 */
	static Fault killedAndReplayed(String service) {
		return new Fault(service + " SIGKILL + replay from 0",
				"SIGKILL of " + service + ", its consumer group set back to offset 0 on "
						+ String.join(", ", Stack.CONSUMED.get(service)) + ", started again",
				Duration.ofSeconds(1), (suite, phase) -> {
					suite.stack().part(service).kill();
					rewind(suite, phase, service);
				}, Fault.Action.NOTHING, (suite, phase) -> suite.stack().restart(service), null);
	}

	/** A service is stopped as an orchestrator stops it, its consumer group rewound, and started again. */
	static Fault replayed(String service) {
		return new Fault("replay " + service + " from 0",
				"replay of " + String.join(", ", Stack.CONSUMED.get(service)) + " from offset 0 into the consumer group "
						+ service + " (stopped with SIGTERM, offsets set back, started again)",
				Duration.ofSeconds(1), (suite, phase) -> {
					suite.stack().part(service).stop(Duration.ofSeconds(30));
					rewind(suite, phase, service);
				}, Fault.Action.NOTHING, (suite, phase) -> suite.stack().restart(service), null);
	}

	private static void rewind(FaultSuite suite, Phase phase, String group) throws Exception {
		await("the consumer group " + group + " has no member").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> suite.kafka().empty(group));
		long records = 0;
		for (String topic : Stack.CONSUMED.get(group)) {
			suite.kafka().rewind(group, topic);
			records += suite.kafka().endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
		}
		phase.note(group + " rewound to offset 0: " + records + " records to read again");
	}

	/** The store's process is frozen (SIGSTOP) for the hold, then resumed (SIGCONT). */
	static Fault storeStopped(Duration hold) {
		return new Fault("store SIGSTOP", "the store frozen with SIGSTOP for " + hold.toSeconds() + " s, then SIGCONT",
				hold, (suite, phase) -> suite.stack().part("store").pause(), Fault.Action.NOTHING,
				(suite, phase) -> suite.stack().part("store").resume(), "*");
	}

	/** Every chunk between a service and the broker is delayed, both ways. */
	static Fault brokerLatency(String service, Duration delay, Duration hold) {
		return new Fault(service + " <-> broker +" + delay.toMillis() + " ms",
				delay.toMillis() + " ms added to each chunk between " + service + " and the broker, for "
						+ hold.toSeconds() + " s",
				hold, (suite, phase) -> suite.stack().brokerProxy(service).latency(delay), Fault.Action.NOTHING,
				(suite, phase) -> suite.stack().brokerProxy(service).restore(), null);
	}

	/** The connections between a service and the broker are reset, and new ones refused, for the hold. */
	static Fault brokerDropped(String service, Duration hold) {
		return new Fault(service + " <-> broker dropped",
				"connections between " + service + " and the broker reset and refused for " + hold.toSeconds() + " s",
				hold, (suite, phase) -> suite.stack().brokerProxy(service).cut(), Fault.Action.NOTHING,
				(suite, phase) -> suite.stack().brokerProxy(service).restore(), null);
	}

	static Fault storeLatency(String service, Duration delay, Duration hold) {
		return new Fault(service + " <-> store +" + delay.toMillis() + " ms",
				delay.toMillis() + " ms added to each chunk between " + service + " and the store, for "
						+ hold.toSeconds() + " s",
				hold, (suite, phase) -> suite.stack().storeProxy(service).latency(delay), Fault.Action.NOTHING,
				(suite, phase) -> suite.stack().storeProxy(service).restore(), null);
	}

	/** The connections between a service and the store are reset, and new ones refused, for the hold. */
	static Fault storeDropped(String service, Duration hold) {
		return new Fault(service + " <-> store dropped",
				"connections between " + service + " and the store reset and refused for " + hold.toSeconds() + " s",
				hold, (suite, phase) -> suite.stack().storeProxy(service).cut(), Fault.Action.NOTHING,
				(suite, phase) -> suite.stack().storeProxy(service).restore(), service);
	}

	/**
	 * On every partition of every topic a consumer reads, one record that can never be applied:
	 * not a CloudEvent, data that does not decode, data invalid against the type's schema, a type
	 * that does not exist. Each must end up on the dead-letter topic of every consumer group that
	 * reads the topic, with its reason, and the records behind it must be applied.
	 */
	static Fault poison() {
		return new Fault("poison records",
				"on each partition of " + String.join(", ", Topic.CONSUMED)
						+ " one record that can never be applied (not a CloudEvent, undecodable data, data invalid"
						+ " against the schema, an unknown type)",
				Duration.ofSeconds(5), Faults::writePoison, Fault.Action.NOTHING, Fault.Action.NOTHING, null);
	}

	/** A type every consumer group reading the topic subscribes to. */
	private static final Map<String, String> SUBSCRIBED_TYPE = Map.of(Topic.PARTICIPANTS,
			"mentoring.participant.enrolled.v1", Topic.CONTACTS, "mentoring.participant.contact-changed.v1",
			Topic.MATCHING, "mentoring.match.proposed.v1", Topic.SESSIONS, "mentoring.session.scheduled.v1");

	private static final List<String> POISON_KINDS = List.of("not a CloudEvent", "undecodable data",
			"invalid against the schema", "unknown type");

	private static void writePoison(FaultSuite suite, Phase phase) throws Exception {
		int slot = 0;
		for (String topic : Topic.CONSUMED) {
			List<String> groups = new ArrayList<>();
			Stack.CONSUMED.forEach((group, topics) -> {
				if (topics.contains(topic)) {
					groups.add(group);
				}
			});
			for (int partition = 0; partition < suite.kafka().partitions(topic); partition++) {
				String kind = POISON_KINDS.get(slot++ % POISON_KINDS.size());
				String id = "poison-" + UUID.randomUUID();
				Map<String, String> headers = new LinkedHashMap<>();
				byte[] value;
				switch (kind) {
					case "not a CloudEvent" -> value = "this is not an event".getBytes(StandardCharsets.UTF_8);
					case "undecodable data" -> {
						headers.putAll(cloudEvent(id, SUBSCRIBED_TYPE.get(topic)));
						value = "{\"participantId\": ".getBytes(StandardCharsets.UTF_8);
					}
					case "invalid against the schema" -> {
						headers.putAll(cloudEvent(id, SUBSCRIBED_TYPE.get(topic)));
						value = "{\"unexpected\": [1, 2, 3]}".getBytes(StandardCharsets.UTF_8);
					}
					default -> {
						headers.putAll(cloudEvent(id, "mentoring.something-unheard-of.v1"));
						value = "{}".getBytes(StandardCharsets.UTF_8);
					}
				}
				long offset = suite.kafka().produce(topic, partition, id, headers, value);
				suite.ledger().poisons.add(new Poison(phase, topic, partition, offset, kind,
						headers.containsKey("ce_id") ? id : null, List.copyOf(groups)));
			}
		}
		phase.note("wrote " + slot + " poison records");
	}

	private static Map<String, String> cloudEvent(String id, String type) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("ce_specversion", "1.0");
		headers.put("ce_id", id);
		headers.put("ce_source", "/faults/poison");
		headers.put("ce_type", type);
		headers.put("content-type", "application/json");
		return headers;
	}

	private static int status(String url) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private Faults() {
	}

}
