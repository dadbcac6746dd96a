package com.kreativnomentorstvo.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.awaitility.core.ConditionTimeoutException;

import com.kreativnomentorstvo.faults.Ledger.Phase;

/**
 * Runs the load through one fault after another on a running {@link Stack}: a baseline phase
 * without a fault first, then each fault of each round. In a phase, programmes of load start one
 * after another; the fault is injected while they run, held, and lifted; the suite measures how
 * long latency takes to come back, and waits for the load to finish before the next phase.
 */
final class FaultSuite {

	/** The webhook subscriptions: one for an administrator (every type), one for the organiser's coordinator. */
	private final Map<String, Set<String>> subscribers = new LinkedHashMap<>();

	private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

	/** Types the organiser's coordinator subscribes to: what a partner's CRM would want. */
	private static final List<String> ORGANISER_TYPES = List.of("mentoring.participant.enrolled.v1",
			"mentoring.participant.admitted.v1", "mentoring.match.proposed.v1", "mentoring.match.accepted.v1",
			"mentoring.mentorship.started.v1", "mentoring.session.scheduled.v1", "mentoring.session.rescheduled.v1");

	private static final Duration RECOVERY_WAIT = Duration.ofSeconds(60);

	private final Stack stack;

	private final Kafka kafka;

	private final FaultSize size;

	private final Ledger ledger = new Ledger();

	private final Api api;

	private final String run = UUID.randomUUID().toString().substring(0, 4);

	private Probe probe;

	private Map<String, Long> baseline = Map.of();

	FaultSuite(Stack stack, Kafka kafka, FaultSize size) {
		this.stack = stack;
		this.kafka = kafka;
		this.size = size;
		this.api = new Api(stack.gateway(), Duration.ofSeconds(30));
	}

	Stack stack() {
		return stack;
	}

	Kafka kafka() {
		return kafka;
	}

	Ledger ledger() {
		return ledger;
	}

	Api api() {
		return api;
	}

	Map<String, Set<String>> subscribers() {
		return subscribers;
	}

	/** A subscriber's subscription, and a token of its owner (who may read its delivery log). */
	record Subscription(String id, Supplier<String> owner) {
	}

	Subscription subscription(String subscriber) {
		return subscriptions.get(subscriber);
	}

	Map<String, Long> baseline() {
		return baseline;
	}

	void run() throws Exception {
		String probeProgramme = setUp();
		probe = new Probe(api, Map.of("participant-service", "/api/v1/programmes/" + probeProgramme,
				"matching-service", "/api/v1/programmes/" + probeProgramme + "/matches?size=1", "session-service",
				"/api/v1/mentorships?programmeId=" + probeProgramme + "&size=1", "notification-service",
				"/api/v1/webhooks?size=1"), () -> stack.tokens().admin());
		probe.start();
		try {
			Phase first = phase(0, null);
			Instant warm = first.started.plusSeconds(3);
			baseline = probe.medians(warm.isBefore(first.ended) ? warm : first.started, first.ended);
			first.note("baseline median latency through the gateway (ms): " + baseline);
			for (int round = 1; round <= size.rounds(); round++) {
				for (Fault fault : size.faults().get(round - 1)) {
					phase(size.rounds() == 1 ? 0 : round, fault);
				}
			}
		}
		finally {
			probe.close();
		}
	}

