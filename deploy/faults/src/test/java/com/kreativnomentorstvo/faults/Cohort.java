package com.kreativnomentorstvo.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.awaitility.core.ConditionTimeoutException;

import com.kreativnomentorstvo.faults.Ledger.Outcome;
import com.kreativnomentorstvo.faults.Ledger.Pair;
import com.kreativnomentorstvo.faults.Ledger.Person;
import com.kreativnomentorstvo.faults.Ledger.Phase;
import com.kreativnomentorstvo.faults.Ledger.Session;

import tools.jackson.databind.JsonNode;

/**
 * One programme's worth of the load, as people use the platform: an administrator sets up the
 * programme and enrols mentors and mentees (half of them of the partner organisation), each
 * organisation's coordinator admits her own people, the organiser's coordinator runs the matching
 * and publishes it, both sides of every pair accept, the mentee books two sessions and moves the
 * first.
 *
 * <p>A caller under faults retries: every step is repeated until it is acknowledged, and after an
 * answer that says nothing (no answer, or a 5xx) the caller first reads whether it took effect,
 * so that a step is done once and never twice. Every request that changes something is in the
 * {@link Ledger}, acknowledged or not.
 */
final class Cohort implements Runnable {

	private static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");

	private static final Duration RETRY = Duration.ofMillis(500);

	private final Api api;

	private final Tokens tokens;

	private final Ledger ledger;

	private final Phase phase;

	private final String programmeId;

	private final int pairs;

	private final Instant deadline;

	private final List<Pair> cohort = new ArrayList<>();

	/** Kinds of request the platform refused as invalid (400, 422), noted once each. */
	private final Set<String> refused = ConcurrentHashMap.newKeySet();

	Cohort(Api api, Tokens tokens, Ledger ledger, Phase phase, String programmeId, int pairs, Duration deadline) {
		this.api = api;
		this.tokens = tokens;
		this.ledger = ledger;
		this.phase = phase;
		this.programmeId = programmeId;
		this.pairs = pairs;
		this.deadline = Instant.now().plus(deadline);
	}

	@Override
	public void run() {
		try {
			ledger.programmes.put(programmeId, phase);
			step("programme " + programmeId, this::createProgramme);
			for (int i = 0; i < pairs; i++) {
				String organisation = i % 2 == 0 ? Ids.ORGANISER : Ids.PARTNER;
				Person mentor = person(i, "MENTOR", organisation);
				// the programme's policy keeps mentors and mentees of one organisation apart
				Person mentee = person(i, "MENTEE", i % 2 == 0 ? Ids.PARTNER : Ids.ORGANISER);
				Pair pair = new Pair(mentor, mentee, phase);
				ledger.pairs.put(mentor.id, pair);
				cohort.add(pair);
			}
			for (Pair pair : cohort) {
				step("enrol " + pair.mentor.id, () -> enrol(pair.mentor));
				step("enrol " + pair.mentee.id, () -> enrol(pair.mentee));
			}
			for (Pair pair : cohort) {
				step("admit " + pair.mentor.id, () -> admit(pair.mentor));
				step("admit " + pair.mentee.id, () -> admit(pair.mentee));
			}
			proposeAndPublish();
			for (Pair pair : cohort) {
				step("match of " + pair.mentor.id, () -> matchOf(pair));
			}
			for (Pair pair : cohort) {
				step("mentee accepts " + pair.matchId, () -> accept(pair, pair.mentee));
				step("mentor accepts " + pair.matchId, () -> accept(pair, pair.mentor));
			}
			for (Pair pair : cohort) {
				step("mentorship of " + pair.matchId, () -> mentorshipOf(pair));
				LocalDate first = LocalDate.now(ZONE).plusDays(20);
				Session one = new Session(first.atTime(10, 0).toString());
				Session two = new Session(first.plusDays(7).atTime(10, 0).toString());
				one.movedTo = first.plusDays(1).atTime(11, 0).toString();
				pair.sessions.add(one);
				pair.sessions.add(two);
				step("book " + one.start + " for " + pair.mentorshipId, () -> book(pair, one));
				step("book " + two.start + " for " + pair.mentorshipId, () -> book(pair, two));
				step("move " + one.id, () -> move(pair, one));
			}
		}
		catch (Abandoned abandoned) {
			phase.finding("the load gave up on programme " + programmeId + " at \"" + abandoned.getMessage()
					+ "\": the platform did not accept it within the phase's deadline");
		}
	}

	/** Repeats an attempt until it reports done, or gives the cohort up at the deadline. */
	private void step(String what, BooleanSupplier attempt) {
		Duration left = Duration.between(Instant.now(), deadline);
		try {
			await(what).atMost(left.isNegative() ? Duration.ofMillis(1) : left)
				.pollDelay(Duration.ZERO)
				.pollInterval(RETRY)
				.until(attempt::getAsBoolean);
		}
		catch (ConditionTimeoutException timedOut) {
			throw new Abandoned(what);
		}
	}

