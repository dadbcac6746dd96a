package com.kreativnomentorstvo.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything the load did and the faults did to it, as the suite later checks it: the phases (one
 * per fault), each request the load sent and whether it was acknowledged, the people, pairs and
 * sessions that should exist, and the poison records that should be parked.
 */
final class Ledger {

	final List<Phase> phases = new CopyOnWriteArrayList<>();

	final Map<String, Person> people = new ConcurrentHashMap<>();

	final Map<String, Pair> pairs = new ConcurrentHashMap<>();

	final Map<String, Phase> programmes = new ConcurrentHashMap<>();

	final List<Poison> poisons = new CopyOnWriteArrayList<>();

	final List<Write> writes = new CopyOnWriteArrayList<>();

	/** Whether an operation took effect, as far as the load knows. */
	enum Outcome {

		/** Acknowledged (2xx), or found in place by a read after an answer that said nothing. */
		CONFIRMED,

		/** Sent, never acknowledged, and not found by a read: it may or may not have taken effect. */
		UNCERTAIN,

		/** Not sent (an earlier step never completed). */
		NOT_DONE;

		boolean confirmed() {
			return this == CONFIRMED;
		}

		/** How many times its effect may be there at most. */
		int atMost() {
			return this == NOT_DONE ? 0 : 1;
		}

		/** How many times its effect must be there at least. */
		int atLeast() {
			return this == CONFIRMED ? 1 : 0;
		}

	}

	/** One fault and the load that ran through it. */
	static final class Phase {

		final int round;

		final String fault;

		final String description;

		final AtomicInteger sent = new AtomicInteger();

		final AtomicInteger acknowledged = new AtomicInteger();

		volatile Instant started;

		volatile Instant injected;

		volatile Instant lifted;

		volatile Instant ended;

		/** From the fault's end until latency was back within 2x of the baseline; null if it never was. */
		volatile Duration recovery;

		volatile boolean recoveryMeasured;

		/** Checks that failed, in words. */
		final List<String> findings = new CopyOnWriteArrayList<>();

		/** What was observed along the way (not failures). */
		final List<String> notes = new CopyOnWriteArrayList<>();

		int observed;

		int lost;

		int duplicated;

		int deadLettered;

		Phase(int round, String fault, String description) {
			this.round = round;
			this.fault = fault;
			this.description = description;
		}

		String name() {
			return round == 0 ? fault : fault + " (round " + round + ")";
		}

		void finding(String text) {
			findings.add(text);
			System.out.println("[faults] FINDING " + name() + ": " + text);
		}

		void note(String text) {
			notes.add(text);
			System.out.println("[faults] " + name() + ": " + text);
		}

	}

	/** A request of the load that changes something. */
	record Write(Phase phase, String kind, String key, boolean acknowledged, Instant at, int status, long millis) {
	}

	/** An enrolment. */
	static final class Person {

		final String id;

		final String role;

		final String email;

		final String organisationId;

		final String programmeId;

		final Phase phase;

		volatile String accountId;

		volatile Outcome enrolled = Outcome.NOT_DONE;

		volatile Outcome admitted = Outcome.NOT_DONE;

		Person(String id, String role, String email, String organisationId, String programmeId, Phase phase) {
			this.id = id;
			this.role = role;
			this.email = email;
			this.organisationId = organisationId;
			this.programmeId = programmeId;
			this.phase = phase;
		}

		boolean mentor() {
			return "MENTOR".equals(role);
		}

	}

	/** A mentor and a mentee the load pairs, and what it did with the pair. */
	static final class Pair {

		final Person mentor;

		final Person mentee;

		final Phase phase;

		volatile String matchId;

		volatile Outcome proposed = Outcome.NOT_DONE;

		volatile Outcome menteeAccepted = Outcome.NOT_DONE;

		volatile Outcome mentorAccepted = Outcome.NOT_DONE;

		volatile String mentorshipId;

		final List<Session> sessions = new CopyOnWriteArrayList<>();

		Pair(Person mentor, Person mentee, Phase phase) {
			this.mentor = mentor;
			this.mentee = mentee;
			this.phase = phase;
		}

		Outcome started() {
			if (menteeAccepted.confirmed() && mentorAccepted.confirmed()) {
				return Outcome.CONFIRMED;
			}
			return menteeAccepted == Outcome.NOT_DONE || mentorAccepted == Outcome.NOT_DONE ? Outcome.NOT_DONE
					: Outcome.UNCERTAIN;
		}

	}

	/** A session the load booked, and where it moved it. */
	static final class Session {

		final String start;

		volatile String id;

		volatile Outcome booked = Outcome.NOT_DONE;

		volatile String movedTo;

		volatile Outcome moved = Outcome.NOT_DONE;

		Session(String start) {
			this.start = start;
		}

	}

	/** A record that can never be applied, written straight to a topic. */
	record Poison(Phase phase, String topic, int partition, long offset, String kind, String eventId,
			List<String> consumerGroups) {
	}

	Write write(Phase phase, String kind, String key, Api.Response response) {
		phase.sent.incrementAndGet();
		if (response.ok()) {
			phase.acknowledged.incrementAndGet();
		}
		Write write = new Write(phase, kind, key, response.ok(), Instant.now(), response.status(), response.millis());
		writes.add(write);
		return write;
	}

	List<Pair> pairsOf(Phase phase) {
		List<Pair> found = new ArrayList<>();
		pairs.values().stream().filter(p -> p.phase == phase).forEach(found::add);
		return found;
	}

}
