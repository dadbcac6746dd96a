package com.kreativnomentorstvo.sessions.calendar;

import static com.kreativnomentorstvo.sessions.session.SessionFixtures.held;
import static com.kreativnomentorstvo.sessions.session.SessionFixtures.online;
import static com.kreativnomentorstvo.sessions.session.SessionFixtures.slot;
import static com.kreativnomentorstvo.sessions.support.Ics.onlyEvent;
import static com.kreativnomentorstvo.sessions.support.Ics.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.Pairs;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeEvent;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeEventFixtures;
import com.kreativnomentorstvo.sessions.session.Session;
import com.kreativnomentorstvo.sessions.session.SessionAccess;
import com.kreativnomentorstvo.sessions.session.SessionFixtures;
import com.kreativnomentorstvo.sessions.session.Slot;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;

class CalendarWriterTests {

	private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");

	private final CalendarWriter writer = new CalendarWriter(new SessionProperties(null,
			new SessionProperties.Calendar(URI.create("https://mentoring.example.org"), "noreply@example.org",
					"Reg. Lab", "sessions.example.org"),
			null, null, null, null, null, null));

	private final Mentorship pair = Pairs.aPair().build();

	private final Map<String, String> names = Map.of(pair.getMentorId(), "Ana Petrović", pair.getMenteeId(),
			"Marko \"Mare\" Ilić");

