package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.Journeys.awaitApplication;
import static com.kreativnomentorstvo.local.Journeys.awaitMentorship;
import static com.kreativnomentorstvo.local.Journeys.ids;
import static com.kreativnomentorstvo.local.Journeys.unique;
import static com.kreativnomentorstvo.local.Mailbox.awaitLink;
import static com.kreativnomentorstvo.local.Mailbox.confirmFromTheEmail;
import static com.kreativnomentorstvo.local.Mailbox.setPasswordFromTheEmail;
import static com.kreativnomentorstvo.local.RunningStack.GATEWAY;
import static com.kreativnomentorstvo.local.RunningStack.ISSUER;
import static com.kreativnomentorstvo.local.RunningStack.JSON;
import static com.kreativnomentorstvo.local.RunningStack.send;
import static com.kreativnomentorstvo.local.RunningStack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * One programme's whole cycle on the running stack, through the gateway, with the people signing in
 * as people do: a call, thirteen applications and enrolments, a matching run its pairs accept,
 * sessions held, a survey after each session and one at closing, the final-review reminder and the
 * reviews, the end date ending every mentorship (moved to yesterday, the stack's status interval acts
 * on it as it would on the real date), certificates read back in her language, the funder report
 * checked against counts worked out here from the events on the broker (and scanned for names and
 * addresses), the programme archived, and its next cycle, which a mentor of this one joins with her
 * account.
 */
@Order(3)
@ExtendWith(RunningStack.Extension.class)
class ProgrammeCycleIT {

	private static final String ORGANISER = "org-creative-mentorship";

	private static final String PARTNER = "org-kultura-nova";

	private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");

	private static final String REDIRECT = GATEWAY + "/swagger-ui/oauth2-redirect.html";

	private static final String PASSWORD = "a programme from call to certificate";

	private static final String PARTICIPANTS = "mentoring.participants.v1";

	private static final String MATCHING = "mentoring.matching.v1";

	private static final String SESSIONS = "mentoring.sessions.v1";

	/** Someone of the cohort: how she enrols and, once admitted, signs in. */
	record Person(String name, String email, String role, String country, String city, String locale) {
	}

	/** Someone enrolled: her enrolment and, once she has signed in, her token. */
	static final class Member {

		final Person person;

		final String id;

		String token;

		Member(Person person, String id) {
			this.person = person;
			this.id = id;
		}

	}