	/** Organisations, webhook subscriptions, and a programme the latency probe reads. */
	private String setUp() {
		String admin = stack.tokens().admin();
		for (String organisation : List.of(Ids.ORGANISER, Ids.PARTNER)) {
			until("organisation " + organisation, () -> {
				Api.Response registered = api.send("POST", "/api/v1/organisations", admin, """
						{"id": "%s", "name": "Faults %s", "country": "RS", "kind": "ngo"}
						""".formatted(organisation, organisation));
				return registered.ok() || registered.status() == 409;
			});
		}
		List<String> offered = new ArrayList<>();
		until("the webhook event types", () -> {
			Api.Response types = api.get("/api/v1/webhooks/event-types", admin);
			if (types.ok()) {
				offered.clear();
				types.json().forEach(type -> offered.add(type.asString()));
			}
			return types.ok();
		});
		subscribers.put("everything", new LinkedHashSet<>(offered));
		subscribers.put("organiser", new LinkedHashSet<>(ORGANISER_TYPES));
		subscribe("everything", () -> stack.tokens().admin());
		subscribe("organiser", () -> stack.tokens().coordinator(Ids.ORGANISER));
		String probeProgramme = "prog-f-" + run + "-probe";
		until("the probe's programme", () -> {
			Api.Response created = api.send("POST", "/api/v1/programmes", admin, """
					{"id": "%s", "name": "Faults probe", "organiserId": "%s", "startsOn": "2030-01-01",
					 "endsOn": "2030-06-30", "timeZone": "Europe/Belgrade", "languages": ["en"],
					 "enrolmentOpensOn": "2029-12-01", "enrolmentClosesOn": "2029-12-20"}
					""".formatted(probeProgramme, Ids.ORGANISER));
			return created.ok() || created.status() == 409;
		});
		until("every service knows the probe's programme",
				() -> api.get("/api/v1/programmes/" + probeProgramme + "/matches?size=1", admin).ok()
						&& api.get("/api/v1/mentorships?programmeId=" + probeProgramme + "&size=1", admin).ok());
		return probeProgramme;
	}

	private void subscribe(String subscriber, Supplier<String> owner) {
		StringBuilder types = new StringBuilder();
		subscribers.get(subscriber).forEach(type -> types.append(types.length() == 0 ? "\"" : ", \"").append(type).append('"'));
		until("webhook " + subscriber, () -> {
			Api.Response created = api.send("POST", "/api/v1/webhooks", owner.get(), """
					{"url": "%s", "eventTypes": [%s], "secret": "faults-suite-webhook-secret-%s",
					 "description": "fault-injection suite: %s", "contactEmail": "webhooks@faults.example.org"}
					""".formatted(stack.webhookUrl(subscriber), types, subscriber, subscriber));
			if (created.ok()) {
				subscriptions.put(subscriber, new Subscription(created.json().path("id").asString(), owner));
			}
			return created.ok();
		});
	}

	private static void until(String what, java.util.function.BooleanSupplier done) {
		await(what).atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
			.until(done::getAsBoolean);
	}

	/** One phase: the load, and the fault (none for the baseline) injected into it. */
	private Phase phase(int round, Fault fault) throws Exception {
		Phase phase = new Phase(round, fault == null ? "baseline" : fault.name(),
				fault == null ? "no fault: the load alone, for the latency baseline" : fault.description());
		ledger.phases.add(phase);
		int index = ledger.phases.size() - 1;
		System.out.printf("[faults] phase %d: %s%n", index, phase.name());
		phase.started = Instant.now();
		Duration hold = fault == null ? Duration.ZERO : fault.hold();
		Duration deadline = size.injectAfter().plus(hold).plus(Duration.ofMinutes(5));
		ScheduledExecutorService load = Executors.newScheduledThreadPool(size.cohorts(), runnable -> {
			Thread thread = new Thread(runnable, "load-" + index);
			thread.setDaemon(true);
			return thread;
		});
		List<Future<?>> cohorts = new ArrayList<>();
		for (int k = 0; k < size.cohorts(); k++) {
			String programme = "prog-f-" + run + "-" + index + "-" + k;
			cohorts.add(load.schedule(new Cohort(api, stack.tokens(), ledger, phase, programme, size.pairs(), deadline),
					size.stagger().toMillis() * k, TimeUnit.MILLISECONDS));
		}
		if (fault != null) {
			pause(size.injectAfter());
			fault.inject().run(this, phase);
			phase.injected = Instant.now();
			System.out.printf("[faults]   injected: %s%n", fault.description());
			Instant end = phase.injected.plus(hold);
			await("the fault's hold").atMost(hold.plusSeconds(30))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> {
					fault.watch().run(this, phase);
					return !Instant.now().isBefore(end);
				});
			Instant lifting = Instant.now();
			fault.lift().run(this, phase);
			phase.lifted = Instant.now();
			System.out.printf("[faults]   lifted after %d s (%d s to lift)%n",
					Duration.between(phase.injected, phase.lifted).toSeconds(),
					Duration.between(lifting, phase.lifted).toSeconds());
			Map<String, Integer> answers = new java.util.TreeMap<>();
			ledger.writes.stream()
				.filter(w -> w.phase() == phase && !w.at().isBefore(phase.injected) && w.at().isBefore(phase.lifted))
				.forEach(w -> answers.merge(w.status() < 0 ? "no answer" : Integer.toString(w.status()), 1, Integer::sum));
			phase.note("writes while the fault lasted, by answer: " + answers
					+ " (404 and 422: a step that waits for an event to arrive downstream, retried)");
			measureRecovery(phase);
			if (fault.outage() != null) {
				outageAnswers(phase, fault.outage());
			}
		}
		for (Future<?> cohort : cohorts) {
			try {
				cohort.get(deadline.plusMinutes(1).toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException stuck) {
				phase.finding("the load of a programme did not finish");
			}
			catch (java.util.concurrent.ExecutionException failed) {
				phase.finding("the load of a programme failed: " + failed.getCause());
			}
		}
		load.shutdownNow();
		phase.ended = Instant.now();
		System.out.printf("[faults]   phase done in %d s: %d requests sent, %d acknowledged%n",
				Duration.between(phase.started, phase.ended).toSeconds(), phase.sent.get(), phase.acknowledged.get());
		return phase;
	}