	@Test
	void sessionEntryHasAStableUidItsSequenceAndTheZoneItWasBookedIn() throws Exception {
		Session session = online(pair, slot("2026-07-01T18:00", "Europe/Belgrade", 60), "Grant budget");

		Calendar calendar = parse(writer.session(session, pair.getMentorId(), names));

		assertThat(property(calendar, Property.METHOD)).isEqualTo("PUBLISH");
		VEvent event = onlyEvent(calendar);
		assertThat(property(event, Property.UID)).isEqualTo(session.getId() + "@sessions.example.org");
		assertThat(property(event, Property.SEQUENCE)).isEqualTo("0");
		assertThat(property(event, Property.STATUS)).isEqualTo("CONFIRMED");
		assertThat(event.getProperty(Property.DTSTART).orElseThrow().getParameter(Parameter.TZID).orElseThrow().getValue())
			.isEqualTo("Europe/Belgrade");
		assertThat(startOf(event)).isEqualTo(Instant.parse("2026-07-01T16:00:00Z"));
		List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
		assertThat(zones).singleElement()
			.satisfies(tz -> assertThat(tz.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Europe/Belgrade"));
		// the name is cleaned of quotes, which would end the parameter it is also written into
		assertThat(property(event, Property.SUMMARY)).isEqualTo("Mentoring session with Marko  Mare  Ilić");
		assertThat(property(event, Property.URL)).isEqualTo(session.getMeetingUrl());
		assertThat(property(event, Property.DESCRIPTION)).contains("Grant budget").contains(session.getMeetingUrl());
		assertThat(calendar.validate().hasErrors()).isFalse();
	}

	@Test
	void aMovedSessionKeepsItsUidWithAHigherSequence() throws Exception {
		Session session = online(pair, slot("2026-07-01T18:00", "Europe/Belgrade", 60), null);
		VEvent before = onlyEvent(parse(writer.session(session, pair.getMentorId(), names)));

		SessionFixtures.moveTo(session, slot("2026-07-02T19:00", "Europe/Belgrade", 60));
		VEvent after = onlyEvent(parse(writer.session(session, pair.getMentorId(), names)));

		assertThat(property(after, Property.UID)).isEqualTo(property(before, Property.UID));
		assertThat(Integer.parseInt(property(after, Property.SEQUENCE)))
			.isGreaterThan(Integer.parseInt(property(before, Property.SEQUENCE)));
		assertThat(startOf(after)).isEqualTo(Instant.parse("2026-07-02T17:00:00Z"));
	}

	@Test
	void aCancelledSessionIsACancelOfTheSameUidWithTheHighestSequence() throws Exception {
		Session session = online(pair, slot("2026-07-01T18:00", "Europe/Belgrade", 60), null);
		SessionFixtures.moveTo(session, slot("2026-07-02T18:00", "Europe/Belgrade", 60));
		SessionFixtures.cancel(session, pair.getMenteeId());

		Calendar calendar = parse(writer.session(session, pair.getMenteeId(), names));

		assertThat(property(calendar, Property.METHOD)).isEqualTo("CANCEL");
		VEvent event = onlyEvent(calendar);
		assertThat(property(event, Property.UID)).isEqualTo(writer.uidOf(session.getId()));
		assertThat(property(event, Property.SEQUENCE)).isEqualTo("2");
		assertThat(property(event, Property.STATUS)).isEqualTo("CANCELLED");
		assertThat(event.getProperty(Property.ORGANIZER)).isPresent();
		assertThat(calendar.validate().hasErrors()).isFalse();
	}

	@Test
	void aMovedThenCancelledTrainingIsACancelOfTheSameUidWithTheHighestSequence() throws Exception {
		ProgrammeEvent training = ProgrammeEventFixtures.training("pev-1",
				slot("2026-07-01T10:00", "Europe/Skopje", 180));
		ProgrammeEventFixtures.moveTo(training, slot("2026-07-08T11:00", "Europe/Skopje", 180));

		VEvent moved = onlyEvent(parse(writer.programmeEvent(training)));
		assertThat(property(moved, Property.SEQUENCE)).isEqualTo("1");
		assertThat(property(moved, Property.STATUS)).isEqualTo("CONFIRMED");
		assertThat(property(moved, Property.DTSTART)).isEqualTo("20260708T110000");

		ProgrammeEventFixtures.cancel(training);
		Calendar calendar = parse(writer.programmeEvent(training));

		assertThat(property(calendar, Property.METHOD)).isEqualTo("CANCEL");
		VEvent event = onlyEvent(calendar);
		assertThat(property(event, Property.UID)).isEqualTo(writer.uidOf("pev-1"));
		assertThat(property(event, Property.SEQUENCE)).isEqualTo("2");
		assertThat(property(event, Property.STATUS)).isEqualTo("CANCELLED");
		assertThat(calendar.validate().hasErrors()).isFalse();
	}

	@Test
	void weeklySeriesAcrossTheLastSundayOfOctoberStaysAtTheSameLocalHourInTheFeed() throws Exception {
		LocalDate lastSunday = LocalDate.of(2026, 10, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
		Slot first = slot(ZonedDateTime.of(lastSunday.minusWeeks(1).atTime(18, 0), BELGRADE), 60);
		List<Session> series = IntStream.range(0, 3).mapToObj(week -> online(pair, first.weeksLater(week), null)).toList();

		Calendar calendar = parse(writer.feed(pair.getMenteeId(), series, List.of(), names));

		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		assertThat(events).hasSize(3);
		assertThat(events).extracting(e -> e.getProperty(Property.DTSTART).orElseThrow().getValue())
			.containsExactly(basic(lastSunday.minusWeeks(1)) + "T180000", basic(lastSunday) + "T180000",
					basic(lastSunday.plusWeeks(1)) + "T180000")
			.allSatisfy(v -> assertThat(v).doesNotContain("Z"));
		assertThat(events).extracting(CalendarWriterTests::startOf)
			.containsExactly(lastSunday.minusWeeks(1).atTime(16, 0).toInstant(ZoneOffset.UTC),
					lastSunday.atTime(17, 0).toInstant(ZoneOffset.UTC),
					lastSunday.plusWeeks(1).atTime(17, 0).toInstant(ZoneOffset.UTC));
		// the zone's definition travels with the feed, including the October rule
		List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
		assertThat(zones).singleElement()
			.satisfies(tz -> assertThat(tz.toString()).contains("TZID:Europe/Belgrade").contains("BYMONTH=10;BYDAY=-1SU"));
	}

	@Test
	void everyZoneAnEntryNamesIsDefinedUnderThatNameEvenWhenItIsALinkToAnother() throws Exception {
		// in the time-zone database Skopje, Ljubljana and Zagreb are links to Belgrade
		List<Session> sessions = List.of(online(pair, slot("2026-07-01T18:00", "Europe/Skopje", 60), null),
				online(pair, slot("2026-07-02T18:00", "Europe/Ljubljana", 60), null),
				online(pair, slot("2026-07-03T18:00", "Europe/Belgrade", 60), null),
				online(pair, slot("2026-07-04T18:00", "America/New_York", 60), null));

		Calendar calendar = parse(writer.feed(pair.getMentorId(), sessions, List.of(), names));

		List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
		assertThat(zones).extracting(tz -> tz.getProperty(Property.TZID).orElseThrow().getValue())
			.containsExactlyInAnyOrder("Europe/Skopje", "Europe/Ljubljana", "Europe/Belgrade", "America/New_York");
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		assertThat(events).extracting(CalendarWriterTests::startOf)
			.containsExactly(Instant.parse("2026-07-01T16:00:00Z"), Instant.parse("2026-07-02T16:00:00Z"),
					Instant.parse("2026-07-03T16:00:00Z"), Instant.parse("2026-07-04T22:00:00Z"));
		assertThat(calendar.validate().hasErrors()).isFalse();
	}

	@Test
	void neitherNotesNorTheAgendaNorTheRoomReachSomeoneOutsideThePair() throws Exception {
		Session session = online(pair, slot("2026-07-01T18:00", "Europe/Belgrade", 60), "AGENDA-TEXT");
		held(session, pair.getMentorId(), "SHARED-NOTE", "PRIVATE-NOTE");

		String forCoordinator = writer.session(session, null, names);
		String forMentee = writer.session(session, pair.getMenteeId(), names);

		assertThat(forCoordinator).doesNotContain("AGENDA-TEXT").doesNotContain(session.getMeetingUrl());
		assertThat(forCoordinator + forMentee).doesNotContain("SHARED-NOTE").doesNotContain("PRIVATE-NOTE");
		assertThat(property(onlyEvent(parse(forCoordinator)), Property.SUMMARY))
			.isEqualTo("Mentoring session: Ana Petrović & Marko  Mare  Ilić");
	}

	@Test
	void textThatTriesToEndALineCannotAddAPropertyToTheCalendar() throws Exception {
		// as stored before input was checked: every kind of line end, and other control characters
		Session session = SessionFixtures.inPerson(pair, slot("2026-07-01T18:00", "Europe/Belgrade", 60),
				"Room 1\r\nX-INJECTED:venue\rATTENDEE:mailto:evil@example.org");
		Session online = online(pair, slot("2026-07-02T18:00", "Europe/Belgrade", 60),
				"Plan\r\nX-INJECTED:agenda\rX-INJECTED:cr\nX-INJECTED:lf\u0000\u001b[0m\u2028X-INJECTED:ls");
		Map<String, String> evilNames = Map.of(pair.getMentorId(), "Ana\r\nX-INJECTED:name", pair.getMenteeId(),
				"Marko\rX-INJECTED:name");
		ProgrammeEvent training = ProgrammeEventFixtures.training("evt-injected",
				slot("2026-07-03T10:00", "Europe/Belgrade", 60), "Clinic\r\nX-INJECTED:title",
				"Bring\r\nX-INJECTED:description", "Hall\nX-INJECTED:venue");

		List<String> calendars = List.of(writer.session(session, pair.getMentorId(), evilNames),
				writer.session(online, pair.getMenteeId(), evilNames), writer.programmeEvent(training),
				writer.feed(pair.getMenteeId(), List.of(session, online), List.of(training), evilNames));

		for (String ics : calendars) {
			assertThat(ics.replace("\r\n", "")).as("no line end but CR LF").doesNotContain("\r").doesNotContain("\n");
			assertThat(ics.split("\r\n")).as("no content line of the text's own")
				.noneMatch(line -> line.startsWith("X-INJECTED") || line.startsWith("ATTENDEE:mailto:evil"));
			Calendar calendar = parse(ics);
			for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
				assertThat(event.getProperty("X-INJECTED")).isEmpty();
				assertThat(event.<Property>getProperties(Property.ATTENDEE)).noneMatch(a -> a.getValue().contains("evil"));
			}
			assertThat(ics).doesNotContain("\u0000").doesNotContain("\u001b").doesNotContain("\u2028");
		}
		VEvent entry = onlyEvent(parse(calendars.get(0)));
		assertThat(property(entry, Property.LOCATION)).as("a location is one line")
			.isEqualTo("Room 1 X-INJECTED:venue ATTENDEE:mailto:evil@example.org");
		assertThat(property(onlyEvent(parse(calendars.get(1))), Property.DESCRIPTION))
			.as("line breaks of an agenda are kept, escaped")
			.contains("Plan\nX-INJECTED:agenda\nX-INJECTED:cr\nX-INJECTED:lf");
		assertThat(property(onlyEvent(parse(calendars.get(2))), Property.SUMMARY)).isEqualTo("Clinic X-INJECTED:title");
	}

	@Test
	void longLinesAreFoldedAtSeventyFiveOctetsNeverInsideACharacter() throws Exception {
		String agenda = "Договор о менторству, циљеви и наредни кораци; ".repeat(12) + "🎨 крај";
		Session session = online(pair, slot("2026-07-01T18:00", "Europe/Belgrade", 60), agenda);

		String ics = writer.session(session, pair.getMenteeId(), names);

		assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
			.as(line).isLessThanOrEqualTo(75));
		assertThat(ics).as("no character is split").doesNotContain("\uFFFD");
		assertThat(property(onlyEvent(parse(ics)), Property.DESCRIPTION)).endsWith(agenda);
	}

	private static String basic(LocalDate date) {
		return date.format(DateTimeFormatter.BASIC_ISO_DATE);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			en      | Mentoring      | Mentoring session with Ana Petrović | Mentoring session: Ana Petrović & Marko  Mare  Ilić | Join | Agenda
			sr-Latn | Mentorstvo     | Mentorska sesija: Ana Petrović      | Mentorska sesija: Ana Petrović i Marko  Mare  Ilić  | Pridružite se | Dnevni red
			sr-Cyrl | Менторство     | Менторска сесија: Ana Petrović      | Менторска сесија: Ana Petrović и Marko  Mare  Ilić  | Придружите се | Дневни ред
			hr      | Mentorstvo     | Mentorski susret: Ana Petrović      | Mentorski susret: Ana Petrović i Marko  Mare  Ilić  | Pridružite se | Dnevni red
			mk      | Менторство     | Менторска средба: Ana Petrović      | Менторска средба: Ana Petrović и Marko  Mare  Ilić  | Приклучете се | Дневен ред
			sl      | Mentorstvo     | Mentorsko srečanje: Ana Petrović    | Mentorsko srečanje: Ana Petrović in Marko  Mare  Ilić | Pridružite se | Dnevni red
			""")
	void theEntriesAreWordedInTheReadersLanguage(String language, String calendarName, String forTheMentee,
			String forOthers, String join, String agenda) throws Exception {
		Session session = online(pair, slot("2026-07-01T18:00", "Europe/Belgrade", 60), "Grant budget");

		Calendar hers = parse(writer.feed(pair.getMenteeId(), SessionAccess.Visibility.MEMBER, List.of(session),
				List.of(), names, language));
		Calendar steward = parse(writer.session(session, null, SessionAccess.Visibility.STEWARD, names,
				language + ",en;q=0.5"));

		assertThat(property(hers, "X-WR-CALNAME")).isEqualTo(calendarName);
		VEvent entry = onlyEvent(hers);
		assertThat(property(entry, Property.SUMMARY)).isEqualTo(forTheMentee);
		assertThat(property(entry, Property.DESCRIPTION)).startsWith(join + ": ").contains(agenda + ":\nGrant budget");
		assertThat(property(onlyEvent(steward), Property.SUMMARY)).isEqualTo(forOthers);
	}

	@Test
	void aLanguageNotAmongTheSixReadsEnglishAndSerbianWithoutAScriptReadsLatin() throws Exception {
		Session session = online(pair, slot("2026-07-01T18:00", "Europe/Belgrade", 60), null);

		assertThat(property(onlyEvent(parse(writer.session(session, pair.getMenteeId(), SessionAccess.Visibility.MEMBER,
				names, "de-AT"))), Property.SUMMARY)).isEqualTo("Mentoring session with Ana Petrović");
		assertThat(property(onlyEvent(parse(writer.session(session, pair.getMenteeId(), SessionAccess.Visibility.MEMBER,
				names, "sr"))), Property.SUMMARY)).isEqualTo("Mentorska sesija: Ana Petrović");
		assertThat(property(onlyEvent(parse(writer.session(session, pair.getMenteeId(), SessionAccess.Visibility.MEMBER,
				names, "not a ;; language"))), Property.SUMMARY)).isEqualTo("Mentoring session with Ana Petrović");
	}

	@Test
	void everyLanguageHasEveryWordOfEnglishAndNoOther() throws Exception {
		java.util.Properties english = words("words.properties");
		for (String file : List.of("words_sr_Latn.properties", "words_sr_Cyrl.properties", "words_hr.properties",
				"words_mk.properties", "words_sl.properties")) {
			assertThat(words(file).stringPropertyNames()).as(file).isEqualTo(english.stringPropertyNames());
		}
	}

	private static java.util.Properties words(String file) throws java.io.IOException {
		java.util.Properties properties = new java.util.Properties();
		try (java.io.Reader reader = new java.io.InputStreamReader(
				CalendarWriterTests.class.getResourceAsStream("/calendar/" + file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static String property(Calendar calendar, String name) {
		return calendar.getProperty(name).orElseThrow().getValue();
	}

	private static String property(VEvent event, String name) {
		return event.getProperty(name).orElseThrow().getValue();
	}

	private static Instant startOf(VEvent event) {
		DtStart<?> start = event.getProperty(Property.DTSTART).map(p -> (DtStart<?>) p).orElseThrow();
		return start.getDate() instanceof ZonedDateTime zoned ? zoned.toInstant() : Instant.from(start.getDate());
	}

}
