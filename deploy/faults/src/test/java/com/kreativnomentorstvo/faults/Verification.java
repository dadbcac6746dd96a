package com.kreativnomentorstvo.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

import com.kreativnomentorstvo.faults.Ledger.Outcome;
import com.kreativnomentorstvo.faults.Ledger.Pair;
import com.kreativnomentorstvo.faults.Ledger.Person;
import com.kreativnomentorstvo.faults.Ledger.Phase;
import com.kreativnomentorstvo.faults.Ledger.Poison;
import com.kreativnomentorstvo.faults.Ledger.Session;
import com.kreativnomentorstvo.faults.Ledger.Write;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * What the suite checks once the load is over and the platform has had time to catch up, from
 * outside, as a person or an integration would see it: each service's API through the gateway, the
 * mail that reached the SMTP server, the webhooks that reached the receiver, the records on every
 * topic (dead-letter topics included), the consumer groups' offsets and the services' logs.
 *
 * <ul>
 * <li><b>0 lost</b>: every acknowledged request is in every projection that should hold it: its
 * event on the topic, the owning service's state, the other services' state (matches, mentorships,
 * sessions), the people's inboxes, their e-mails, both webhook subscribers;</li>
 * <li><b>nothing twice</b>: one mentorship per accepted match, one notification per cause, one
 * e-mail per notification, one webhook delivery per event and subscriber, one application per
 * event and consumer group (the services' "Applied" log lines);</li>
 * <li><b>poison parked</b>: each poison record on the dead-letter topic of every group that reads its
 * topic, with the reason, the partition's later records applied; nothing else dead-lettered;</li>
 * <li>every consumer group caught up with every partition.</li>
 * </ul>
 */
final class Verification {

	/** The services log each event they apply with this line, and each one they skip as a duplicate with "Skipped". */
	private static final Pattern APPLIED = Pattern.compile("Applied (mentoring\\.[\\w.-]+) (\\S+) from ");

	private static final List<String> ENROLMENT_KINDS = List.of("application-received", "enrolment-confirmed");

	private final FaultSuite suite;

	private final Ledger ledger;

	private final Api api;

	private final Tokens tokens;

	/** The events on the topics, by id (first copy). */
	private final Map<String, Kafka.Record> events = new HashMap<>();

	/** "type|value of an *Id field of its data" to the ids of the events that carry it. */
	private final Map<String, Set<String>> eventIndex = new HashMap<>();

	/** Copies of events on the topics beyond the first (the relay publishes at least once). */
	private int republished;

	private final Map<String, PersonFacts> people = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Integer>> mentorships = new ConcurrentHashMap<>();

	private final Map<String, JsonNode> matches = new ConcurrentHashMap<>();

	private final Map<String, JsonNode> sessions = new ConcurrentHashMap<>();

	private final Map<String, Integer> sessionsPerMentorship = new ConcurrentHashMap<>();

	private final Map<String, Boolean> programmes = new ConcurrentHashMap<>();

	private Mail mail;

	private Map<String, Map<String, Integer>> webhooks;

	/** Subscriber to event id to every request that carried the event, as the receiver took them. */
	private Map<String, Map<String, List<WebhookReceiver.Delivery>>> webhookRequests;

	/** Kinds of notification that some recipient got by e-mail: the defaults send these. */
	private final Set<String> mailedKinds = new HashSet<>();

	Verification(FaultSuite suite) {
		this.suite = suite;
		this.ledger = suite.ledger();
		this.api = suite.api();
		this.tokens = suite.stack().tokens();
	}

	/** Distinct events the load caused on the event topics (poison not counted). */
	int events() {
		return events.size();
	}

	/** Waits for the platform to catch up, checks, and writes the figures and findings into each phase. */
	List<String> run(Duration settle) throws Exception {
		List<String> global = new ArrayList<>();
		Instant began = Instant.now();
		awaitConsumersCaughtUp(settle, global);
		Instant deadline = Instant.now().plus(settle);
		int passes = 0;
		List<String> missing;
		do {
			passes++;
			gather(passes == 1);
			missing = missing();
			if (missing.isEmpty()) {
				break;
			}
			System.out.printf("[faults] verification pass %d: %d effects still missing (e.g. %s)%n", passes,
					missing.size(), missing.get(0));
			try {
				await("the platform catches up").pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
					.until(() -> true);
			}
			catch (ConditionTimeoutException ignored) {
				// the pause between passes
			}
		}
		while (Instant.now().isBefore(deadline));
		// a last complete pass: duplicates may have arrived while the rest caught up
		gather(true);
		evaluate(global);
		System.out.printf("[faults] verified in %d s (%d passes)%n", Duration.between(began, Instant.now()).toSeconds(),
				passes + 1);
		return global;
	}

	// ----------------------------------------------------------------------------------------- gathering

	private void awaitConsumersCaughtUp(Duration atMost, List<String> global) throws Exception {
		try {
			await("every consumer group has read every partition").atMost(atMost)
				.pollInterval(Duration.ofSeconds(2))
				.ignoreExceptions()
				.until(() -> lag().isEmpty());
		}
		catch (ConditionTimeoutException stuck) {
			global.add("consumer groups still behind after " + atMost.toSeconds() + " s: " + lag());
		}
	}

	/** Partitions a consumer group has not read to the end, with how far behind it is. */
	private Map<String, Long> lag() throws Exception {
		Map<String, Long> behind = new TreeMap<>();
		for (Map.Entry<String, List<String>> group : Stack.CONSUMED.entrySet()) {
			Map<TopicPartition, Long> committed = suite.kafka().committed(group.getKey());
			for (String topic : group.getValue()) {
				for (Map.Entry<TopicPartition, Long> end : suite.kafka().endOffsets(topic).entrySet()) {
					long at = committed.getOrDefault(end.getKey(), 0L);
					if (at < end.getValue()) {
						behind.put(group.getKey() + " " + end.getKey(), end.getValue() - at);
					}
				}
			}
		}
		return behind;
	}

	private void gather(boolean everything) throws Exception {
		scanEvents();
		mail = new Mail(suite.stack().mail().getReceivedMessages());
		webhooks = webhookCounts();
		ledger.programmes.keySet().parallelStream().forEach(this::gatherProgramme);
		ledger.people.values().parallelStream().forEach(person -> {
			PersonFacts known = people.get(person.id);
			if (everything || known == null || !known.settled) {
				people.put(person.id, gatherPerson(person));
			}
		});
		mailedKinds.clear();
		people.values().forEach(facts -> facts.deliveries.forEach(d -> mailedKinds.add(d.path("kind").asString())));
	}

	private void scanEvents() {
		events.clear();
		eventIndex.clear();
		republished = 0;
		for (String topic : Topic.EVENTS) {
			for (Kafka.Record record : suite.kafka().readAll(topic)) {
				String id = record.eventId();
				if (id == null || id.startsWith("poison-") || record.value() == null) {
					continue;
				}
				if (events.putIfAbsent(id, record) != null) {
					republished++;
					continue;
				}
				try {
					index(record.type(), id, Api.JSON.readTree(record.value()));
				}
				catch (RuntimeException notJson) {
					// not the suite's business here: poison is checked apart
				}
			}
		}
	}

	/** Indexes the event under every id its data carries, at any depth ({@code profile.participantId}, ...). */
	private void index(String type, String eventId, JsonNode node) {
		if (node.isArray()) {
			node.forEach(element -> index(type, eventId, element));
			return;
		}
		node.properties().forEach(field -> {
			JsonNode value = field.getValue();
			if (value.isString() && (field.getKey().endsWith("Id") || field.getKey().equals("acceptedBy"))) {
				eventIndex.computeIfAbsent(type + "|" + field.getKey() + "=" + value.asString(), key -> new HashSet<>())
					.add(eventId);
			}
			else if (value.isObject() || value.isArray()) {
				index(type, eventId, value);
			}
		});
	}

	private Map<String, Map<String, Integer>> webhookCounts() {
		Map<String, Map<String, Integer>> counts = new HashMap<>();
		webhookRequests = new HashMap<>();
		for (WebhookReceiver.Delivery delivery : suite.stack().webhooks().deliveries()) {
			counts.computeIfAbsent(delivery.subscriber(), s -> new HashMap<>()).merge(delivery.eventId(), 1, Integer::sum);
			webhookRequests.computeIfAbsent(delivery.subscriber(), s -> new HashMap<>())
				.computeIfAbsent(delivery.eventId(), e -> new ArrayList<>())
				.add(delivery);
		}
		return counts;
	}

	private void gatherProgramme(String programmeId) {
		String admin = tokens.admin();
		programmes.put(programmeId, api.get("/api/v1/programmes/" + programmeId, admin).ok());
		Api.Response found = api.get("/api/v1/mentorships?programmeId=" + programmeId + "&size=100", admin);
		if (found.ok()) {
			Map<String, Integer> byMatch = new HashMap<>();
			for (JsonNode mentorship : found.json().path("items")) {
				byMatch.merge(mentorship.path("matchId").asString(), 1, Integer::sum);
				String id = mentorship.path("id").asString();
				Api.Response listed = api.get("/api/v1/mentorships/" + id + "/sessions?size=100", admin);
				if (listed.ok()) {
					sessionsPerMentorship.put(id, listed.json().path("items").size());
				}
			}
			mentorships.put(programmeId, byMatch);
		}
		for (Pair pair : ledger.pairs.values()) {
			if (!pair.mentor.programmeId.equals(programmeId)) {
				continue;
			}
			if (pair.matchId != null) {
				Api.Response match = api.get("/api/v1/matches/" + pair.matchId, admin);
				if (match.ok()) {
					matches.put(pair.matchId, match.json());
				}
			}
			for (Session session : pair.sessions) {
				if (session.id != null) {
					Api.Response read = api.get("/api/v1/sessions/" + session.id, admin);
					if (read.ok()) {
						sessions.put(session.id, read.json());
					}
				}
			}
		}
	}

	/** What the platform holds about one person. */
	private static final class PersonFacts {

		String status;

		final Map<String, Integer> kinds = new TreeMap<>();

		final List<JsonNode> notifications = new ArrayList<>();

		final List<JsonNode> deliveries = new ArrayList<>();

		boolean settled;

	}

	private PersonFacts gatherPerson(Person person) {
		String admin = tokens.admin();
		PersonFacts facts = new PersonFacts();
		Api.Response participant = api.get("/api/v1/participants/" + person.id, admin);
		facts.status = participant.ok() ? participant.json().path("status").asString() : null;
		Api.Response inbox = api.get("/api/v1/notifications?recipientId=" + person.id + "&size=100", admin);
		if (inbox.ok()) {
			for (JsonNode item : inbox.json().path("items")) {
				facts.notifications.add(item);
				facts.kinds.merge(item.path("kind").asString(), 1, Integer::sum);
			}
		}
		Api.Response log = api.get("/api/v1/notifications/deliveries?recipientId=" + person.id + "&size=100", admin);
		if (log.ok()) {
			log.json().path("items").forEach(facts.deliveries::add);
		}
		facts.settled = participant.ok() && inbox.ok() && log.ok()
				&& facts.deliveries.stream().allMatch(d -> "DELIVERED".equals(d.path("status").asString()))
				&& expectedKinds(person).entrySet().stream()
					.allMatch(e -> facts.kinds.getOrDefault(e.getKey(), 0) >= e.getValue()[0]);
		return facts;
	}

	// ----------------------------------------------------------------------------------------- expectations

	/** Kind of notification to {at least, at most} for the person, from what the load did. */
	private Map<String, int[]> expectedKinds(Person person) {
		Map<String, int[]> expected = new LinkedHashMap<>();
		expected.put("enrolment", new int[] { person.enrolled.atLeast(), person.enrolled.atMost() });
		expected.put("admitted", new int[] { person.admitted.atLeast(), person.admitted.atMost() });
		Pair pair = pairOf(person);
		if (pair != null) {
			Outcome otherAccepted = person.mentor() ? pair.menteeAccepted : pair.mentorAccepted;
			expected.put("match-proposed", new int[] { pair.proposed.atLeast(), pair.proposed.atMost() });
			expected.put("match-accepted", new int[] { otherAccepted.atLeast(), otherAccepted.atMost() });
			expected.put("mentorship-started", new int[] { pair.started().atLeast(), pair.started().atMost() });
			int[] scheduled = new int[2];
			int[] rescheduled = new int[2];
			for (Session session : pair.sessions) {
				scheduled[0] += session.booked.atLeast();
				scheduled[1] += session.booked.atMost();
				rescheduled[0] += session.moved.atLeast();
				rescheduled[1] += session.moved.atMost();
			}
			expected.put("session-scheduled", scheduled);
			expected.put("session-rescheduled", rescheduled);
		}
		return expected;
	}

	private int count(PersonFacts facts, String kind) {
		if (kind.equals("enrolment")) {
			return ENROLMENT_KINDS.stream().mapToInt(k -> facts.kinds.getOrDefault(k, 0)).sum();
		}
		return facts.kinds.getOrDefault(kind, 0);
	}

	private Pair pairOf(Person person) {
		for (Pair pair : ledger.pairs.values()) {
			if (pair.mentor == person || pair.mentee == person) {
				return pair;
			}
		}
		return null;
	}

	// ----------------------------------------------------------------------------------------- operations

	/** Whether an event of the type carries the value in a field, e.g. ("mentoring.match.accepted.v1", "matchId", id). */
	private boolean event(String type, String field, String value) {
		return !eventIndex.getOrDefault(type + "|" + field + "=" + value, Set.of()).isEmpty();
	}

	private Set<String> eventIds(String type, String field, String value) {
		return eventIndex.getOrDefault(type + "|" + field + "=" + value, Set.of());
	}

	/** Both subscribers received the events, each at least once. */
	private void webhooks(Collection<String> eventIds, String what, List<String> missing) {
		if (eventIds.isEmpty()) {
			return;
		}
		for (String subscriber : suite.subscribers().keySet()) {
			Set<String> types = suite.subscribers().get(subscriber);
			for (String id : eventIds) {
				Kafka.Record event = events.get(id);
				if (event != null && types.contains(event.type()) && mayReceive(subscriber, event)
						&& webhooks.getOrDefault(subscriber, Map.of()).getOrDefault(id, 0) == 0) {
					missing.add("webhook " + what + " to " + subscriber);
				}
			}
		}
	}

	/** The notification's e-mail arrived, if its kind goes by e-mail. */
	private void mailed(Person person, String kind, List<String> missing) {
		if (!mailedKinds.contains(kind)) {
			return;
		}
		PersonFacts facts = people.get(person.id);
		boolean delivered = facts.deliveries.stream()
			.anyMatch(d -> kind.equals(d.path("kind").asString()) && "DELIVERED".equals(d.path("status").asString())
					&& !mail.copies(d.path("notificationId").asString()).isEmpty());
		if (!delivered) {
			missing.add(kind + " e-mail to " + person.id);
		}
	}

	private void notified(Person person, String kind, int atLeast, List<String> missing) {
		PersonFacts facts = people.get(person.id);
		if (facts == null || count(facts, kind) < atLeast) {
			missing.add(kind + " notification of " + person.id);
		}
		else if (!kind.equals("enrolment")) {
			mailed(person, kind, missing);
		}
	}

	/** What is missing of one acknowledged write's effects. */
	private List<String> effects(Write write) {
		List<String> missing = new ArrayList<>();
		switch (write.kind()) {
			case "programme" -> {
				if (!Boolean.TRUE.equals(programmes.get(write.key()))) {
					missing.add("programme " + write.key() + " in participant-service");
				}
				if (!event("mentoring.programme.created.v1", "programmeId", write.key())) {
					missing.add("programme.created of " + write.key());
				}
			}
			case "enrol" -> {
				Person person = ledger.people.get(write.key());
				PersonFacts facts = people.get(person.id);
				if (facts == null || facts.status == null) {
					missing.add("participant " + person.id + " in participant-service");
				}
				Set<String> enrolled = eventIds("mentoring.participant.enrolled.v1", "participantId", person.id);
				if (enrolled.isEmpty()) {
					missing.add("participant.enrolled of " + person.id);
				}
				notified(person, "enrolment", 1, missing);
				webhooks(enrolled, "participant.enrolled of " + person.id, missing);
			}
			case "admit" -> {
				Person person = ledger.people.get(write.key());
				PersonFacts facts = people.get(person.id);
				if (facts == null || !List.of("ACCEPTED", "ACTIVE").contains(String.valueOf(facts.status))) {
					missing.add("admission of " + person.id + " in participant-service (status "
							+ (facts == null ? null : facts.status) + ")");
				}
				Set<String> admitted = eventIds("mentoring.participant.admitted.v1", "participantId", person.id);
				if (admitted.isEmpty()) {
					missing.add("participant.admitted of " + person.id);
				}
				notified(person, "admitted", 1, missing);
				webhooks(admitted, "participant.admitted of " + person.id, missing);
			}
			case "publish" -> {
				String programmeId = write.key().substring(0, write.key().indexOf('/'));
				for (Pair pair : ledger.pairs.values()) {
					if (!pair.mentor.programmeId.equals(programmeId)) {
						continue;
					}
					if (pair.matchId == null || !matches.containsKey(pair.matchId)) {
						missing.add("match of " + pair.mentor.id + " and " + pair.mentee.id + " in matching-service");
						continue;
					}
					Set<String> proposed = eventIds("mentoring.match.proposed.v1", "matchId", pair.matchId);
					if (proposed.isEmpty()) {
						missing.add("match.proposed of " + pair.matchId);
					}
					notified(pair.mentor, "match-proposed", 1, missing);
					notified(pair.mentee, "match-proposed", 1, missing);
					webhooks(proposed, "match.proposed of " + pair.matchId, missing);
				}
			}
			case "accept" -> {
				String matchId = write.key().substring(0, write.key().indexOf('/'));
				boolean byMentor = write.key().endsWith("/MENTOR");
				Pair pair = ledger.pairs.values().stream().filter(p -> matchId.equals(p.matchId)).findFirst().orElseThrow();
				Person side = byMentor ? pair.mentor : pair.mentee;
				JsonNode match = matches.get(matchId);
				String field = byMentor ? "mentorAcceptedAt" : "menteeAcceptedAt";
				if (match == null || match.path(field).isMissingNode() || match.path(field).isNull()) {
					missing.add("acceptance by " + side.id + " in matching-service");
				}
				Set<String> accepted = eventIds("mentoring.match.accepted.v1", "acceptedBy", side.id);
				if (accepted.isEmpty()) {
					missing.add("match.accepted by " + side.id);
				}
				notified(byMentor ? pair.mentee : pair.mentor, "match-accepted", 1, missing);
				webhooks(accepted, "match.accepted by " + side.id, missing);
				if (pair.started().confirmed() && byMentor) {
					int held = mentorships.getOrDefault(pair.mentor.programmeId, Map.of()).getOrDefault(matchId, 0);
					if (held == 0) {
						missing.add("mentorship of " + matchId + " in session-service");
					}
					Set<String> started = eventIds("mentoring.mentorship.started.v1", "matchId", matchId);
					if (started.isEmpty()) {
						missing.add("mentorship.started of " + matchId);
					}
					notified(pair.mentor, "mentorship-started", 1, missing);
					notified(pair.mentee, "mentorship-started", 1, missing);
					webhooks(started, "mentorship.started of " + matchId, missing);
				}
			}
			case "book" -> {
				Pair pair = pairOfMentorship(write.key().substring(0, write.key().indexOf('@')));
				String start = write.key().substring(write.key().indexOf('@') + 1);
				Session session = pair == null ? null
						: pair.sessions.stream().filter(s -> s.start.equals(start)).findFirst().orElse(null);
				if (session == null || session.id == null || !sessions.containsKey(session.id)) {
					missing.add("session " + write.key() + " in session-service");
					break;
				}
				Set<String> scheduled = eventIds("mentoring.session.scheduled.v1", "sessionId", session.id);
				if (scheduled.isEmpty()) {
					missing.add("session.scheduled of " + session.id);
				}
				int booked = (int) pair.sessions.stream().filter(s -> s.booked.confirmed()).count();
				notified(pair.mentor, "session-scheduled", booked, missing);
				notified(pair.mentee, "session-scheduled", booked, missing);
				webhooks(scheduled, "session.scheduled of " + session.id, missing);
			}
			case "move" -> {
				Pair pair = null;
				Session session = null;
				for (Pair candidate : ledger.pairs.values()) {
					for (Session s : candidate.sessions) {
						if (write.key().equals(s.id)) {
							pair = candidate;
							session = s;
						}
					}
				}
				JsonNode held = session == null ? null : sessions.get(session.id);
				if (held == null || !held.path("start").asString().startsWith(session.movedTo)) {
					missing.add("move of session " + write.key() + " in session-service");
					break;
				}
				Set<String> rescheduled = eventIds("mentoring.session.rescheduled.v1", "sessionId", session.id);
				if (rescheduled.isEmpty()) {
					missing.add("session.rescheduled of " + session.id);
				}
				notified(pair.mentor, "session-rescheduled", 1, missing);
				notified(pair.mentee, "session-rescheduled", 1, missing);
				webhooks(rescheduled, "session.rescheduled of " + session.id, missing);
			}
			default -> {
				// a matching run holds nothing downstream: its publication does
			}
		}
		return missing;
	}

	private Pair pairOfMentorship(String mentorshipId) {
		return ledger.pairs.values().stream().filter(p -> mentorshipId.equals(p.mentorshipId)).findFirst().orElse(null);
	}

	/** Effects still missing for acknowledged writes, and e-mails not delivered. */
	private List<String> missing() {
		List<String> missing = new ArrayList<>();
		for (Write write : ledger.writes) {
			if (write.acknowledged()) {
				missing.addAll(effects(write));
			}
		}
		for (Map.Entry<String, PersonFacts> facts : people.entrySet()) {
			for (JsonNode delivery : facts.getValue().deliveries) {
				if (!"DELIVERED".equals(delivery.path("status").asString())) {
					missing.add(delivery.path("kind").asString() + " e-mail to " + facts.getKey() + " is "
							+ delivery.path("status").asString());
				}
			}
		}
		return missing;
	}

	// ----------------------------------------------------------------------------------------- evaluation

	private void evaluate(List<String> global) throws Exception {
		Map<Phase, List<String>> lostByPhase = new LinkedHashMap<>();
		Map<Phase, Integer> lostWrites = new HashMap<>();
		for (Write write : ledger.writes) {
			if (!write.acknowledged()) {
				continue;
			}
			List<String> missing = effects(write);
			if (!missing.isEmpty()) {
				lostWrites.merge(write.phase(), 1, Integer::sum);
				lostByPhase.computeIfAbsent(write.phase(), p -> new ArrayList<>())
					.add(write.kind() + " " + write.key() + ": missing " + String.join(", ", missing));
			}
		}
		for (Phase phase : ledger.phases) {
			phase.lost = lostWrites.getOrDefault(phase, 0);
			phase.observed = phase.acknowledged.get() - phase.lost;
			List<String> lost = lostByPhase.getOrDefault(phase, List.of());
			if (!lost.isEmpty()) {
				phase.finding(lost.size() + " acknowledged requests not in every projection, e.g. "
						+ String.join("; ", lost.subList(0, Math.min(3, lost.size()))));
			}
		}
		undelivered();
		duplicates(global);
		webhooksExactlyOnce(global);
		appliedOnce(global);
		deadLetters(global);
		if (republished > 0) {
			global.add("note: " + republished + " events were on their topic more than once (at-least-once relay;"
					+ " consumers must and did take them once)");
		}
		global.add("note: " + events.size() + " distinct events on the topics, " + mail.size() + " e-mails, "
				+ suite.stack().webhooks().deliveries().size() + " webhook deliveries");
	}

	private Phase phaseOf(String programmeId, Instant at) {
		Phase phase = programmeId == null ? null : ledger.programmes.get(programmeId);
		if (phase != null) {
			return phase;
		}
		Phase found = ledger.phases.get(0);
		for (Phase candidate : ledger.phases) {
			if (candidate.started != null && !candidate.started.isAfter(at)) {
				found = candidate;
			}
		}
		return found;
	}

	private void undelivered() {
		Map<Phase, List<String>> stuck = new LinkedHashMap<>();
		for (Map.Entry<String, PersonFacts> facts : people.entrySet()) {
			Person person = ledger.people.get(facts.getKey());
			for (JsonNode delivery : facts.getValue().deliveries) {
				String status = delivery.path("status").asString();
				if (!"DELIVERED".equals(status)) {
					stuck.computeIfAbsent(person.phase, p -> new ArrayList<>())
						.add(delivery.path("kind").asString() + " to " + person.id + " " + status + " ("
								+ delivery.path("lastError").asString("") + delivery.path("failureReason").asString("") + ")");
				}
			}
			// an inbox notification of a kind that goes by e-mail has its e-mail
			for (JsonNode notification : facts.getValue().notifications) {
				String kind = notification.path("kind").asString();
				String id = notification.path("id").asString();
				if (mailedKinds.contains(kind)
						&& facts.getValue().deliveries.stream().noneMatch(d -> id.equals(d.path("notificationId").asString()))) {
					stuck.computeIfAbsent(person.phase, p -> new ArrayList<>())
						.add(kind + " to " + person.id + " has no e-mail delivery");
				}
			}
		}
		stuck.forEach((phase, list) -> phase.finding(list.size() + " e-mails not delivered, e.g. "
				+ String.join("; ", list.subList(0, Math.min(3, list.size())))));
	}

	/**
	 * Effects beyond one. An e-mail is one message, its Message-ID derived from its delivery: a
	 * second message for a notification is a duplicate. The same message submitted again is not a
	 * second message, and is allowed only where SMTP leaves no choice: notification-service killed
	 * between the SMTP server's acceptance and the record of it (the process sends
	 * {@link Stack#EMAIL_WORKERS} messages at a time), so at most that many such copies per SIGKILL of
	 * notification-service.
	 */
	private void duplicates(List<String> global) {
		List<String> sentAgain = new ArrayList<>();
		countDuplicates(sentAgain);
		int kills = suite.stack().part("notification-service").kills();
		if (sentAgain.size() > kills * Stack.EMAIL_WORKERS) {
			global.add(sentAgain.size() + " e-mails submitted again with their Message-ID, more than the " + kills
					+ " SIGKILLs of notification-service explain (each may leave " + Stack.EMAIL_WORKERS
					+ " in the SMTP server's hands unrecorded), e.g. "
					+ String.join("; ", sentAgain.subList(0, Math.min(3, sentAgain.size()))));
		}
		else if (!sentAgain.isEmpty()) {
			global.add("note: " + sentAgain.size() + " e-mail(s) submitted again with the same Message-ID (so the "
					+ "recipient's mail system keeps one) after notification-service was killed between the SMTP "
					+ "server's acceptance and the record of it (" + kills + " SIGKILLs): " + String.join("; ", sentAgain));
		}
	}

	private void countDuplicates(List<String> sentAgain) {
		for (Person person : ledger.people.values()) {
			PersonFacts facts = people.get(person.id);
			if (facts == null) {
				continue;
			}
			Phase phase = person.phase;
			for (Map.Entry<String, int[]> expected : expectedKinds(person).entrySet()) {
				int extra = count(facts, expected.getKey()) - expected.getValue()[1];
				if (extra > 0) {
					phase.duplicated += extra;
					phase.finding(person.id + " has " + count(facts, expected.getKey()) + " " + expected.getKey()
							+ " notifications, at most " + expected.getValue()[1] + " expected");
				}
			}
			Set<String> known = new HashSet<>();
			for (JsonNode delivery : facts.deliveries) {
				String notification = delivery.path("notificationId").asString();
				known.add(notification);
				Map<String, Integer> copies = mail.copies(notification);
				if (copies.size() > 1) {
					phase.duplicated += copies.size() - 1;
					phase.finding(copies.size() + " different e-mails (Message-IDs) for one notification ("
							+ delivery.path("kind").asString() + " to " + person.id + ")");
				}
				int again = copies.values().stream().mapToInt(Integer::intValue).sum() - copies.size();
				if (again > 0) {
					sentAgain.add(delivery.path("kind").asString() + " to " + person.id + " (" + phase.name() + ")");
				}
			}
			for (String stray : mail.notificationsTo(person.email)) {
				if (!known.contains(stray)) {
					phase.duplicated++;
					phase.finding("an e-mail to " + person.id + " for notification " + stray + " that has no delivery");
				}
			}
		}
		for (Pair pair : ledger.pairs.values()) {
			if (pair.matchId == null) {
				continue;
			}
			int held = mentorships.getOrDefault(pair.mentor.programmeId, Map.of()).getOrDefault(pair.matchId, 0);
			if (held > 1) {
				pair.phase.duplicated += held - 1;
				pair.phase.finding(held + " mentorships for match " + pair.matchId);
			}
			if (held == 1 && !pair.started().confirmed() && pair.started() == Outcome.NOT_DONE) {
				pair.phase.finding("a mentorship for match " + pair.matchId + " that was never accepted by both");
			}
			if (pair.mentorshipId != null) {
				int booked = pair.sessions.stream().mapToInt(s -> s.booked.atMost()).sum();
				int there = sessionsPerMentorship.getOrDefault(pair.mentorshipId, 0);
				if (there > booked) {
					pair.phase.duplicated += there - booked;
					pair.phase.finding(there + " sessions for mentorship " + pair.mentorshipId + ", " + booked + " booked");
				}
			}
		}
	}

	/**
	 * Whether the subscriber may receive the event: what its organisation may read through the API.
	 * The administrator's subscription is instance-wide. The organiser's coordinator's organisation
	 * runs the load's programmes (matches and mentorships), takes part in them (enrolments) and
	 * stewards one member of each pair (mentors and mentees of one organisation are kept apart, so
	 * every session involves one of hers); a decision on one person (admitted) goes to her steward
	 * only, the organisation that enrolled her.
	 */
	private static boolean mayReceive(String subscriber, Kafka.Record event) {
		if (!subscriber.equals("organiser")) {
			return true;
		}
		return !event.type().equals("mentoring.participant.admitted.v1") || Ids.ORGANISER.equals(event.organisationId());
	}

	/**
	 * Every event of a cohort's programme that a subscriber subscribed to: delivered exactly once,
	 * as a subscriber that deduplicates on {@code webhook-id} sees it. Delivery is at least once: a
	 * request the endpoint took but whose answer the service never recorded is sent again under the
	 * same {@code webhook-id}. That is the only repeat allowed, and only where it is explained: one
	 * delivery for the event, one 2xx in its log (nothing sent after an answer was recorded), and
	 * each request beyond the first either in the log without an answer (a network error, no answer
	 * in time) or preceded by a SIGKILL of notification-service after the request before it reached
	 * the receiver (killed between the answer and its record, which the log then cannot show).
	 * Anything else is a duplicate.
	 */
	private void webhooksExactlyOnce(List<String> global) {
		Map<Phase, List<String>> lost = new LinkedHashMap<>();
		List<String> afterKills = new ArrayList<>();
		for (Kafka.Record event : events.values()) {
			String programmeId = event.programmeId();
			if (programmeId == null || !ledger.programmes.containsKey(programmeId)) {
				continue;
			}
			Phase phase = ledger.programmes.get(programmeId);
			for (Map.Entry<String, Set<String>> subscriber : suite.subscribers().entrySet()) {
				if (!subscriber.getValue().contains(event.type()) || !mayReceive(subscriber.getKey(), event)) {
					continue;
				}
				int received = webhooks.getOrDefault(subscriber.getKey(), Map.of()).getOrDefault(event.eventId(), 0);
				if (received == 0) {
					lost.computeIfAbsent(phase, p -> new ArrayList<>())
						.add(event.type() + " " + event.eventId() + " to " + subscriber.getKey());
				}
				else if (received > 1) {
					String what = event.type() + " " + event.eventId() + " to " + subscriber.getKey();
					Repeat repeat = repeat(subscriber.getKey(), event.eventId(), received);
					if (repeat.unanswered()) {
						phase.note("sent again under its webhook-id, an earlier answer lost (" + repeat.log() + "): " + what);
						if (repeat.afterKill()) {
							afterKills.add(what);
						}
					}
					else {
						phase.duplicated += received - 1;
						phase.finding(received + " webhook deliveries of " + what + " (" + repeat.log() + ")");
					}
				}
			}
		}
		lost.forEach((phase, list) -> phase.finding(list.size() + " events never delivered to a webhook subscriber, e.g. "
				+ String.join("; ", list.subList(0, Math.min(3, list.size())))));
		int kills = suite.stack().part("notification-service").kills();
		if (afterKills.size() > kills * Stack.WEBHOOK_WORKERS) {
			global.add(afterKills.size() + " webhook events sent again after a SIGKILL, more than the " + kills
					+ " SIGKILLs of notification-service explain (each may leave " + Stack.WEBHOOK_WORKERS
					+ " answered but unrecorded), e.g. " + String.join("; ", afterKills.subList(0, Math.min(3, afterKills.size()))));
		}
	}

	/**
	 * Why an event reached a subscriber more than once.
	 * @param unanswered whether the only cause is answers the service never got or never recorded
	 * @param log the webhook-ids received and the requests in the service's delivery log
	 * @param afterKill whether a SIGKILL of notification-service is needed to explain it
	 */
	private record Repeat(boolean unanswered, String log, boolean afterKill) {
	}

	private Repeat repeat(String subscriber, String eventId, int times) {
		List<WebhookReceiver.Delivery> received = webhookRequests.getOrDefault(subscriber, Map.of())
			.getOrDefault(eventId, List.of())
			.stream()
			.sorted(Comparator.comparing(WebhookReceiver.Delivery::at))
			.toList();
		List<String> ids = received.stream().map(WebhookReceiver.Delivery::webhookId).toList();
		if (new HashSet<>(ids).size() != 1 || ids.get(0) == null) {
			return new Repeat(false, "webhook-ids " + ids, false);
		}
		FaultSuite.Subscription subscription = suite.subscription(subscriber);
		Api.Response logged = api.get("/api/v1/webhooks/" + subscription.id() + "/deliveries/" + ids.get(0),
				subscription.owner().get());
		if (!logged.ok()) {
			return new Repeat(false, "its delivery log answered " + logged.status(), false);
		}
		JsonNode attempts = logged.json().path("attempts");
		List<String> requests = new ArrayList<>();
		int answered = 0;
		int unanswered = 0;
		for (JsonNode attempt : attempts) {
			int status = attempt.path("statusCode").asInt(0);
			if (status >= 200 && status < 300) {
				answered++;
			}
			else if (status == 0) {
				unanswered++;
			}
			requests.add(status == 0 ? attempt.path("error").asString() : Integer.toString(status));
		}
		int killed = suite.stack()
			.part("notification-service")
			.killsBetween(received.get(0).at(), received.get(received.size() - 1).at());
		return new Repeat(answered == 1 && unanswered + killed >= times - 1, "its delivery log: " + requests
				+ (killed > 0 ? ", " + killed + " SIGKILL(s) of notification-service between the requests" : ""),
				unanswered < times - 1);
	}

	/** Each event applied at most once per consumer group, over every start of its service (the logs). */
	private void appliedOnce(List<String> global) throws IOException {
		for (String group : Stack.CONSUMED.keySet()) {
			Path log = suite.stack().log(group);
			Map<String, Integer> applied = new HashMap<>();
			int lines = 0;
			int skipped = 0;
			try (Stream<String> all = Files.lines(log)) {
				for (String line : (Iterable<String>) all::iterator) {
					Matcher matcher = APPLIED.matcher(line);
					if (matcher.find()) {
						lines++;
						applied.merge(matcher.group(2), 1, Integer::sum);
					}
					else if (line.contains("already applied")) {
						skipped++;
					}
				}
			}
			global.add("note: " + group + " applied " + applied.size() + " events and skipped " + skipped
					+ " deliveries of events it had applied before (redelivery, replay)");
			if (lines == 0) {
				ledger.phases.get(0).finding(group + "'s log has no \"Applied <type> <id> from\" line: the suite cannot"
						+ " see whether an event was applied twice");
				continue;
			}
			Map<Phase, List<String>> twice = new LinkedHashMap<>();
			for (Map.Entry<String, Integer> event : applied.entrySet()) {
				if (event.getValue() > 1) {
					Kafka.Record record = events.get(event.getKey());
					Phase phase = phaseOf(record == null ? null : record.programmeId(),
							record == null ? Instant.now() : record.timestamp());
					phase.duplicated += event.getValue() - 1;
					twice.computeIfAbsent(phase, p -> new ArrayList<>())
						.add((record == null ? "event" : record.type()) + " " + event.getKey() + " " + event.getValue()
								+ " times");
				}
			}
			twice.forEach((phase, list) -> phase.finding(group + " applied " + list.size()
					+ " events more than once, e.g. " + String.join("; ", list.subList(0, Math.min(3, list.size())))));
		}
	}

	/** Poison parked with its reason, by every group that reads its topic; nothing else parked; flow went on. */
	private void deadLetters(List<String> global) throws Exception {
		Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
		for (String group : Stack.CONSUMED.keySet()) {
			committed.put(group, suite.kafka().committed(group));
		}
		Map<String, Poison> poisonByOrigin = new HashMap<>();
		for (Poison poison : ledger.poisons) {
			poisonByOrigin.put(poison.topic() + "/" + poison.partition() + "/" + poison.offset(), poison);
		}
		Set<String> parked = new HashSet<>();
		Map<String, String> reasons = new TreeMap<>();
		for (String group : Stack.CONSUMED.keySet()) {
			for (Kafka.Record letter : suite.kafka().readAll(Topic.deadLetters(group))) {
				String origin = letter.header("kafka_dlt-original-topic") + "/" + letter.number("kafka_dlt-original-partition")
						+ "/" + letter.number("kafka_dlt-original-offset");
				String reason = firstPresent(letter.header("kafka_dlt-exception-cause-fqcn"),
						letter.header("kafka_dlt-exception-fqcn"));
				String message = letter.header("kafka_dlt-exception-message");
				Poison poison = poisonByOrigin.get(origin);
				if (poison != null) {
					if (parked.add(group + "|" + origin)) {
						poison.phase().deadLettered++;
					}
					if (reason == null && message == null) {
						poison.phase().finding("the dead letter of " + poison.kind() + " (" + origin + ") in " + group
								+ " carries no reason");
					}
					reasons.putIfAbsent(poison.kind(), shorten(reason) + ": " + shorten(message));
					continue;
				}
				Phase phase = phaseOf(letter.programmeId(), letter.timestamp());
				phase.deadLettered++;
				phase.finding(group + " dead-lettered a live event: " + letter.type() + " " + letter.eventId() + " from "
						+ origin + " (" + shorten(reason) + ": " + shorten(message) + ")");
			}
		}
		for (Poison poison : ledger.poisons) {
			String origin = poison.topic() + "/" + poison.partition() + "/" + poison.offset();
			for (String group : poison.consumerGroups()) {
				if (!parked.contains(group + "|" + origin)) {
					poison.phase().finding(group + " did not dead-letter the poison record \"" + poison.kind() + "\" at "
							+ origin);
				}
				long at = committed.get(group).getOrDefault(new TopicPartition(poison.topic(), poison.partition()), 0L);
				long end = suite.kafka().endOffsets(poison.topic()).get(new TopicPartition(poison.topic(), poison.partition()));
				if (at <= poison.offset()) {
					poison.phase().finding(group + " is stuck behind the poison record at " + origin + " (committed " + at
							+ ")");
				}
				else if (end <= poison.offset() + 1) {
					poison.phase().finding("no record followed the poison record at " + origin
							+ ": the suite cannot show that the partition kept flowing");
				}
			}
		}
		if (!ledger.poisons.isEmpty()) {
			reasons.forEach((kind, reason) -> global.add("note: dead letter of \"" + kind + "\": " + reason));
		}
	}

	private static String firstPresent(String preferred, String fallback) {
		return preferred != null ? preferred : fallback;
	}

	private static String shorten(String text) {
		if (text == null) {
			return "-";
		}
		String single = text.replaceAll("\\s+", " ");
		return single.length() > 160 ? single.substring(0, 160) + "..." : single;
	}

	/** The mail the SMTP server received, by the notification each carries and its Message-ID. */
	private static final class Mail {

		private final Map<String, Map<String, Integer>> byNotification = new HashMap<>();

		private final Map<String, List<String>> byAddress = new HashMap<>();

		private final int size;

		Mail(MimeMessage[] messages) throws MessagingException {
			this.size = messages.length;
			for (MimeMessage message : messages) {
				String[] notification = message.getHeader("X-Mentoring-Notification");
				String id = notification == null ? "(none)" : notification[0];
				String messageId = message.getMessageID() == null ? "(none)" : message.getMessageID();
				byNotification.computeIfAbsent(id, n -> new HashMap<>()).merge(messageId, 1, Integer::sum);
				Address[] to = message.getAllRecipients();
				if (to != null) {
					for (Address address : to) {
						byAddress.computeIfAbsent(address.toString().toLowerCase(), a -> new ArrayList<>()).add(id);
					}
				}
			}
		}

		/** How many copies of each message (by Message-ID) the SMTP server received for the notification. */
		Map<String, Integer> copies(String notificationId) {
			return byNotification.getOrDefault(notificationId, Map.of());
		}

		Set<String> notificationsTo(String address) {
			return new HashSet<>(byAddress.getOrDefault(address.toLowerCase(), List.of()));
		}

		int size() {
			return size;
		}

	}

}