	@Test
	void aProgrammeRunsFromItsCallToItsArchiveAndItsNextCycleWelcomesAMentorBack() throws Exception {
		String run = unique();
		String organiser = token("coordinator.rs");
		String partner = token("coordinator.hr");
		LocalDate today = LocalDate.now(BELGRADE);

		// the organiser opens a programme with a call, two surveys and a training
		String programme = programme(organiser, run, today);
		String afterSession = survey(organiser, programme, "AFTER_SESSION", "Poslije susreta", "How useful was the session?");
		String atClosing = survey(organiser, programme, "CLOSING", "Na kraju programa", "How was the programme for you?");
		HttpResponse<String> training = send("POST", "/api/v1/programmes/" + programme + "/events", organiser, """
				{"kind": "TRAINING", "title": "Digital tools clinic", "start": "%s", "durationMinutes": 90,
				 "timeZone": "Europe/Belgrade"}""".formatted(LocalDateTime.now(BELGRADE).plusDays(1).withHour(16)
			.truncatedTo(ChronoUnit.HOURS)));
		assertThat(training.statusCode()).as(training.body()).isEqualTo(201);

		// seven people apply through the public call; the partner admits six of them and turns one down
		List<Person> applicants = List.of(
				new Person("Lucija Babić " + run, "lucija." + run + "@example.org", "MENTEE", "HR", "Split", "hr"),
				new Person("Petra Jurić " + run, "petra." + run + "@example.org", "MENTEE", "HR", "Zadar", "hr"),
				new Person("Ivana Knežević " + run, "ivana." + run + "@example.org", "MENTEE", "HR", "Rijeka", "hr"),
				new Person("Maja Pavlović " + run, "maja." + run + "@example.org", "MENTEE", "HR", "Osijek", "hr"),
				new Person("Tea Vuković " + run, "tea." + run + "@example.org", "MENTEE", "HR", "Poreč", "hr"),
				new Person("Elena Stojanovska " + run, "elena." + run + "@example.org", "MENTEE", "MK", "Bitola", "en"),
				new Person("Nina Marić " + run, "nina." + run + "@example.org", "MENTEE", "HR", "Varaždin", "hr"));
		List<Member> mentees = new ArrayList<>();
		Browser browser = new Browser();
		for (Person applicant : applicants) {
			mentees.add(new Member(applicant, apply(programme, applicant)));
			confirmFromTheEmail(browser, applicant.email(), "hr".equals(applicant.locale()) ? "potvrđena" : "is confirmed");
		}
		Member declined = mentees.remove(mentees.size() - 1);
		for (Member mentee : mentees) {
			awaitApplication(partner, programme, mentee.id);
			Journeys.accept(partner, mentee.id);
		}
		awaitApplication(partner, programme, declined.id);
		HttpResponse<String> turnedDown = send("POST", "/api/v1/participants/" + declined.id + "/reject", partner,
				"{\"reasonCode\": \"PROGRAMME_FULL\", \"reason\": \"Every place of this cycle is taken.\"}");
		assertThat(turnedDown.statusCode()).as(turnedDown.body()).isEqualTo(200);

		// the organiser enrols and admits six mentors of her own network
		List<Member> mentors = new ArrayList<>();
		String[][] network = { { "Ana Đorđević", "Beograd" }, { "Milica Jovanović", "Novi Sad" },
				{ "Jelena Nikolić", "Niš" }, { "Dragana Ilić", "Kragujevac" }, { "Sanja Popović", "Subotica" },
				{ "Marija Lazić", "Čačak" } };
		for (String[] someone : network) {
			Person mentor = new Person(someone[0] + " " + run,
					someone[0].split(" ")[0].toLowerCase() + "." + run + "@example.org", "MENTOR",
					"RS", someone[1], "sr-Latn");
			mentors.add(new Member(mentor, Journeys.enrolAndAdmitMentor(organiser, programme, ORGANISER,
					mentor.name(), mentor.email(), mentor.country(), mentor.city(), 1)));
		}

		// every admitted person sets her password from the invitation and signs in
		for (Member member : concat(mentees, mentors)) {
			Browser hers = new Browser();
			setPasswordFromTheEmail(hers, member.person.email(), PASSWORD,
					switch (member.person.locale()) {
						case "hr" -> "Lozinka je spremljena";
						case "en" -> "Your password is set";
						default -> "Lozinka je sačuvana";
					});
			member.token = hers.signIn(ISSUER, REDIRECT, member.person.email(), PASSWORD);
			assertThat(ids(send("GET", "/api/v1/participants", member.token, null), "items")).contains(member.id);
		}

		// a matching run proposes the six pairs the coordinators agreed on; the organiser publishes; all accept
		Map<Member, Member> pairs = new LinkedHashMap<>();
		for (int i = 0; i < mentors.size(); i++) {
			pairs.put(mentors.get(i), mentees.get(i));
		}
		publishMatching(organiser, programme, pairs);
		Map<Member, String> mentorships = new LinkedHashMap<>();
		for (Map.Entry<Member, Member> pair : pairs.entrySet()) {
			String match = matchOf(organiser, programme, pair.getValue().id);
			for (Member member : List.of(pair.getKey(), pair.getValue())) {
				HttpResponse<String> accepted = send("POST", "/api/v1/matches/" + match + "/accept", member.token, "{}");
				assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
			}
			mentorships.put(pair.getKey(), awaitMentorship(pair.getKey().token, programme));
		}

		// each pair meets once; one more session is booked and called off
		List<String> sessions = new ArrayList<>();
		for (Map.Entry<Member, String> pair : mentorships.entrySet()) {
			sessions.add(book(pair.getKey().token, pair.getValue(), LocalDateTime.now(ZoneId.of("Europe/Zagreb"))
				.plusSeconds(2).truncatedTo(ChronoUnit.SECONDS)));
		}
		String calledOff = book(mentors.get(0).token, mentorships.get(mentors.get(0)),
				LocalDateTime.now(ZoneId.of("Europe/Zagreb")).plusDays(5).withHour(18).truncatedTo(ChronoUnit.HOURS));
		HttpResponse<String> cancelled = send("POST", "/api/v1/sessions/" + calledOff + "/cancel", mentors.get(0).token,
				"{\"reason\": \"SCHEDULE_CONFLICT\"}");
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		int i = 0;
		for (Member mentor : mentors) {
			String session = sessions.get(i++);
			await("session " + session + " has started and is recorded held").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> {
					HttpResponse<String> held = send("POST", "/api/v1/sessions/" + session + "/held", mentor.token, "{}");
					assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
				});
		}

		// after the session both are asked; every mentor answers 5, five mentees 4, one mentee does not answer
		Map<Integer, Integer> sessionRatings = new HashMap<>();
		for (Member member : concat(mentees, mentors)) {
			JsonNode request = awaitSurveyRequest(member, afterSession);
			if (member != mentees.get(5)) {
				int rating = "MENTOR".equals(member.person.role()) ? 5 : 4;
				answer(member, request, rating);
				sessionRatings.merge(rating, 1, Integer::sum);
			}
		}

