package com.kreativnomentorstvo.sessions.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Text that ends up in calendar files (titles, agendas, venues, links) cannot carry control
 * characters into them: a CR LF injection attempt in a one-line field is refused naming the field,
 * a lone CR anywhere too, and the line breaks a multi-line text may hold are escaped, so that no
 * attempt adds a property to the .ics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarTextIT extends IntegrationTest {

	private TestProgramme programme;

	private TestProgramme.Pair pair;

	private String sessions;

	private String events;

	private final AtomicInteger days = new AtomicInteger();

	@BeforeAll
	void aPair() {
		programme = TestProgramme.announced();
		pair = startedPair(programme, 5);
		sessions = "/api/v1/mentorships/" + pair.mentorshipId() + "/sessions";
		events = "/api/v1/programmes/" + programme.id + "/events";
	}

	@Test
	void aLineBreakOrControlCharacterInAOneLineFieldIsRefusedNamingIt() {
		int before = api().get(sessions, pair.mentorToken()).json().get("total").asInt();

		assertRefused(api().post(sessions, pair.mentorToken(), booking("IN_PERSON",
				"Studio 4\r\nX-INJECTED:venue", null)), "venue");
		assertRefused(api().post(sessions, pair.mentorToken(), booking("IN_PERSON", "Studio 4\u0007", null)),
				"venue");
		assertRefused(api().post(sessions, pair.mentorToken(), booking("ONLINE", null, "Plan\rX-INJECTED:agenda")),
				"agenda");
		Map<String, Object> withRoom = new LinkedHashMap<>(Map.of("start", inDays(40, 18, 0).toString(),
				"timeZone", "Europe/Belgrade", "durationMinutes", 60, "meetingUrl",
				"https://meet.example.org/room\r\nX-INJECTED:url"));
		assertRefused(api().post(sessions, pair.mentorToken(), withRoom), "meetingUrl");

		assertThat(api().get(sessions, pair.mentorToken()).json().get("total").asInt()).as("nothing booked")
			.isEqualTo(before);

		Reply booked = api().post(sessions, pair.mentorToken(), booking("IN_PERSON", "Studio 4", null));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		String session = "/api/v1/sessions/" + booked.json().get("id").asString();
		assertRefused(api().patch(session, pair.mentorToken(), Map.of("venue", "Studio 5\nX-INJECTED:1")),
				"venue");
		assertThat(api().get(session, pair.mentorToken()).json().get("venue").asString()).isEqualTo("Studio 4");

		assertRefused(api().post(events, programme.coordinatorToken(), training("Clinic\r\nX-INJECTED:title",
				"Hall", "Bring a laptop")), "title");
		assertRefused(api().post(events, programme.coordinatorToken(), training("Clinic", "Hall\u000bB", null)),
				"venue");
		assertRefused(api().post(events, programme.coordinatorToken(), training("Clinic", "Hall", "a\rb")),
				"description");
	}

	@Test
	void aCrLfInjectionAttemptInAMultiLineTextAddsNoPropertyToTheCalendar() throws Exception {
		String agenda = "Plan\r\nX-INJECTED:agenda\r\nATTENDEE:mailto:evil@example.org\nEND:VEVENT";
		Reply booked = api().post(sessions, pair.mentorToken(), booking("ONLINE", null, agenda));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		Reply training = api().post(events, programme.coordinatorToken(),
				training("Clinic", "Hall", "Bring\r\nX-INJECTED:description\r\nBEGIN:VALARM"));
		assertThat(training.status()).as(training.body()).isEqualTo(201);

		List<String> calendars = List.of(
				api().get("/api/v1/sessions/" + booked.json().get("id").asString() + "/calendar.ics", pair.mentorToken())
					.body(),
				api().get(events + "/" + training.json().get("id").asString() + "/calendar.ics", pair.menteeToken())
					.body(),
				api().get("/api/v1/participants/" + pair.menteeId() + "/calendar.ics", pair.menteeToken()).body());

		for (String ics : calendars) {
			assertThat(ics.replace("\r\n", "")).as("no line end but CR LF").doesNotContain("\r").doesNotContain("\n");
			assertThat(Arrays.asList(ics.split("\r\n"))).as(ics)
				.noneMatch(line -> line.startsWith("X-INJECTED") || line.startsWith("ATTENDEE:mailto:evil")
						|| line.startsWith("BEGIN:VALARM"));
			Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
			assertThat(calendar.<VEvent>getComponents(Component.VEVENT)).isNotEmpty().allSatisfy(event -> {
				assertThat(event.getProperty("X-INJECTED")).isEmpty();
				assertThat(event.<Property>getProperties(Property.ATTENDEE)).noneMatch(a -> a.getValue().contains("evil"));
			});
		}
		VEvent session = new CalendarBuilder().build(new StringReader(calendars.get(0)))
			.<VEvent>getComponents(Component.VEVENT)
			.get(0);
		assertThat(session.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
			.as("the agenda's lines are kept as text").contains("Plan\nX-INJECTED:agenda\nATTENDEE:mailto:evil");
	}

	private String booking(String mode, String venue, String agenda) {
		Map<String, Object> body = new LinkedHashMap<>();
		// a day of its own, so that no booking overlaps another
		body.put("start", inDays(3 + days.incrementAndGet(), 10, 0).toString());
		body.put("timeZone", "Europe/Belgrade");
		body.put("durationMinutes", 30);
		body.put("mode", mode);
		if (venue != null) {
			body.put("venue", venue);
		}
		if (agenda != null) {
			body.put("agenda", agenda);
		}
		return ServiceApi.json(body);
	}

	private String training(String title, String venue, String description) {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("kind", "TRAINING", "title", title, "start",
				inDays(12, 10, 0).toString(), "durationMinutes", 60, "timeZone", "Europe/Belgrade", "mode", "IN_PERSON",
				"venue", venue));
		if (description != null) {
			body.put("description", description);
		}
		return ServiceApi.json(body);
	}

	private static void assertRefused(Reply response, String field) {
		assertThat(response.status()).as(response.body()).isBetween(400, 499);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
	}

}
