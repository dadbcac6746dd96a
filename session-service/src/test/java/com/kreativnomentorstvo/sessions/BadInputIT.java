package com.kreativnomentorstvo.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.sessions.support.Upstream;
import com.kreativnomentorstvo.testkit.http.Reply;

/** Bad input is a 4xx problem naming what is wrong, and leaves nothing half-written. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT extends IntegrationTest {

	private TestProgramme.Pair pair;

	private String sessions;

	private final AtomicInteger slots = new AtomicInteger();

	@BeforeAll
	void aPairThatBeganFiveDaysAgo() {
		pair = startedPair(TestProgramme.announced(), 5);
		sessions = "/api/v1/mentorships/" + pair.mentorshipId() + "/sessions";
	}

	@ParameterizedTest(name = "{0} -> {1} naming {2}")
	@CsvSource(delimiter = '|', textBlock = """
			{"start":"@+3 18:00","end":"@+3 17:00","timeZone":"Europe/Belgrade"}                         | 422 | end
			{"start":"@+3 18:00","end":"@+3 18:00","timeZone":"Europe/Belgrade"}                         | 422 | end
			{"start":"@+3 18:00","durationMinutes":60,"timeZone":"Europe/Novi_Sad"}                      | 422 | timeZone
			{"start":"@+3 18:00","durationMinutes":60,"timeZone":"+01:00"}                               | 422 | timeZone
			{"start":"@+3 18:00","durationMinutes":60}                                                   | 400 | timeZone
			{"durationMinutes":60,"timeZone":"Europe/Belgrade"}                                          | 400 | start
			{"start":"next Tuesday","durationMinutes":60,"timeZone":"Europe/Belgrade"}                   | 422 | start
			{"start":"@+3 18:00","timeZone":"Europe/Belgrade"}                                           | 422 | durationMinutes
			{"start":"@+3 18:00","durationMinutes":5,"timeZone":"Europe/Belgrade"}                       | 422 | durationMinutes
			{"start":"@+3 18:00","durationMinutes":60,"timeZone":"Europe/Belgrade","mode":"IN_PERSON"}   | 422 | venue
			{"start":"@+3 18:00","durationMinutes":60,"timeZone":"Europe/Belgrade","mode":"HYBRID"}      | 400 | mode
			{"start":"@+3 18:00","durationMinutes":60,"timeZone":"Europe/Belgrade","room":"A1"}          | 400 | room
			{"start":"@+3 18:00","durationMinutes":"an hour","timeZone":"Europe/Belgrade"}               | 400 | durationMinutes
			{"start":"@+3 18:00","durationMinutes":60,"timeZone":"Europe/Belgrade","meetingUrl":"http://meet.example.org/x"} | 422 | meetingUrl
			{"start":"@+3 18:00","durationMinutes":60,"timeZone":"Europe/Belgrade","weeklyOccurrences":60} | 422 | weeklyOccurrences
			{"start":"@-10 18:00","durationMinutes":60,"timeZone":"Europe/Belgrade"}                     | 422 | start
			{"start":"@-40 18:00","durationMinutes":60,"timeZone":"Europe/Belgrade"}                     | 422 | start
			""")
	void aBadBookingIsAProblemNamingTheFieldAndBooksNothing(String body, int status, String field) {
		int before = api().get(sessions, pair.mentorToken()).json().get("total").asInt();

		Reply response = api().post(sessions, pair.mentorToken(), dated(body));

		assertProblem(response, status);
		assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
		assertThat(api().get(sessions, pair.mentorToken()).json().get("total").asInt()).isEqualTo(before);
	}

	@Test
	void feedbackBeforeTheSessionWasHeldIsAConflict() {
		String session = booked(pair, inDays(2, 9, 0), 60);

		Reply response = api().post("/api/v1/sessions/" + session + "/feedback", pair.menteeToken(),
				Map.of("rating", 5));

		assertProblem(response, 409);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:mentoring:problem:session-not-held");
		cancel(session);
	}

	@Test
	void aSessionCannotBeRecordedAsHeldBeforeItStarts() {
		String session = booked(pair, inDays(2, 12, 0), 60);

		Reply response = api().post("/api/v1/sessions/" + session + "/held", pair.mentorToken(), "{}");

		assertProblem(response, 409);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:mentoring:problem:session-not-started");
		cancel(session);
	}

	@ParameterizedTest(name = "{0} -> {1} naming {2}")
	@CsvSource(delimiter = '|', textBlock = """
			feedback | {"rating":6}                                                 | 400 | rating
			feedback | {"rating":0}                                                 | 400 | rating
			feedback | {}                                                           | 400 | rating
			held     | {"outcome":"NO_SHOW"}                                        | 422 | absent
			held     | {"outcome":"HELD","absent":"MENTEE"}                         | 422 | absent
			held     | {"outcome":"POSTPONED"}                                      | 400 | outcome
			cancel   | {"reason":"MENTORSHIP_ENDED"}                                | 422 | reason
			cancel   | {"reason":"BORED"}                                           | 400 | reason
			cancel   | {}                                                           | 400 | reason
			""")
	void aBadRequestAboutASessionNamesTheField(String action, String body, int status, String field) {
		String session = booked(pair, inDays(-1, 6, 0).plusMinutes(45L * slots.incrementAndGet()), 30);
		if (action.equals("feedback")) {
			api().post("/api/v1/sessions/" + session + "/held", pair.mentorToken(), "{}");
		}

		Reply response = api().post("/api/v1/sessions/" + session + "/" + action, pair.menteeToken(), body);

		assertProblem(response, status);
		assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
		cancel(session);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			{"kind":"MIDWAY","progress":"p","challenges":"c","nextSteps":"n"} | kind
			{"kind":"MIDTERM","challenges":"c","nextSteps":"n"}              | progress
			{"kind":"MIDTERM","progress":" ","challenges":"c","nextSteps":"n"} | progress
			""")
	void aBadReviewNamesTheField(String body, String field) {
		Reply response = api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/reviews",
				pair.menteeToken(), body);

		assertProblem(response, 400);
		assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
	}

	@Test
	void aListPageLargerThanAHundredIsRefused() {
		Reply response = api().get("/api/v1/mentorships?size=1000", pair.menteeToken());

		assertProblem(response, 400);
		assertThat(response.json().get("errors").findValuesAsString("field")).contains("size");
	}

	@Test
	void aSessionForAnEndedMentorshipIsAConflict() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair ended = startedPair(programme, 30);
		Upstream.publish(new MentorshipEnded(ended.mentorshipId(), programme.id, programme.organiser, ended.mentorId(),
				ended.menteeId(), "COMPLETED", Instant.now()));
		awaitMentorship(ended.mentorshipId(), json -> json.get("status").asString().equals("ENDED"));

		Reply response = book(ended, ended.mentorToken(), inDays(3, 18, 0), "Europe/Belgrade", 60);

		assertProblem(response, 409);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:mentoring:problem:mentorship-ended");
		Reply goal = api().post("/api/v1/mentorships/" + ended.mentorshipId() + "/goals", ended.menteeToken(),
				Map.of("title", "One more"));
		assertProblem(goal, 409);
	}

	private void cancel(String session) {
		api().post("/api/v1/sessions/" + session + "/cancel", pair.mentorToken(), "{\"reason\":\"OTHER\"}");
	}

	/** "@+3 18:00" is 18:00 three days from today in Belgrade. */
	private static String dated(String body) {
		return Pattern.compile("@([+-]\\d+) (\\d\\d:\\d\\d)")
			.matcher(body)
			.replaceAll(m -> LocalDate.now(TestProgramme.ZONE).plusDays(Integer.parseInt(m.group(1))) + "T" + m.group(2));
	}

}
