package com.kreativnomentorstvo.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How much the suite does. {@code reduced} runs inside {@code ./mvnw verify} in a few minutes: the
 * faults that each guard one mechanism (broker down: the outbox and readiness; a consumer killed
 * and replayed from offset 0: exactly once; poison: dead letters; a consumer without its store:
 * infrastructure errors retried, not dead-lettered). {@code full} ({@code -Dfaults.size=full}) runs
 * every fault, in three rounds, with at least 10,000 events.
 *
 * @param cohorts programmes of load per phase
 * @param pairs mentor-mentee pairs per programme
 * @param stagger between the start of one programme's load and the next
 * @param injectAfter from the start of a phase's load to the fault
 * @param minimumEvents the run fails if the load caused fewer events
 */
record FaultSize(String name, int rounds, int cohorts, int pairs, Duration stagger, Duration injectAfter,
		long minimumEvents, List<List<Fault>> faults) {

	static FaultSize of(String name) {
		return switch (name == null || name.isBlank() ? "reduced" : name.strip()) {
			case "reduced" -> reduced();
			case "full" -> full();
			default -> throw new IllegalArgumentException("faults.size is reduced or full, not " + name);
		};
	}

	/**
	 * The store is away for 90 s: longer than the 7 attempts (about 35 s) after which a failure of
	 * unknown kind is dead-lettered, also for an event that arrives in the middle of the outage, so
	 * that taking out the infrastructure classification makes the suite fail (at 45 s it did not).
	 */
	static FaultSize reduced() {
		return new FaultSize("reduced", 1, 2, 3, Duration.ofSeconds(4), Duration.ofSeconds(3), 0,
				List.of(List.of(Faults.brokerKilled(Duration.ofSeconds(10)),
						Faults.killedAndReplayed("notification-service"), Faults.poison(),
						Faults.storeDropped("notification-service", Duration.ofSeconds(90)))));
	}

	static FaultSize full() {
		List<List<Fault>> rounds = new ArrayList<>();
		List<String> rotation = List.of("notification-service", "session-service", "matching-service",
				"participant-service");
		for (int round = 0; round < 3; round++) {
			String one = rotation.get(round % rotation.size());
			String other = rotation.get((round + 1) % rotation.size());
			List<Fault> faults = new ArrayList<>();
			faults.add(Faults.brokerKilled(Duration.ofSeconds(30)));
			for (String part : List.of("participant-service", "matching-service", "session-service",
					"notification-service", "gateway")) {
				faults.add(Faults.killed(part));
			}
			faults.add(Faults.storeStopped(Duration.ofMinutes(2)));
			faults.add(Faults.brokerLatency(one, Duration.ofMillis(250), Duration.ofSeconds(45)));
			faults.add(Faults.brokerDropped(other, Duration.ofSeconds(30)));
			faults.add(Faults.storeLatency(other, Duration.ofMillis(150), Duration.ofSeconds(45)));
			faults.add(Faults.storeDropped(one, Duration.ofSeconds(90)));
			faults.add(Faults.poison());
			faults.add(round == 0 ? Faults.killedAndReplayed(one) : Faults.replayed(one.equals("participant-service")
					? "notification-service" : one));
			rounds.add(faults);
		}
		return new FaultSize("full", 3, 3, 4, Duration.ofSeconds(8), Duration.ofSeconds(6), 10_000, rounds);
	}

}