	private Person person(int index, String role, String organisation) {
		String id = programmeId.replace("prog-", "p-") + "-" + ("MENTOR".equals(role) ? "mr" : "me") + index;
		Person person = new Person(id, role, id + "@faults.example.org", organisation, programmeId, phase);
		ledger.people.put(id, person);
		return person;
	}

	private boolean createProgramme() {
		LocalDate today = LocalDate.now(ZONE);
		Api.Response created = write("programme", programmeId, "POST", "/api/v1/programmes", tokens.admin(), """
				{"id": "%s", "name": "Faults %s", "organiserId": "%s", "partnerIds": ["%s"], "startsOn": "%s",
				 "endsOn": "%s", "timeZone": "Europe/Belgrade", "languages": ["en", "hr"],
				 "enrolmentOpensOn": "%s", "enrolmentClosesOn": "%s"}
				""".formatted(programmeId, programmeId, Ids.ORGANISER, Ids.PARTNER, today.plusDays(1),
				today.plusDays(180), today.minusDays(1), today.plusDays(60)));
		if (created.ok()) {
			return true;
		}
		return (created.ambiguous() || created.status() == 409)
				&& api.get("/api/v1/programmes/" + programmeId, tokens.admin()).ok();
	}

	private boolean enrol(Person person) {
		boolean mentor = person.mentor();
		Api.Response enrolled = write("enrol", person.id, "POST", "/api/v1/participants", tokens.admin(), """
				{"id": "%s", "programmeId": "%s", "role": "%s", "displayName": "%s %s", "email": "%s",
				 "organisationId": "%s", "country": "%s", "city": "Split", "languages": ["en", "hr"],
				 "preferredLocale": "en", %s "format": "ONLINE", "timeZone": "Europe/Belgrade",
				 "availability": [{"day": "MONDAY", "from": "09:00", "to": "20:00"}],
				 "consent": {"version": "2026-10", "scopes": ["programme-participation", "matching", "notifications"]}}
				""".formatted(person.id, programmeId, person.role, mentor ? "Mentor" : "Mentee", person.id, person.email,
				person.organisationId, Ids.ORGANISER.equals(person.organisationId) ? "RS" : "HR",
				mentor ? "\"skills\": [{\"code\": \"digital-tools\", \"level\": 5}], \"capacity\": 1,"
						: "\"goals\": [{\"code\": \"digital-tools\", \"level\": 4}],"));
		boolean done = enrolled.ok() || ((enrolled.ambiguous() || enrolled.status() == 409)
				&& api.get("/api/v1/participants/" + person.id, tokens.admin()).ok());
		person.enrolled = after(person.enrolled, done, enrolled);
		return done;
	}

	private boolean admit(Person person) {
		Api.Response admitted = write("admit", person.id, "POST", "/api/v1/participants/" + person.id + "/accept",
				tokens.coordinator(person.organisationId), "{}");
		JsonNode participant = null;
		if (admitted.ok()) {
			participant = admitted.json();
		}
		else if (admitted.ambiguous()) {
			Api.Response read = api.get("/api/v1/participants/" + person.id, tokens.admin());
			if (read.ok() && List.of("ACCEPTED", "ACTIVE").contains(read.json().path("status").asString())) {
				participant = read.json();
			}
		}
		String account = participant == null ? null : participant.path("accountId").asString(null);
		boolean done = account != null;
		if (done) {
			person.accountId = account;
		}
		person.admitted = after(person.admitted, done, admitted);
		return done;
	}

	/** What an attempt made of an operation: done, perhaps done (no answer), or as it was. */
	private static Outcome after(Outcome before, boolean done, Api.Response response) {
		if (done || before.confirmed()) {
			return Outcome.CONFIRMED;
		}
		return response.ambiguous() ? Outcome.UNCERTAIN : before;
	}

	private void proposeAndPublish() {
		String[] run = new String[1];
		StringBuilder locked = new StringBuilder();
		for (Pair pair : cohort) {
			locked.append(locked.length() == 0 ? "" : ", ")
				.append("{\"mentorId\": \"").append(pair.mentor.id).append("\", \"menteeId\": \"")
				.append(pair.mentee.id).append("\"}");
		}
		String coordinator = tokens.coordinator(Ids.ORGANISER);
		step("matching run of " + programmeId, () -> {
			Api.Response started = write("matching-run", programmeId, "POST",
					"/api/v1/programmes/" + programmeId + "/matching-runs", coordinator,
					"{\"lockedPairs\": [" + locked + "]}");
			if (!started.ok()) {
				return false;
			}
			List<String> proposed = new ArrayList<>();
			started.json().path("proposals").forEach(p -> proposed.add(p.path("menteeId").asString()));
			// until the matching service has every admitted person in its pool, the run leaves some out
			if (!cohort.stream().allMatch(pair -> proposed.contains(pair.mentee.id))) {
				return false;
			}
			run[0] = started.json().path("id").asString();
			return true;
		});
		step("publish " + run[0], () -> {
			Api.Response published = write("publish", programmeId + "/" + run[0], "POST",
					"/api/v1/programmes/" + programmeId + "/matching-runs/" + run[0] + "/publish", coordinator, "{}");
			boolean done = published.ok()
					|| ((published.ambiguous() || published.status() == 409) && matchesFound() == pairs);
			cohort.forEach(pair -> pair.proposed = after(pair.proposed, done, published));
			return done;
		});
	}