	/** Until every service's median latency is back within 2x of its baseline (at most a minute). */
	private void measureRecovery(Phase phase) {
		Instant from = phase.lifted;
		try {
			await("latency back within 2x of the baseline").atMost(RECOVERY_WAIT.plus(Probe.WINDOW))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> probe.recoveredAt(baseline, from, Instant.now()).isPresent());
		}
		catch (ConditionTimeoutException notYet) {
			// recorded below
		}
		phase.recoveryMeasured = true;
		phase.recovery = probe.recoveredAt(baseline, from, Instant.now())
			.map(at -> Duration.between(from, at))
			.orElse(null);
		if (phase.recovery == null) {
			phase.finding("latency not back within 2x of the baseline " + RECOVERY_WAIT.toSeconds()
					+ " s after the fault ended (medians then: " + probe.medians(Instant.now().minus(Probe.WINDOW),
							Instant.now()) + ", baseline " + baseline + ")");
		}
		else if (phase.recovery.compareTo(Duration.ofSeconds(30)) > 0) {
			phase.finding("latency back within 2x of the baseline only after " + phase.recovery.toSeconds() + " s");
		}
		else {
			System.out.printf("[faults]   latency back within 2x of the baseline %d s after the fault ended%n",
					phase.recovery.toSeconds());
		}
	}

	/**
	 * While the store was away: each read of an affected service answered within 2 s, with 503 and
	 * Retry-After (or a success), never a 500 and never after the gateway's timeout.
	 */
	private void outageAnswers(Phase phase, String outage) {
		List<Probe.Sample> during = probe.between(phase.injected, phase.lifted.minusSeconds(2))
			.stream()
			.filter(s -> outage.equals("*") || outage.equals(s.service()))
			.toList();
		Map<String, Integer> wrong = new LinkedHashMap<>();
		long slowest = 0;
		int right = 0;
		for (Probe.Sample sample : during) {
			slowest = Math.max(slowest, sample.millis());
			boolean quick = sample.millis() <= 2500;
			if (quick && (sample.ok() || (sample.status() == 503 && sample.retryAfter()))) {
				right++;
			}
			else {
				String answer = (sample.status() < 0 ? "no answer" : sample.status()
						+ (sample.status() == 503 && !sample.retryAfter() ? " without Retry-After" : ""))
						+ (quick ? "" : " after more than 2.5 s");
				wrong.merge(answer, 1, Integer::sum);
			}
		}
		phase.note("reads of " + (outage.equals("*") ? "every service" : outage) + " while the store was away: " + right
				+ " of " + during.size() + " answered within 2 s with 503 + Retry-After (or 2xx); slowest " + slowest
				+ " ms");
		if (!wrong.isEmpty()) {
			phase.finding("while the store was away, " + (during.size() - right) + " of " + during.size()
					+ " reads were not a 503 with Retry-After within 2 s: " + wrong);
		}
	}

	private static void pause(Duration duration) {
		try {
			await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
		}
		catch (ConditionTimeoutException ignored) {
			// cannot happen: the condition holds at once
		}
	}

}
