package com.kreativnomentorstvo.sessions.calendar;

import static com.kreativnomentorstvo.sessions.support.Ics.onlyEvent;
import static com.kreativnomentorstvo.sessions.support.Ics.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.sessions.support.Upstream;
import com.kreativnomentorstvo.testkit.http.Reply;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;

/** Calendar files over HTTP, parsed back with ical4j, and the secret feed a calendar app subscribes to. */
class CalendarIT extends IntegrationTest {

	@Test
	void aSessionsCalendarEntryKeepsItsUidRaisesItsSequenceAndEndsAsACancel() throws Exception {
		TestProgramme.Pair pair = startedPair(TestProgramme.announced(), 3);
		String session = booked(pair, inDays(9, 18, 0), 60);
		String path = "/api/v1/sessions/" + session + "/calendar.ics";

		Reply first = api().get(path, pair.menteeToken());
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("Content-Type")).startsWith("text/calendar").contains("method=PUBLISH");
		VEvent booked = onlyEvent(parse(first.body()));

		api().patch("/api/v1/sessions/" + session, pair.mentorToken(), Map.of("start", inDays(9, 19, 0).toString()));
		VEvent moved = onlyEvent(parse(api().get(path, pair.menteeToken()).body()));

		Reply cancelled = api().post("/api/v1/sessions/" + session + "/cancel", pair.menteeToken(),
				Map.of("reason", "ILLNESS"));
		assertThat(cancelled.status()).isEqualTo(200);
		Reply cancel = api().get(path, pair.mentorToken());
		Calendar cancelCalendar = parse(cancel.body());
		VEvent gone = onlyEvent(cancelCalendar);

		assertThat(value(booked, Property.UID)).isEqualTo(value(moved, Property.UID)).isEqualTo(value(gone, Property.UID))
			.startsWith(session + "@");
		assertThat(List.of(value(booked, Property.SEQUENCE), value(moved, Property.SEQUENCE), value(gone, Property.SEQUENCE)))
			.containsExactly("0", "1", "2");
		assertThat(booked.getProperty(Property.DTSTART).orElseThrow().getParameter(Parameter.TZID).orElseThrow().getValue())
			.isEqualTo("Europe/Belgrade");
		assertThat(value(moved, Property.DTSTART)).endsWith("T190000");
		assertThat(cancelCalendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
		assertThat(cancel.header("Content-Type")).contains("method=CANCEL");
		assertThat(value(gone, Property.STATUS)).isEqualTo("CANCELLED");
		List<VTimeZone> zones = cancelCalendar.getComponents(Component.VTIMEZONE);
		assertThat(zones).hasSize(1);
		assertThat(cancelCalendar.validate().hasErrors()).isFalse();
	}

	@Test
	void aWeeklySeriesAcrossTheLastSundayOfOctoberKeepsItsBelgradeTimeInTheFeed() throws Exception {
		int year = LocalDate.now(TestProgramme.ZONE).getYear() + 1;
		LocalDate lastSunday = LocalDate.of(year, 10, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
		TestProgramme.Pair pair = startedPair(TestProgramme.announced(), 3);
		Reply series = api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/sessions", pair.mentorToken(),
				Map.of("start", lastSunday.minusWeeks(1).atTime(18, 0).toString(), "timeZone", "Europe/Belgrade",
						"durationMinutes", 60, "weeklyOccurrences", 3));
		assertThat(series.status()).as(series.body()).isEqualTo(201);
		assertThat(series.json().get("seriesId").isNull()).isFalse();

		Reply feed = api().get("/api/v1/participants/" + pair.menteeId() + "/calendar.ics", pair.menteeToken());

		assertThat(feed.status()).as(feed.body()).isEqualTo(200);
		List<VEvent> events = parse(feed.body()).getComponents(Component.VEVENT);
		DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
		assertThat(events).extracting(e -> value(e, Property.DTSTART))
			.containsExactly(lastSunday.minusWeeks(1).format(basic) + "T180000", lastSunday.format(basic) + "T180000",
					lastSunday.plusWeeks(1).format(basic) + "T180000");
		assertThat(events).allSatisfy(e -> assertThat(
				e.getProperty(Property.DTSTART).orElseThrow().getParameter(Parameter.TZID).orElseThrow().getValue())
			.isEqualTo("Europe/Belgrade"));
		// stored in UTC: the hour moves by one across the change, the wall clock does not
		List<String> utc = api().get("/api/v1/mentorships/" + pair.mentorshipId() + "/sessions", pair.menteeToken())
			.json()
			.get("items")
			.findValuesAsString("startUtc");
		assertThat(utc).containsExactly(lastSunday.minusWeeks(1) + "T16:00:00Z", lastSunday + "T17:00:00Z",
				lastSunday.plusWeeks(1) + "T17:00:00Z");
	}

