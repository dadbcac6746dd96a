package com.kreativnomentorstvo.sessions.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException;

class SlotTests {

	private static final Duration MIN = Duration.ofMinutes(15);

	private static final Duration MAX = Duration.ofHours(8);

	private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");

	@Test
	void localStartIsReadInTheBookedZoneAndStoredInUtc() {
		Slot slot = Slot.parse("2026-07-01T18:00", null, 60, "Europe/Belgrade", MIN, MAX);

		assertThat(slot.start()).isEqualTo(Instant.parse("2026-07-01T16:00:00Z"));
		assertThat(slot.end()).isEqualTo(Instant.parse("2026-07-01T17:00:00Z"));
		assertThat(slot.localStart()).hasToString("2026-07-01T18:00+02:00");
	}

	@Test
	void aChangeKeepsWhatItDoesNotMention() {
		Slot slot = Slot.parse("2026-07-01T18:00", null, 60, "Europe/Belgrade", MIN, MAX);

		assertThat(slot.changedBy(null, null, null, null, MIN, MAX)).isSameAs(slot);
		Slot longer = slot.changedBy(null, null, 90, null, MIN, MAX);
		assertThat(longer.start()).isEqualTo(slot.start());
		assertThat(longer.duration()).isEqualTo(Duration.ofMinutes(90));
		Slot later = slot.changedBy("2026-07-02T09:00", null, null, null, MIN, MAX);
		assertThat(later.localStart()).hasToString("2026-07-02T09:00+02:00");
		assertThat(later.duration()).isEqualTo(Duration.ofMinutes(60));
		// only the zone: the same moment, told in the new zone
		Slot inLondon = slot.changedBy(null, null, null, "Europe/London", MIN, MAX);
		assertThat(inLondon.start()).isEqualTo(slot.start());
		assertThat(inLondon.localStart()).hasToString("2026-07-01T17:00+01:00");
	}

	@Test
	void aChangeToAnUnknownZoneNamesOnlyTheZone() {
		Slot slot = Slot.parse("2026-07-01T18:00", null, 60, "Europe/Belgrade", MIN, MAX);

		assertThatThrownBy(() -> slot.changedBy(null, null, null, "Mars/Olympus", MIN, MAX))
			.isInstanceOfSatisfying(InvalidFieldsException.class, problem -> assertThat(problem.problems())
				.extracting(InvalidFieldsException.FieldProblem::field)
				.containsExactly("timeZone"));
	}

	@Test
	void startWithAnOffsetKeepsItsInstant() {
		Slot slot = Slot.parse("2026-07-01T16:00:00Z", "2026-07-01T19:30", null, "Europe/Belgrade", MIN, MAX);

		assertThat(slot.start()).isEqualTo(Instant.parse("2026-07-01T16:00:00Z"));
		assertThat(slot.duration()).isEqualTo(Duration.ofMinutes(90));
	}

	@ParameterizedTest(name = "{0} / {1} / {2} / {3} -> {4}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			2026-07-01T18:00 | 2026-07-01T17:00 | -   | Europe/Belgrade | end
			2026-07-01T18:00 | 2026-07-01T18:00 | -   | Europe/Belgrade | end
			2026-07-01T18:00 | -                | 60  | Mars/Olympus    | timeZone
			2026-07-01T18:00 | -                | 60  | +02:00          | timeZone
			2026-07-01T18:00 | -                | 60  | CET             | timeZone
			2026-07-01T18:00 | -                | 60  | -               | timeZone
			tomorrow evening | -                | 60  | Europe/Belgrade | start
			-                | -                | 60  | Europe/Belgrade | start
			2026-07-01T18:00 | -                | -   | Europe/Belgrade | durationMinutes
			2026-07-01T18:00 | -                | 5   | Europe/Belgrade | durationMinutes
			2026-07-01T18:00 | -                | 600 | Europe/Belgrade | durationMinutes
			2026-07-01T18:00 | -                | -10 | Europe/Belgrade | durationMinutes
			2026-07-01T18:00 | 2026-07-01T18:30 | 60  | Europe/Belgrade | end
			2026-03-29T02:30 | -                | 60  | Europe/Belgrade | start
			""")
	void badInputNamesTheFieldAtFault(String start, String end, Integer minutes, String zone, String field) {
		assertThatThrownBy(() -> Slot.parse(start, end, minutes, zone, MIN, MAX))
			.isInstanceOfSatisfying(InvalidFieldsException.class,
					ex -> assertThat(ex.problems()).extracting(InvalidFieldsException.FieldProblem::field).contains(field));
	}

	@Test
	void weeklySeriesAcrossTheLastSundayOfOctoberKeepsItsLocalTimeInBelgrade() {
		LocalDate lastSunday = LocalDate.of(2026, 10, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
		Slot first = Slot.parse(lastSunday.minusWeeks(1).atTime(18, 0).toString(), null, 60, "Europe/Belgrade", MIN, MAX);

		var series = IntStream.range(0, 3).mapToObj(first::weeksLater).toList();

		assertThat(series).extracting(s -> s.start().atZone(BELGRADE).toLocalTime())
			.containsOnly(LocalTime.of(18, 0));
		assertThat(series).extracting(s -> s.start().atZone(BELGRADE).toLocalDate())
			.containsExactly(lastSunday.minusWeeks(1), lastSunday, lastSunday.plusWeeks(1));
		// summer time before the change, winter time from that Sunday on: the UTC hour moves, the local one does not
		assertThat(series).extracting(s -> s.localStart().getOffset().getTotalSeconds() / 3600)
			.containsExactly(2, 1, 1);
		assertThat(Duration.between(series.get(0).start(), series.get(1).start())).isEqualTo(Duration.ofHours(169));
		assertThat(series).allMatch(s -> s.duration().equals(Duration.ofHours(1)));
	}

	@Test
	void ambiguousLocalTimeOnTheNightClocksGoBackTakesTheFirstOccurrence() {
		Slot slot = Slot.parse("2026-10-25T02:30", null, 30, "Europe/Belgrade", MIN, MAX);

		assertThat(slot.localStart().getOffset().getTotalSeconds()).isEqualTo(2 * 3600);
	}

}