		// the organiser moves it to RUNNING; then its end comes close: CLOSING by its dates, everyone is asked
		// the closing survey, and each pair but one writes the final review
		HttpResponse<String> running = send("POST", "/api/v1/programmes/" + programme + "/status", organiser,
				"{\"status\": \"RUNNING\"}");
		assertThat(running.statusCode()).as(running.body()).isEqualTo(200);
		patch(organiser, programme, Map.of("enrolmentClosesOn", today.minusDays(1).toString(), "endsOn",
				today.plusDays(3).toString()));
		awaitStatus(organiser, programme, "CLOSING");
		String reminder = Mailbox.awaitMail(mentees.get(0).person.email(), "napišete završnu evaluaciju");
		assertThat(reminder).as("the final-review reminder, in Croatian, links to the pair's reviews")
			.contains("/mentorships/" + mentorships.get(mentors.get(0)) + "/reviews");
		Map<Integer, Integer> closingRatings = new HashMap<>();
		for (Member member : concat(mentees, mentors)) {
			JsonNode request = awaitSurveyRequest(member, atClosing);
			if ("MENTEE".equals(member.person.role())) {
				answer(member, request, 5);
				closingRatings.merge(5, 1, Integer::sum);
			}
		}
		for (Map.Entry<Member, Member> pair : pairs.entrySet()) {
			if (pair.getKey() != mentors.get(5)) {
				for (Member author : List.of(pair.getKey(), pair.getValue())) {
					HttpResponse<String> review = send("POST",
							"/api/v1/mentorships/" + mentorships.get(pair.getKey()) + "/reviews", author.token, """
									{"kind": "FINAL", "progress": "We met our goals.", "challenges": "Time.",
									 "nextSteps": "Keep in touch."}""");
					assertThat(review.statusCode()).as(review.body()).isEqualTo(201);
				}
			}
		}