	private int matchesFound() {
		return matches().size();
	}

	/** The programme's matches by mentor. */
	private Map<String, JsonNode> matches() {
		Api.Response found = api.get("/api/v1/programmes/" + programmeId + "/matches?size=100", tokens.admin());
		Map<String, JsonNode> byMentor = new HashMap<>();
		if (found.ok()) {
			found.json().path("items").forEach(match -> byMentor.put(match.path("mentorId").asString(), match));
		}
		return byMentor;
	}

	private boolean matchOf(Pair pair) {
		JsonNode match = matches().get(pair.mentor.id);
		if (match == null || !pair.mentee.id.equals(match.path("menteeId").asString())) {
			return false;
		}
		pair.matchId = match.path("id").asString();
		return true;
	}

	private boolean accept(Pair pair, Person side) {
		Api.Response accepted = write("accept", pair.matchId + "/" + side.role, "POST",
				"/api/v1/matches/" + pair.matchId + "/accept", tokens.person(side.accountId, side.organisationId, side.role),
				"{}");
		boolean done = accepted.ok();
		if (!done && accepted.ambiguous()) {
			Api.Response read = api.get("/api/v1/matches/" + pair.matchId, tokens.admin());
			done = read.ok() && !read.json().path(side.mentor() ? "mentorAcceptedAt" : "menteeAcceptedAt").isMissingNode()
					&& !read.json().path(side.mentor() ? "mentorAcceptedAt" : "menteeAcceptedAt").isNull();
		}
		if (side.mentor()) {
			pair.mentorAccepted = after(pair.mentorAccepted, done, accepted);
		}
		else {
			pair.menteeAccepted = after(pair.menteeAccepted, done, accepted);
		}
		return done;
	}

	private boolean mentorshipOf(Pair pair) {
		Api.Response found = api.get("/api/v1/mentorships?programmeId=" + programmeId + "&size=100", tokens.admin());
		if (!found.ok()) {
			return false;
		}
		for (JsonNode mentorship : found.json().path("items")) {
			if (pair.matchId.equals(mentorship.path("matchId").asString())) {
				pair.mentorshipId = mentorship.path("id").asString();
				return true;
			}
		}
		return false;
	}

	private boolean book(Pair pair, Session session) {
		Person mentee = pair.mentee;
		Api.Response booked = write("book", pair.mentorshipId + "@" + session.start, "POST",
				"/api/v1/mentorships/" + pair.mentorshipId + "/sessions",
				tokens.person(mentee.accountId, mentee.organisationId, mentee.role), """
						{"start": "%s", "timeZone": "Europe/Belgrade", "durationMinutes": 60, "agenda": "Faults"}
						""".formatted(session.start));
		if (booked.ok()) {
			session.id = booked.json().path("id").asString();
			session.booked = Outcome.CONFIRMED;
			return true;
		}
		if (booked.ambiguous() || booked.status() == 409) {
			Api.Response sessions = api.get("/api/v1/mentorships/" + pair.mentorshipId + "/sessions?size=100",
					tokens.admin());
			if (sessions.ok()) {
				for (JsonNode existing : sessions.json().path("items")) {
					if (existing.path("start").asString().startsWith(session.start)) {
						session.id = existing.path("id").asString();
						session.booked = Outcome.CONFIRMED;
						return true;
					}
				}
			}
		}
		session.booked = after(session.booked, false, booked);
		return false;
	}

	private boolean move(Pair pair, Session session) {
		Person mentee = pair.mentee;
		Api.Response moved = write("move", session.id, "PATCH", "/api/v1/sessions/" + session.id,
				tokens.person(mentee.accountId, mentee.organisationId, mentee.role), """
				{"start": "%s", "timeZone": "Europe/Belgrade", "durationMinutes": 60}
				""".formatted(session.movedTo));
		boolean done = moved.ok();
		if (!done && moved.ambiguous()) {
			Api.Response read = api.get("/api/v1/sessions/" + session.id, tokens.admin());
			done = read.ok() && read.json().path("start").asString().startsWith(session.movedTo);
		}
		session.moved = after(session.moved, done, moved);
		return done;
	}

	private Api.Response write(String kind, String key, String method, String path, String token, String body) {
		Api.Response response = api.send(method, path, token, body);
		ledger.write(phase, kind, key, response);
		boolean notYet = response.body() != null && response.body().contains("is not in this run's pool");
		if ((response.status() == 400 || response.status() == 422) && !notYet) {
			// the load's own mistake, or a rule it did not expect: say so once per kind of request
			if (refused.add(kind)) {
				phase.note("the platform refused a " + kind + " request: " + response);
			}
		}
		return response;
	}

	/** The platform did not accept a step before the deadline. */
	private static final class Abandoned extends RuntimeException {

		Abandoned(String step) {
			super(step, null, false, false);
		}

	}

}