	@Test
	void herCalendarIsWordedInHerLanguageAndASessionFileInTheOneTheReaderAsksFor() throws Exception {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 3);
		Upstream.publish(new ParticipantContactChanged(pair.menteeId(), programme.id, programme.organiser, "Mila Marić",
				pair.menteeId() + "@example.org", "sr-Cyrl", "Europe/Belgrade", Instant.now().plusSeconds(1)));
		String session = booked(pair, inDays(5, 18, 0), 60);
		String feedPath = "/api/v1/participants/" + pair.menteeId() + "/calendar.ics";

		Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
			Calendar hers = parse(api().get(feedPath, pair.menteeToken()).body());
			assertThat(hers.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Менторство");
			assertThat(value(onlyEvent(hers), Property.SUMMARY)).startsWith("Менторска сесија");
		});
		String sessionPath = "/api/v1/sessions/" + session + "/calendar.ics";
		Reply asked = api().get(sessionPath, programme.coordinatorToken(), Map.of("Accept-Language", "mk,en;q=0.8"));
		assertThat(value(onlyEvent(parse(asked.body())), Property.SUMMARY)).startsWith("Менторска средба: ");
		Reply hersAlone = api().get(sessionPath, pair.menteeToken(), Map.of("Accept-Language", "sl"));
		assertThat(value(onlyEvent(parse(hersAlone.body())), Property.SUMMARY)).as("a member reads her own language")
			.startsWith("Менторска сесија");
		assertThat(value(onlyEvent(parse(api().get(sessionPath, programme.coordinatorToken()).body())), Property.SUMMARY))
			.startsWith("Mentoring session");
	}

	@Test
	void theFeedIsReadWithItsSecretTokenWhichTheParticipantCanReplaceOrRevoke() throws Exception {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 3);
		String session = booked(pair, inDays(12, 10, 0), 45);
		String feedPath = "/api/v1/participants/" + pair.menteeId() + "/calendar.ics";

		assertProblem(api().get(feedPath, null), 401);
		Reply issued = api().post("/api/v1/participants/" + pair.menteeId() + "/calendar-feed",
				pair.menteeToken(), null);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		URI url = URI.create(issued.json().get("url").asString());
		assertThat(url.getPath()).isEqualTo(feedPath);
		assertThat(issued.json().get("webcalUrl").asString()).startsWith("webcal://");
		String withToken = url.getPath() + "?" + url.getRawQuery();

		Reply subscribed = api().get(withToken, null);
		assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(200);
		assertThat(subscribed.header("Content-Type")).startsWith("text/calendar");
		List<VEvent> subscribedEvents = parse(subscribed.body()).getComponents(Component.VEVENT);
		assertThat(subscribedEvents).extracting(e -> value(e, Property.UID))
			.contains(session + "@sessions.kreativnomentorstvo.org");
		assertThat(subscribed.body()).contains("Marko Ilić").contains("Ana Petrović");

		assertProblem(api().get(feedPath + "?token=guessed", null), 404);
		assertProblem(api().get("/api/v1/participants/" + pair.mentorId() + "/calendar.ics?" + url.getRawQuery(), null),
				404);
		assertThat(api().get("/api/v1/participants/" + pair.menteeId() + "/calendar-feed", pair.menteeToken())
			.json()
			.get("active")
			.asBoolean()).isTrue();

		Reply rotated = api().post("/api/v1/participants/" + pair.menteeId() + "/calendar-feed",
				pair.menteeToken(), null);
		URI newUrl = URI.create(rotated.json().get("url").asString());
		assertProblem(api().get(withToken, null), 404);
		assertThat(api().get(newUrl.getPath() + "?" + newUrl.getRawQuery(), null).status()).isEqualTo(200);

		assertThat(api().delete("/api/v1/participants/" + pair.menteeId() + "/calendar-feed", pair.menteeToken()).status())
			.isEqualTo(204);
		assertProblem(api().get(newUrl.getPath() + "?" + newUrl.getRawQuery(), null), 404);

		// with a bearer token instead: herself and her steward's coordinators, nobody else
		assertThat(api().get(feedPath, pair.menteeToken()).status()).isEqualTo(200);
		assertThat(api().get(feedPath, programme.coordinatorToken()).status()).isEqualTo(200);
		assertProblem(api().get(feedPath, programme.partnerCoordinatorToken()), 404);
		assertProblem(api().get(feedPath, pair.mentorToken()), 404);
		assertProblem(api().get(feedPath, tokens().coordinator("org-elsewhere")), 404);
		assertProblem(api().post("/api/v1/participants/" + pair.menteeId() + "/calendar-feed", pair.mentorToken(), null),
				404);
		assertProblem(api().post("/api/v1/participants/" + pair.menteeId() + "/calendar-feed",
				programme.coordinatorToken(), null), 403);
	}

	private static String value(VEvent event, String property) {
		return event.getProperty(property).orElseThrow().getValue();
	}

}