		// the end date passes (moved to yesterday): CLOSED by its dates, every mentorship ends as completed
		patch(organiser, programme, Map.of("endsOn", today.minusDays(1).toString()));
		awaitStatus(organiser, programme, "CLOSED");
		for (Map.Entry<Member, String> pair : mentorships.entrySet()) {
			await("mentorship " + pair.getValue() + " completed").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> {
					JsonNode mentorship = JSON.readTree(
							send("GET", "/api/v1/mentorships/" + pair.getValue(), pair.getKey().token, null).body());
					assertThat(mentorship.path("status").asString()).isEqualTo("ENDED");
					assertThat(mentorship.path("endReason").asString()).isEqualTo("COMPLETED");
				});
		}

		// her certificate, in Croatian, names her, the programme and both organisations; anyone checks its code
		Member lucija = mentees.get(0);
		JsonNode certificate = awaitCertificate(lucija, programme);
		HttpResponse<byte[]> pdf = RunningStack.HTTP.send(HttpRequest
			.newBuilder(URI.create(GATEWAY + "/api/v1/participants/" + lucija.id + "/certificates/" + programme))
			.header("Authorization", "Bearer " + lucija.token)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		String text = textOf(pdf.body());
		assertThat(text).contains(lucija.person.name(), "Potvrda o sudjelovanju", "Regionalni laboratorij " + run,
				"Organizator: Creative Mentorship", "Partneri: Kultura Nova Lab", certificate.path("code").asString());
		HttpResponse<String> verified = send("GET", "/api/v1/certificates/" + certificate.path("code").asString(), null,
				null);
		assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
		assertThat(JSON.readTree(verified.body()).path("person").asString()).isEqualTo(lucija.person.name());
		assertThat(awaitCertificate(mentors.get(0), programme).path("role").asString()).isEqualTo("MENTOR");

		// the funder report: the counts worked out from the events, small ones withheld, no name or address
		checkFunderReport(organiser, programme, mentees, mentors, declined, sessionRatings, closingRatings,
				afterSession, atClosing);

		// archived: nothing of it changes any more
		HttpResponse<String> archived = send("POST", "/api/v1/programmes/" + programme + "/status", organiser,
				"{\"status\": \"ARCHIVED\"}");
		assertThat(archived.statusCode()).as(archived.body()).isEqualTo(200);
		HttpResponse<String> renamed = send("PATCH", "/api/v1/programmes/" + programme, organiser,
				"{\"name\": \"Renamed\"}", Map.of("Content-Type", "application/merge-patch+json", "If-Match",
						archived.headers().firstValue("ETag").orElseThrow()));
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(409);
		assertThat(renamed.body()).contains("\"field\":\"status\"");

		// its next cycle: dates shifted, the call's questions, the policy and the training carried over
		LocalDate nextStart = today.plusDays(200);
		HttpResponse<String> copied = send("POST", "/api/v1/programmes/" + programme + "/next-cycle", organiser, """
				{"startsOn": "%s", "name": "Reg. Lab %s, next cycle", "names": {"hr": "Regionalni laboratorij %s, drugi ciklus"}}
				""".formatted(nextStart, run, run));
		assertThat(copied.statusCode()).as(copied.body()).isEqualTo(201);
		JsonNode next = JSON.readTree(copied.body());
		String nextId = next.path("id").asString();
		assertThat(next.path("previousCycleId").asString()).isEqualTo(programme);
		assertThat(next.path("startsOn").asString()).isEqualTo(nextStart.toString());
		assertThat(next.path("matchingPolicy")).isEqualTo(JSON.readTree(
				send("GET", "/api/v1/programmes/" + programme, organiser, null).body()).path("matchingPolicy"));
		JsonNode nextCall = JSON.readTree(send("GET", "/api/v1/programmes/" + nextId + "/call", organiser, null).body());
		assertThat(nextCall.path("questions").get(0).path("id").asString()).isEqualTo("project-idea");
		await("the training planned in the next cycle").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				JsonNode events = JSON.readTree(
						send("GET", "/api/v1/programmes/" + nextId + "/events", organiser, null).body());
				List<String> titles = new ArrayList<>();
				events.path("items").forEach(e -> titles.add(e.path("title").asString()));
				assertThat(titles).containsExactly("Digital tools clinic");
			});

		// the mentors of this cycle are invited back; Ana follows the link, and her account carries over
		HttpResponse<String> invited = send("POST", "/api/v1/programmes/" + nextId + "/returning-mentors", organiser,
				"{}");
		assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
		Member ana = mentors.get(0);
		String link = awaitLink(ana.person.email(), Mailbox.RETURN_LINK);
		Browser hers = new Browser();
		HttpResponse<String> offer = hers.open(link);
		assertThat(offer.statusCode()).as(offer.body()).isEqualTo(200);
		assertThat(offer.body()).contains("Vratite se kao mentorka ili mentor", ana.person.city());
		HttpResponse<String> back = hers.submit(GATEWAY + "/account/return", offer.body(), Map.of());
		assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
		assertThat(back.body()).contains("Dobro došli nazad");
		String again = new Browser().signIn(ISSUER, REDIRECT, ana.person.email(), PASSWORD);
		JsonNode hersNow = JSON.readTree(send("GET", "/api/v1/participants?size=50", again, null).body());
		Map<String, String> enrolments = new HashMap<>();
		hersNow.path("items").forEach(e -> enrolments.put(e.path("programmeId").asString(), e.path("id").asString()));
		assertThat(enrolments).containsEntry(programme, ana.id).containsKey(nextId);
		JsonNode returned = JSON.readTree(
				send("GET", "/api/v1/participants/" + enrolments.get(nextId), again, null).body());
		assertThat(returned.path("role").asString()).isEqualTo("MENTOR");
		assertThat(returned.path("city").asString()).isEqualTo(ana.person.city());
		assertThat(returned.path("displayName").asString()).isEqualTo(ana.person.name());
	}

	// --- the funder report against the events ---

	private static void checkFunderReport(String organiser, String programme, List<Member> mentees, List<Member> mentors, Member declined, Map<Integer, Integer> sessionRatings,
			Map<Integer, Integer> closingRatings, String afterSession, String atClosing) throws Exception {
		String path = "/api/v1/programmes/" + programme + "/funder-report";
		// everything the stack did is on the broker once the report shows the last of it: the pairs completed
		JsonNode report = await("the funder report counts the completed pairs").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> JSON.readTree(send("GET", path, organiser, null).body()),
					r -> r.at("/participants/total/completed").asInt() == 12
							&& r.at("/reviews/final/complete").asInt() == 5);
		Counts counts = Counts.from(Broker.events(PARTICIPANTS, MATCHING, SESSIONS), programme);

		// the people: seven mentees and six mentors enrolled, twelve admitted, matched and completed
		assertThat(counts.enrolled).hasSize(13);
		JsonNode people = report.path("participants");
		JsonNode total = funnel(counts, counts.enrolled.keySet());
		assertThat(total.toString()).isEqualTo("{\"applicants\":13,\"admitted\":12,\"matched\":12,\"completed\":12}");
		assertThat(people.path("total")).isEqualTo(total);
		for (String breakdown : List.of("byRole", "byCountry", "byOrganisation", "byOrganisationKind")) {
			Function<String, String> key = switch (breakdown) {
				case "byRole" -> id -> counts.enrolled.get(id).path("role").asString();
				case "byCountry" -> id -> counts.enrolled.get(id).path("country").asString();
				case "byOrganisation" -> id -> counts.enrolled.get(id).path("organisationId").asString();
				default -> id -> counts.kinds.get(counts.enrolled.get(id).path("organisationId").asString());
			};
			checkBreakdown(people.path(breakdown), counts, key, breakdown);
		}
		assertThat(group(people.path("byCountry"), "MK").path("applicants").isNull())
			.as("one person from North Macedonia is not shown").isTrue();

		// the pairs: six, all across a border, five Serbian-Croatian and one Serbian-Macedonian (both withheld)
		JsonNode pairs = report.path("pairs");
		assertThat(pairs.path("total").asInt()).isEqualTo(counts.pairs.size());
		long across = counts.pairs.values().stream().filter(p -> !country(counts, p[0]).equals(country(counts, p[1])))
			.count();
		assertThat(pairs.path("crossBorder").asInt()).isEqualTo(across).isEqualTo(6);
		Map<List<String>, Integer> byCountries = new LinkedHashMap<>();
		counts.pairs.values().forEach(p -> byCountries.merge(List.of(country(counts, p[0]), country(counts, p[1])), 1,
				Integer::sum));
		List<Integer> cells = new ArrayList<>();
		List<List<String>> keys = new ArrayList<>();
		pairs.path("byCountryPair").forEach(row -> {
			List<String> countries = List.of(row.path("mentorCountry").asString(), row.path("menteeCountry").asString());
			keys.add(countries);
			cells.add(byCountries.getOrDefault(countries, 0));
		});
		assertThat(new HashSet<>(keys)).isEqualTo(byCountries.keySet());
		List<Integer> shown = new ArrayList<>();
		pairs.path("byCountryPair").forEach(row -> shown.add(row.path("pairs").isNull() ? null : row.path("pairs").asInt()));
		assertThat(shown).isEqualTo(column(counts.pairs.size(), cells)).containsOnlyNulls();

		// the sessions: six held by six pairs, six hours; one called off
		assertThat(report.path("sessions").path("pairsMeeting").asInt()).isEqualTo(counts.pairsMeeting.size())
			.isEqualTo(6);
		assertThat(report.path("sessions").path("held").asInt()).isEqualTo(counts.held);
		assertThat(report.path("sessions").path("hours").asDouble()).isEqualTo(counts.minutesHeld / 60.0);
		assertThat(report.path("sessions").path("cancelled").asInt()).isEqualTo(counts.cancelled).isEqualTo(1);
		assertThat(report.path("sessions").path("noShows").asInt()).as("none recorded").isZero();
		assertThat(report.path("trainings").path("events").asInt()).isEqualTo(counts.trainings.size()).isEqualTo(1);

		// final reviews: five pairs of six wrote both; no midterm review
		assertThat(report.at("/reviews/final/pairs").asInt()).isEqualTo(counts.pairs.size());
		assertThat(report.at("/reviews/final/complete").asInt()).isEqualTo(counts.completeReviews("FINAL")).isEqualTo(5);
		assertThat(report.at("/reviews/midterm/complete").asInt()).isEqualTo(counts.completeReviews("MIDTERM")).isZero();

		// the surveys: asked and answered as the events say, the ratings as they were given
		for (String[] survey : new String[][] { { afterSession, "12", "11" }, { atClosing, "12", "6" } }) {
			JsonNode figures = null;
			for (JsonNode one : report.path("surveys")) {
				if (one.path("surveyId").asString().equals(survey[0])) {
					figures = one;
				}
			}
			assertThat(figures).as("survey " + survey[0] + " in the report").isNotNull();
			assertThat(figures.path("requested").asInt()).isEqualTo(counts.requested(survey[0]))
				.isEqualTo(Integer.parseInt(survey[1]));
			assertThat(figures.path("answered").asInt()).isEqualTo(counts.answered(survey[0]))
				.isEqualTo(Integer.parseInt(survey[2]));
			Map<Integer, Integer> given = survey[0].equals(afterSession) ? sessionRatings : closingRatings;
			JsonNode rating = figures.path("questions").get(0);
			int answers = given.values().stream().mapToInt(Integer::intValue).sum();
			assertThat(rating.path("answers").asInt()).isEqualTo(answers);
			double average = given.entrySet().stream().mapToDouble(e -> e.getKey() * e.getValue()).sum() / answers;
			assertThat(rating.path("average").asDouble()).isCloseTo(average, within(0.01));
			List<Integer> distribution = new ArrayList<>();
			List<Integer> ratingsShown = new ArrayList<>();
			for (int rate = 1; rate <= 5; rate++) {
				distribution.add(given.getOrDefault(rate, 0));
				JsonNode cell = rating.path("distribution").path(Integer.toString(rate));
				ratingsShown.add(cell.isNull() ? null : cell.asInt());
			}
			assertThat(ratingsShown).isEqualTo(column(answers, distribution));
		}
		assertThat(report.path("withheld").asInt()).as("small counts were withheld").isPositive();

		// no name, address or city of anyone in it, as JSON or as CSV
		HttpResponse<String> csv = send("GET", path, organiser, null, Map.of("Accept", "text/csv"));
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("<5");
		for (Member member : concat(concat(mentees, mentors), List.of(declined))) {
			for (String personal : List.of(member.person.name(), member.person.name().split(" ")[1],
					member.person.email(), member.person.city(), member.id)) {
				assertThat(report.toString()).as("the report as JSON").doesNotContain(personal);
				assertThat(csv.body()).as("the report as CSV").doesNotContain(personal);
			}
		}
	}

	/** The breakdown's groups are the ones the events give, each of its four columns suppressed as the rule says. */
	private static void checkBreakdown(JsonNode rows, Counts counts, Function<String, String> key, String breakdown) {
		Map<String, List<String>> members = new HashMap<>();
		counts.enrolled.keySet().forEach(id -> members.computeIfAbsent(key.apply(id), k -> new ArrayList<>()).add(id));
		List<String> groups = new ArrayList<>();
		rows.forEach(row -> groups.add(row.path("group").asString()));
		assertThat(new HashSet<>(groups)).as(breakdown).isEqualTo(members.keySet());
		List<JsonNode> expected = new ArrayList<>();
		for (String group : groups) {
			expected.add(funnel(counts, new HashSet<>(members.get(group))));
		}
		JsonNode total = funnel(counts, counts.enrolled.keySet());
		for (String measure : List.of("applicants", "admitted", "matched", "completed")) {
			List<Integer> cells = expected.stream().map(e -> e.path(measure).asInt()).toList();
			List<Integer> shown = new ArrayList<>();
			rows.forEach(row -> shown.add(row.path(measure).isNull() ? null : row.path(measure).asInt()));
			assertThat(shown).as(breakdown + " " + measure).isEqualTo(column(total.path(measure).asInt(), cells));
		}
	}

	/** Applicants, admitted, matched and completed among the people, as the events tell. */
	private static JsonNode funnel(Counts counts, Set<String> people) {
		Map<String, Integer> funnel = new LinkedHashMap<>();
		funnel.put("applicants", people.size());
		funnel.put("admitted", (int) people.stream().filter(counts.admitted::contains).count());
		funnel.put("matched", (int) people.stream().filter(counts.matched()::contains).count());
		funnel.put("completed", (int) people.stream().filter(counts.completed::contains).count());
		return JSON.valueToTree(funnel);
	}

	/**
	 * The publication rule, worked out here: a count of 1 to 4 is withheld; where a column's total is
	 * shown and exactly one cell is withheld, its smallest other non-zero cell is withheld too (the
	 * first of equals in the report's order).
	 */
	static List<Integer> column(int total, List<Integer> cells) {
		List<Integer> shown = new ArrayList<>(cells.stream().map(c -> small(c) ? null : c).toList());
		if (shown.stream().filter(c -> c == null).count() == 1 && !small(total)) {
			int smallest = -1;
			for (int i = 0; i < cells.size(); i++) {
				if (shown.get(i) != null && shown.get(i) > 0 && (smallest < 0 || cells.get(i) < cells.get(smallest))) {
					smallest = i;
				}
			}
			if (smallest >= 0) {
				shown.set(smallest, null);
			}
		}
		return shown;
	}

	private static boolean small(int count) {
		return count > 0 && count < 5;
	}

	private static String country(Counts counts, String participant) {
		return counts.enrolled.get(participant).path("country").asString();
	}

	private static JsonNode group(JsonNode rows, String group) {
		for (JsonNode row : rows) {
			if (row.path("group").asString().equals(group)) {
				return row;
			}
		}
		throw new AssertionError("no group " + group + " in " + rows);
	}

	/** What the events on the broker say about one programme, counted here and nowhere else. */
	static final class Counts {

		/** Everyone enrolled, by enrolment: the profile of her last enrolment or profile event. */
		final Map<String, JsonNode> enrolled = new LinkedHashMap<>();

		final Set<String> admitted = new HashSet<>();

		/** The pairs that started, by mentorship: mentor and mentee. */
		final Map<String, String[]> pairs = new LinkedHashMap<>();

		final Set<String> completed = new HashSet<>();

		final Set<String> pairsMeeting = new HashSet<>();

		int held;

		int minutesHeld;

		int cancelled;

		final Set<String> trainings = new HashSet<>();

		final Map<String, Set<String>> reviewAuthors = new HashMap<>();

		final Map<String, Set<String>> requests = new HashMap<>();

		final Map<String, Set<String>> answers = new HashMap<>();

		/** Organisation kinds, by organisation. */
		final Map<String, String> kinds = new HashMap<>();

		static Counts from(List<Broker.Event> events, String programme) {
			Counts counts = new Counts();
			for (Broker.Event event : events) {
				JsonNode data = event.data();
				String type = event.type().replace("mentoring.", "").replaceAll("\\.v\\d+$", "");
				if (type.startsWith("organisation.")) {
					counts.kinds.put(data.path("organisationId").asString(), data.path("kind").asString());
					continue;
				}
				JsonNode profile = data.path("profile");
				String of = profile.isMissingNode() ? data.path("programmeId").asString()
						: profile.path("programmeId").asString();
				if (!programme.equals(of)) {
					continue;
				}
				switch (type) {
					case "participant.enrolled", "participant.profile-updated" ->
						counts.enrolled.put(profile.path("participantId").asString(), profile);
					case "participant.admitted" -> counts.admitted.add(data.path("participantId").asString());
					case "mentorship.started" -> counts.pairs.put(data.path("mentorshipId").asString(),
							new String[] { data.path("mentorId").asString(), data.path("menteeId").asString() });
					case "mentorship.ended" -> {
						if ("COMPLETED".equals(data.path("reason").asString())) {
							counts.completed.add(data.path("mentorId").asString());
							counts.completed.add(data.path("menteeId").asString());
						}
					}
					case "session.held" -> {
						counts.held++;
						counts.minutesHeld += data.path("durationMinutes").asInt();
						counts.pairsMeeting.add(data.path("mentorshipId").asString());
					}
					case "session.cancelled" -> counts.cancelled++;
					case "programme-event.scheduled" -> counts.trainings.add(data.path("programmeEventId").asString());
					case "programme-event.cancelled" -> counts.trainings.remove(data.path("programmeEventId").asString());
					case "review.submitted" -> counts.reviewAuthors
						.computeIfAbsent(data.path("kind").asString() + "/" + data.path("mentorshipId").asString(),
								k -> new HashSet<>())
						.add(data.path("authorRole").asString());
					case "survey.requested" -> counts.requests
						.computeIfAbsent(data.path("surveyId").asString(), k -> new HashSet<>())
						.add(data.path("requestId").asString());
					case "survey.answered" -> counts.answers
						.computeIfAbsent(data.path("surveyId").asString(), k -> new HashSet<>())
						.add(data.path("requestId").asString());
					default -> {
						// not counted in a funder report
					}
				}
			}
			return counts;
		}

		Set<String> matched() {
			Set<String> matched = new HashSet<>();
			pairs.values().forEach(p -> matched.addAll(List.of(p)));
			return matched;
		}

		int completeReviews(String kind) {
			return (int) pairs.keySet()
				.stream()
				.filter(p -> reviewAuthors.getOrDefault(kind + "/" + p, Set.of()).containsAll(Set.of("MENTOR", "MENTEE")))
				.count();
		}

		int requested(String survey) {
			return requests.getOrDefault(survey, Set.of()).size();
		}

		int answered(String survey) {
			return answers.getOrDefault(survey, Set.of()).size();
		}

	}

	// --- steps ---

	private static String programme(String organiser, String run, LocalDate today) throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/programmes", organiser, """
				{"name": "Reg. Lab %s", "names": {"hr": "Regionalni laboratorij %s", "sr-Latn": "Regionalna laboratorija %s"},
				 "organiserId": "%s", "partnerIds": ["%s"], "startsOn": "%s", "endsOn": "%s",
				 "timeZone": "Europe/Belgrade", "languages": ["en", "sr-Latn", "hr"],
				 "enrolmentOpensOn": "%s", "enrolmentClosesOn": "%s"}
				""".formatted(run, run, run, ORGANISER, PARTNER, today.minusDays(10), today.plusDays(180),
				today.minusDays(20), today.plusDays(10)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String programme = JSON.readTree(created.body()).path("id").asString();
		assertThat(JSON.readTree(created.body()).path("status").asString()).isEqualTo("OPEN");
		HttpResponse<String> call = send("PUT", "/api/v1/programmes/" + programme + "/call", organiser, """
				{"texts": {"en": {"summary": "Six months of regional mentoring for cultural professionals",
				                  "eligibility": "Cultural professionals and NGOs of the region"}},
				 "questions": [{"id": "project-idea", "kind": "LONG_TEXT", "required": true,
				                "label": {"en": "Your project idea", "hr": "Vaša projektna ideja",
				                          "sr-Latn": "Vaša projektna ideja"}}]}
				""");
		assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
		return programme;
	}

	private static String survey(String organiser, String programme, String trigger, String croatianTitle,
			String question) throws Exception {
		HttpResponse<String> defined = send("POST", "/api/v1/programmes/" + programme + "/surveys", organiser,
				JSON.writeValueAsString(Map.of("title", Map.of("en", trigger + " survey", "hr", croatianTitle),
						"audience", "BOTH", "trigger", trigger, "questions",
						List.of(Map.of("kind", "RATING", "text", Map.of("en", question), "required", true)))));
		assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
		return JSON.readTree(defined.body()).path("id").asString();
	}

	private static String apply(String programme, Person person) throws Exception {
		HttpResponse<String> applied = send("POST", "/api/v1/applications", null, """
				{"programmeId": "%s", "role": "MENTEE", "displayName": "%s", "email": "%s",
				 "organisationId": "%s", "country": "%s", "city": "%s", "languages": %s,
				 "preferredLocale": "%s", "goals": [{"code": "digital-tools", "level": 5}], "format": "ONLINE",
				 "timeZone": "Europe/Zagreb",
				 "consent": {"version": "2026-10", "scopes": ["programme-participation", "matching", "notifications"]},
				 "answers": [{"questionId": "project-idea", "text": "A travelling archive of the region's festivals"}]}
				""".formatted(programme, person.name(), person.email(), PARTNER, person.country(), person.city(),
				"en".equals(person.locale()) ? "[\"en\", \"mk\"]" : "[\"" + person.locale() + "\", \"en\"]",
				person.locale()));
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(202);
		return JSON.readTree(applied.body()).path("participantId").asString();
	}

	private static void publishMatching(String organiser, String programme, Map<Member, Member> pairs)
			throws Exception {
		List<Map<String, String>> locked = new ArrayList<>();
		pairs.forEach((mentor, mentee) -> locked.add(Map.of("mentorId", mentor.id, "menteeId", mentee.id)));
		String[] run = new String[1];
		await("everyone in the matching pool").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				HttpResponse<String> started = send("POST", "/api/v1/programmes/" + programme + "/matching-runs",
						organiser, JSON.writeValueAsString(Map.of("lockedPairs", locked)));
				assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
				JsonNode body = JSON.readTree(started.body());
				Set<String> proposed = new HashSet<>();
				body.path("proposals").forEach(p -> proposed.add(p.path("mentorId").asString() + "/"
						+ p.path("menteeId").asString()));
				Set<String> wanted = new HashSet<>();
				pairs.forEach((mentor, mentee) -> wanted.add(mentor.id + "/" + mentee.id));
				assertThat(proposed).isEqualTo(wanted);
				run[0] = body.path("id").asString();
			});
		HttpResponse<String> published = send("POST",
				"/api/v1/programmes/" + programme + "/matching-runs/" + run[0] + "/publish", organiser, "{}");
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
	}

	private static String matchOf(String organiser, String programme, String mentee) {
		String[] match = new String[1];
		await("the proposal to " + mentee).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				List<String> found = ids(send("GET",
						"/api/v1/programmes/" + programme + "/matches?participantId=" + mentee, organiser, null), "items");
				assertThat(found).hasSize(1);
				match[0] = found.get(0);
			});
		return match[0];
	}

	private static String book(String token, String mentorship, LocalDateTime start) throws Exception {
		HttpResponse<String> booked = send("POST", "/api/v1/mentorships/" + mentorship + "/sessions", token, """
				{"start": "%s", "timeZone": "Europe/Zagreb", "durationMinutes": 60}""".formatted(start));
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		return JSON.readTree(booked.body()).path("id").asString();
	}

	private static JsonNode awaitSurveyRequest(Member member, String survey) {
		JsonNode[] request = new JsonNode[1];
		await(member.person.name() + " asked survey " + survey).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				JsonNode mine = JSON.readTree(
						send("GET", "/api/v1/participants/" + member.id + "/surveys", member.token, null).body());
				List<JsonNode> found = new ArrayList<>();
				mine.path("items").forEach(item -> {
					if (item.path("surveyId").asString().equals(survey)) {
						found.add(item);
					}
				});
				assertThat(found).hasSize(1);
				request[0] = found.get(0);
			});
		return request[0];
	}

	private static void answer(Member member, JsonNode request, int rating) throws Exception {
		String question = request.path("questions").get(0).path("id").asString();
		HttpResponse<String> answered = send("POST",
				"/api/v1/survey-requests/" + request.path("id").asString() + "/answers", member.token,
				JSON.writeValueAsString(Map.of("answers", List.of(Map.of("questionId", question, "rating", rating)))));
		assertThat(answered.statusCode()).as(answered.body()).isIn(200, 201);
	}

	private static void patch(String organiser, String programme, Map<String, String> changes) throws Exception {
		HttpResponse<String> read = send("GET", "/api/v1/programmes/" + programme, organiser, null);
		HttpResponse<String> patched = send("PATCH", "/api/v1/programmes/" + programme, organiser,
				JSON.writeValueAsString(changes), Map.of("Content-Type", "application/merge-patch+json", "If-Match",
						read.headers().firstValue("ETag").orElseThrow()));
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
	}

	private static void awaitStatus(String organiser, String programme, String status) {
		await("the programme " + status + " by its dates").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(JSON.readTree(
					send("GET", "/api/v1/programmes/" + programme, organiser, null).body()).path("status").asString())
				.isEqualTo(status));
	}

	private static JsonNode awaitCertificate(Member member, String programme) {
		JsonNode[] certificate = new JsonNode[1];
		await(member.person.name() + "'s certificate").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				JsonNode mine = JSON.readTree(send("GET", "/api/v1/participants/" + member.id + "/certificates",
						member.token, null).body());
				List<JsonNode> found = new ArrayList<>();
				mine.forEach(c -> {
					if (c.path("programmeId").asString().equals(programme)) {
						found.add(c);
					}
				});
				assertThat(found).hasSize(1);
				certificate[0] = found.get(0);
			});
		return certificate[0];
	}

	private static String textOf(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static <T> List<T> concat(List<T> one, List<T> other) {
		List<T> both = new ArrayList<>(one);
		both.addAll(other);
		return both;
	}

}
