package com.kreativnomentorstvo.sessions.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.participants.OrganisationRegistered;
import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantProfile;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.sessions.support.Upstream;
import com.kreativnomentorstvo.testkit.http.ServiceApi;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * The funder report of a programme whose people come from three countries and three organisations:
 * seven mentors of the organiser in Serbia, six mentees of a Croatian partner, two mentees of a
 * Macedonian partner and three applicants not admitted; six pairs (five Serbian-Croatian, one
 * Serbian-Macedonian), three completed and one ended by a coordinator; sessions, midterm reviews and
 * trainings. Every expected figure below is counted from what this test announced, not from the
 * service's answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunderReportIT extends IntegrationTest {

	TestProgramme programme;

	final List<String> namesAndAddresses = new ArrayList<>();

	final List<String> mentors = new ArrayList<>();

	final List<String> croatianMentees = new ArrayList<>();

	final List<String> macedonianMentees = new ArrayList<>();

	final List<TestProgramme.Pair> pairs = new ArrayList<>();

	String path;

	String surveyId;

	@BeforeAll
	void aProgrammeAcrossThreeCountriesRunsItsCourse() {
		programme = TestProgramme.announced();
		path = "/api/v1/programmes/" + programme.id + "/funder-report";
		Upstream.publish(new OrganisationRegistered(programme.organiser, "Kreativno mentorstvo", "RS", "ngo",
				Instant.now()));
		Upstream.publish(new OrganisationRegistered(programme.partner, "Kultura Nova", "HR", "foundation",
				Instant.now()));
		Upstream.publish(new OrganisationRegistered(programme.otherPartner, "Skopje Hub", "MK", "network",
				Instant.now()));
		for (int i = 0; i < 7; i++) {
			mentors.add(enrol(programme.organiser, Role.MENTOR, "RS", ParticipantStatus.ACTIVE, "Mentorka Srpska " + (char) ('A' + i)));
		}
		for (int i = 0; i < 6; i++) {
			croatianMentees.add(enrol(programme.partner, Role.MENTEE, "HR", ParticipantStatus.ACTIVE, "Mentija Hrvatska " + (char) ('A' + i)));
		}
		for (int i = 0; i < 2; i++) {
			macedonianMentees.add(enrol(programme.otherPartner, Role.MENTEE, "MK", ParticipantStatus.ACTIVE, "Менти Македонска " + (char) ('А' + i)));
		}
		for (int i = 0; i < 3; i++) {
			enrol(programme.organiser, Role.MENTEE, "RS", ParticipantStatus.APPLIED, "Kandidatkinja Srpska " + (char) ('A' + i));
		}
		for (int i = 0; i < 5; i++) {
			pairs.add(programme.start(mentors.get(i), croatianMentees.get(i), Instant.now().minus(Duration.ofDays(30))));
		}
		pairs.add(programme.start(mentors.get(5), macedonianMentees.get(0), Instant.now().minus(Duration.ofDays(30))));
		for (TestProgramme.Pair pair : pairs) {
			awaitMentorship(pair.mentorshipId(), json -> true);
			awaitEnrolled(pair.mentorId(), pair.menteeId());
		}

		// an after-session survey for the mentees: a rating and a choice
		Reply survey = api().post("/api/v1/programmes/" + programme.id + "/surveys", programme.coordinatorToken(),
				Map.of("title", Map.of("en", "After the session", "sr-Latn", "Posle sesije"), "audience", "MENTEES",
						"trigger", "AFTER_SESSION", "questions",
						List.of(Map.of("kind", "RATING", "text", Map.of("en", "How useful was it?"), "required", true),
								Map.of("kind", "CHOICE", "text", Map.of("en", "What helped most?"), "required", true,
										"options", List.of(Map.of("text", Map.of("en", "Advice")),
												Map.of("text", Map.of("en", "Contacts")))))));
		assertThat(survey.status()).as(survey.body()).isEqualTo(201);
		surveyId = survey.json().get("id").asString();

		// five pairs meet (one of them twice, for 90 minutes), the sixth not yet; a seventh session is cancelled
		for (int i = 0; i < 5; i++) {
			String session = booked(pairs.get(i), inDays(-2, 18, 0), 60);
			assertThat(api().post("/api/v1/sessions/" + session + "/held", pairs.get(i).mentorToken(), "{}").status())
				.isEqualTo(200);
		}
		String second = booked(pairs.get(0), inDays(-1, 18, 0), 90);
		assertThat(api().post("/api/v1/sessions/" + second + "/held", pairs.get(0).mentorToken(), "{}").status())
			.isEqualTo(200);
		String cancelled = booked(pairs.get(5), inDays(3, 18, 0), 60);
		assertThat(api().post("/api/v1/sessions/" + cancelled + "/cancel", pairs.get(5).mentorToken(),
				Map.of("reason", "SCHEDULE_CONFLICT")).status()).isEqualTo(200);

		// five mentees answer one survey each: ratings 4, 4, 5, 3, 5; advice three times, contacts twice
		int[] ratings = { 4, 4, 5, 3, 5 };
		for (int i = 0; i < 5; i++) {
			TestProgramme.Pair pair = pairs.get(i);
			String questions = "/api/v1/participants/" + pair.menteeId() + "/surveys";
			JsonNode asked = api().get(questions, pair.menteeToken()).json().at("/items/0");
			String rating = asked.at("/questions/0/id").asString();
			String choice = asked.at("/questions/1/id").asString();
			String option = asked.at("/questions/1/options/" + (i < 3 ? 0 : 1) + "/id").asString();
			Reply answered = api().post("/api/v1/survey-requests/" + asked.get("id").asString() + "/answers",
					pair.menteeToken(), Map.of("answers", List.of(Map.of("questionId", rating, "rating", ratings[i]),
							Map.of("questionId", choice, "choice", option))));
			assertThat(answered.status()).as(answered.body()).isEqualTo(201);
		}

		// the midterm review of five pairs is complete (both wrote it), the sixth has the mentor's only
		for (int i = 0; i < 6; i++) {
			TestProgramme.Pair pair = pairs.get(i);
			List<String> authors = i < 5 ? List.of(pair.mentorToken(), pair.menteeToken()) : List.of(pair.mentorToken());
			for (String author : authors) {
				Reply review = api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/reviews", author,
						Map.of("kind", "MIDTERM", "progress", "Good", "challenges", "Time", "nextSteps", "More"));
				assertThat(review.status()).as(review.body()).isEqualTo(201);
			}
		}

		// three trainings yesterday (an event records at most LIMIT people in these tests): six were there, two not
		String events = "/api/v1/programmes/" + programme.id + "/events";
		List<List<Map<String, String>>> sheets = List.of(
				List.of(present(mentors.get(0)), present(mentors.get(1)), present(mentors.get(2))),
				List.of(present(mentors.get(3)), present(mentors.get(4)), present(mentors.get(5))),
				List.of(Map.of("participantId", mentors.get(6), "status", "ABSENT"),
						Map.of("participantId", croatianMentees.get(0), "status", "ABSENT")));
		for (List<Map<String, String>> sheet : sheets) {
			Reply training = api().post(events, programme.coordinatorToken(), Map.of("kind", "TRAINING", "title",
					"Digital tools clinic", "start", inDays(-1, 16, 0).toString(), "durationMinutes", 90, "timeZone",
					"Europe/Belgrade"));
			assertThat(training.status()).as(training.body()).isEqualTo(201);
			Reply attendance = api().put(events + "/" + training.json().get("id").asString() + "/attendance",
					programme.coordinatorToken(), ServiceApi.json(Map.of("records", sheet)));
			assertThat(attendance.status()).as(attendance.body()).isEqualTo(200);
		}

		// three Serbian-Croatian pairs complete the programme, the Serbian-Macedonian one is ended by a coordinator
		for (int i = 0; i < 3; i++) {
			end(pairs.get(i), "COMPLETED");
		}
		end(pairs.get(5), "ENDED_BY_COORDINATOR");
		for (int i : new int[] { 0, 1, 2, 5 }) {
			awaitMentorship(pairs.get(i).mentorshipId(), json -> "ENDED".equals(json.path("status").asString()));
		}
		Awaitility.await("every enrolment and organisation taken in")
			.atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				JsonNode report = api().get(path, programme.coordinatorToken()).json();
				return report.at("/participants/total/applicants").asInt() == 18
						&& report.at("/participants/byOrganisation").findValuesAsString("name").size() == 3;
			});
	}

	@Test
	void theProgrammesFiguresAreTheOnesItsEventsGive() {
		JsonNode report = api().get(path, programme.coordinatorToken()).json();

		// 18 enrolled, 15 admitted (not the 3 applicants), 12 in a pair (6 mentors, 6 mentees), 6 completed
		assertThat(report.at("/participants/total").toString())
			.isEqualTo("{\"applicants\":18,\"admitted\":15,\"matched\":12,\"completed\":6}");
		assertThat(group(report, "byRole", "MENTOR").toString()).isEqualTo(
				"{\"group\":\"MENTOR\",\"applicants\":7,\"admitted\":7,\"matched\":6,\"completed\":null}");
		assertThat(group(report, "byRole", "MENTEE").toString()).isEqualTo(
				"{\"group\":\"MENTEE\",\"applicants\":11,\"admitted\":8,\"matched\":6,\"completed\":null}");
		// Serbia: 10 enrolled, 7 admitted, 6 matched, 3 completed (withheld); Croatia 6/6/5/3; North Macedonia 2/2/1/0;
		// Croatia's 6 enrolled is withheld too, or 18 - 10 - 6 would give North Macedonia's 2 away
		assertThat(group(report, "byCountry", "RS").toString()).isEqualTo(
				"{\"group\":\"RS\",\"applicants\":10,\"admitted\":7,\"matched\":6,\"completed\":null}");
		assertThat(group(report, "byCountry", "HR").toString()).isEqualTo(
				"{\"group\":\"HR\",\"applicants\":null,\"admitted\":null,\"matched\":null,\"completed\":null}");
		assertThat(group(report, "byCountry", "MK").toString()).isEqualTo(
				"{\"group\":\"MK\",\"applicants\":null,\"admitted\":null,\"matched\":null,\"completed\":0}");
		assertThat(group(report, "byOrganisation", programme.organiser).path("name").asString())
			.isEqualTo("Kreativno mentorstvo");
		assertThat(group(report, "byOrganisation", programme.organiser).path("applicants").asInt()).isEqualTo(10);
		assertThat(group(report, "byOrganisationKind", "ngo").path("admitted").asInt()).isEqualTo(7);

		// six pairs, all across a border; five Serbian-Croatian and one Serbian-Macedonian, both withheld
		assertThat(report.at("/pairs/total").asInt()).isEqualTo(6);
		assertThat(report.at("/pairs/crossBorder").asInt()).isEqualTo(6);
		assertThat(report.at("/pairs/crossBorderShare").asDouble()).isEqualTo(1.0);
		assertThat(report.at("/pairs/byCountryPair").toString()).isEqualTo(
				"[{\"mentorCountry\":\"RS\",\"menteeCountry\":\"HR\",\"pairs\":null},"
						+ "{\"mentorCountry\":\"RS\",\"menteeCountry\":\"MK\",\"pairs\":null}]");

		// five pairs met: six sessions held, 5 x 60 + 90 minutes; one cancelled
		assertThat(report.at("/sessions").toString())
			.isEqualTo("{\"pairsMeeting\":5,\"held\":6,\"hours\":6.5,\"noShows\":0,\"cancelled\":1}");
		assertThat(report.at("/trainings").toString())
			.isEqualTo("{\"events\":3,\"attendanceRecorded\":8,\"present\":6,\"attendanceShare\":0.75}");
		assertThat(report.at("/reviews/midterm").toString()).isEqualTo("{\"pairs\":6,\"complete\":5,\"share\":0.833}");
		assertThat(report.at("/reviews/final").toString()).isEqualTo("{\"pairs\":6,\"complete\":0,\"share\":0.0}");
		// six requests (the first pair's mentee was asked twice), five answered; the ratings' cells of 1 and 2
		// people are withheld, and so are both options (3 and 2 of 5)
		JsonNode surveyFigures = report.at("/surveys/0");
		assertThat(surveyFigures.path("surveyId").asString()).isEqualTo(surveyId);
		assertThat(surveyFigures.path("title").asString()).as("in the programme's first language").isEqualTo("After the session");
		assertThat(surveyFigures.path("requested").asInt()).isEqualTo(6);
		assertThat(surveyFigures.path("answered").asInt()).isEqualTo(5);
		assertThat(surveyFigures.path("answeredShare").asDouble()).isEqualTo(0.833);
		assertThat(surveyFigures.at("/questions/0/average").asDouble()).isEqualTo(4.2);
		assertThat(surveyFigures.at("/questions/0/distribution").toString())
			.isEqualTo("{\"1\":0,\"2\":0,\"3\":null,\"4\":null,\"5\":null}");
		assertThat(surveyFigures.at("/questions/1/answers").asInt()).isEqualTo(5);
		assertThat(surveyFigures.at("/questions/1/options").findValues("count")).allMatch(JsonNode::isNull);
		assertThat(report.path("smallestCountShown").asInt()).isEqualTo(5);
		assertThat(report.path("withheld").asInt()).isEqualTo(countNulls(report));
	}

	@Test
	void neitherTheReportNorItsCsvHoldsAnyNameOrAddressOfAPerson() {
		for (Reply reply : List.of(api().get(path, programme.coordinatorToken()),
				api().get(path + ".csv", programme.coordinatorToken()),
				api().get(path, programme.coordinatorToken(), Map.of("Accept", "text/csv")))) {
			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(namesAndAddresses).allSatisfy(secret -> assertThat(reply.body()).doesNotContain(secret));
			assertThat(reply.body()).doesNotContain("@").doesNotContain("par-");
		}
		Reply csv = api().get(path + ".csv", programme.coordinatorToken());
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).startsWith("section,group,measure,value")
			.contains("participants,total,applicants,18")
			.contains("participants-by-country,HR,applicants,<5")
			.contains("pairs-by-country-pair,RS-MK,pairs,<5")
			.contains("sessions,total,hours,6.5");
	}

	@Test
	void everyCoordinatorOfTheProgrammeReadsItAndNobodyElse() {
		assertThat(api().get(path, programme.partnerCoordinatorToken()).status()).isEqualTo(200);
		assertThat(api().get(path, tokens().admin("org-platform")).status()).isEqualTo(200);
		assertProblem(api().get(path, tokens().coordinator("org-elsewhere-" + UUID.randomUUID())), 404);
		assertProblem(api().get(path, pairs.get(0).menteeToken()), 404);
		assertProblem(api().get(path, null), 401);
		assertProblem(api().get("/api/v1/programmes/prog-unknown/funder-report", tokens().admin("org-platform")), 404);
	}

	@Test
	void aPeriodCountsTheProgrammesRunningInItThatTheCallerCoordinates() {
		LocalDate today = LocalDate.now(TestProgramme.ZONE);
		String during = "/api/v1/funder-report?from=" + today.minusDays(10) + "&to=" + today;
		JsonNode mine = api().get(during, programme.partnerCoordinatorToken()).json();
		assertThat(mine.at("/scope/programmes").findValuesAsString("id")).contains(programme.id);
		assertThat(mine.at("/scope/from").asString()).isEqualTo(today.minusDays(10).toString());
		JsonNode everyProgramme = api().get(during, tokens().admin("org-platform")).json();
		assertThat(everyProgramme.at("/scope/programmes").findValuesAsString("id")).contains(programme.id);

		// the period holds the sessions held in it only: the day before yesterday's five, not yesterday's
		JsonNode alone = api().get("/api/v1/funder-report?from=" + today.minusDays(2) + "&to=" + today.minusDays(2),
				tokens().coordinator(programme.otherPartner)).json();
		assertThat(alone.at("/scope/programmes").findValuesAsString("id")).containsExactly(programme.id);
		assertThat(alone.at("/sessions/held").asInt()).isEqualTo(5);
		assertThat(alone.at("/trainings/events").asInt()).isZero();

		JsonNode before = api().get("/api/v1/funder-report?from=2000-01-01&to=2000-12-31",
				programme.coordinatorToken()).json();
		assertThat(before.at("/scope/programmes").findValuesAsString("id")).doesNotContain(programme.id);
		JsonNode elsewhere = api().get(during, tokens().coordinator("org-elsewhere-" + UUID.randomUUID())).json();
		assertThat(elsewhere.at("/scope/programmes").size()).isZero();
		assertThat(elsewhere.at("/participants/total/applicants").asInt()).isZero();
	}

	@Test
	void aPeriodOutOfOrderOrAParticipantAsking() {
		Reply reversed = api().get("/api/v1/funder-report?from=2027-03-01&to=2027-01-01", programme.coordinatorToken());
		assertProblem(reversed, 422);
		assertThat(reversed.json().at("/errors/0/field").asString()).isEqualTo("to");
		Reply impossible = api().get("/api/v1/funder-report?from=2027-02-30", programme.coordinatorToken());
		assertProblem(impossible, 400);
		assertThat(impossible.body()).contains("from");
		assertProblem(api().get("/api/v1/funder-report", pairs.get(0).mentorToken()), 403);
		assertProblem(api().get("/api/v1/funder-report", null), 401);
	}

	private String enrol(String organisationId, Role role, String country, ParticipantStatus status, String name) {
		String participantId = "par-" + role.name().toLowerCase() + "-" + UUID.randomUUID();
		ParticipantProfile base = programme.profile(participantId, organisationId, role, "Europe/Belgrade", status,
				TestTokens.accountOf(participantId));
		ParticipantProfile profile = new ParticipantProfile(participantId, base.programmeId(), organisationId, role,
				status, country, base.city(), base.languages(), base.preferredLocale(), base.skills(), base.goals(),
				base.format(), base.timeZone(), base.availability(), base.capacity(), base.preferredMentorIds(),
				base.avoidedParticipantIds(), base.accountId());
		Upstream.publish(new ParticipantEnrolled(profile, Instant.now()));
		String email = "person-" + UUID.randomUUID() + "@example.org";
		Upstream.publish(new ParticipantContactChanged(participantId, programme.id, organisationId, name, email, "en",
				"Europe/Belgrade", Instant.now()));
		namesAndAddresses.add(name);
		namesAndAddresses.add(email);
		return participantId;
	}

	private static Map<String, String> present(String participantId) {
		return Map.of("participantId", participantId, "status", "PRESENT");
	}

	private void end(TestProgramme.Pair pair, String reason) {
		Upstream.publish(new MentorshipEnded(pair.mentorshipId(), programme.id, programme.organiser, pair.mentorId(),
				pair.menteeId(), reason, Instant.now()));
	}

	private static JsonNode group(JsonNode report, String breakdown, String key) {
		for (JsonNode group : report.path("participants").path(breakdown)) {
			if (key.equals(group.path("group").asString())) {
				return group;
			}
		}
		throw new AssertionError("no group " + key + " in " + breakdown + ": " + report.path("participants"));
	}

	/** The figures withheld: every null but a share (which is left out when one of its counts is withheld). */
	private static int countNulls(JsonNode node) {
		int nulls = 0;
		for (var field : node.properties()) {
			JsonNode value = field.getValue();
			if (value.isNull() && !field.getKey().toLowerCase().endsWith("share")) {
				nulls++;
			}
			else if (value.isContainer()) {
				nulls += countNulls(value);
			}
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				nulls += countNulls(element);
			}
		}
		return nulls;
	}

}
