package com.kreativnomentorstvo.matching.scoring;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class WeeklyOverlapTests {

	private final WeeklyOverlap rule = new WeeklyOverlap();

	private final Judgements judgements = Judgements.inWinter();

	@Test
	void twoHoursInCommonEarnTheFullPoints() {
		CriterionPoints line = judgements.judge(rule, aMentee().available(DayOfWeek.TUESDAY, "18:00", "21:00"),
				aMentor().available(DayOfWeek.TUESDAY, "18:00", "21:00"));

		assertThat(line.points()).isEqualTo(1000);
		assertThat(line.explanation()).isEqualTo("3 h a week in common (full points from 2 h)");
	}

	@Test
	void lessTimeInCommonEarnsItsShare() {
		CriterionPoints line = judgements.judge(rule, aMentee().available(DayOfWeek.TUESDAY, "18:00", "18:45"),
				aMentor().available(DayOfWeek.TUESDAY, "18:00", "20:00"));

		assertThat(line.points()).isEqualTo(375);
		assertThat(line.explanation()).isEqualTo("45 min a week in common (full points from 2 h)");
	}

	@Test
	void timeInCommonIsCountedAcrossTimeZones() {
		// 18:00–20:00 in Skopje is 17:00–19:00 UTC in winter; 17:00–18:00 in London is its first hour
		CriterionPoints line = judgements.judge(rule,
				aMentee().zone("Europe/Skopje").available(DayOfWeek.TUESDAY, "18:00", "20:00"),
				aMentor().zone("Europe/London").available(DayOfWeek.TUESDAY, "17:00", "18:00"));

		assertThat(line.points()).isEqualTo(500);
		assertThat(line.explanation()).startsWith("1 h a week in common");
	}

	@Test
	void aSlotPastMidnightRunsIntoTheNextDay() {
		CriterionPoints line = judgements.judge(rule, aMentee().available(DayOfWeek.MONDAY, "23:00", "01:00"),
				aMentor().available(DayOfWeek.TUESDAY, "00:00", "02:00"));

		assertThat(line.explanation()).startsWith("1 h a week in common");
	}

	@Test
	void theWeekRunsOnFromSundayIntoMonday() {
		// Monday 00:00–01:00 in Belgrade is Sunday 23:00–24:00 UTC in winter
		CriterionPoints line = judgements.judge(rule,
				aMentee().zone("Europe/Belgrade").available(DayOfWeek.MONDAY, "00:00", "01:00"),
				aMentor().zone("Europe/London").available(DayOfWeek.SUNDAY, "23:00", "00:00"));

		assertThat(line.explanation()).startsWith("1 h a week in common");
	}

	@Test
	void onlyWholeFiveMinuteStepsCount() {
		CriterionPoints line = judgements.judge(rule, aMentee().available(DayOfWeek.TUESDAY, "18:03", "18:17"),
				aMentor().available(DayOfWeek.TUESDAY, "18:00", "19:00"));

		assertThat(line.points()).isEqualTo(83); // 18:05–18:15: 1000 × 10 / 120
		assertThat(line.explanation()).startsWith("10 min a week in common");
	}

	@Test
	void noTimeInCommonEarnsNothing() {
		CriterionPoints line = judgements.judge(rule, aMentee().available(DayOfWeek.TUESDAY, "18:00", "20:00"),
				aMentor().available(DayOfWeek.WEDNESDAY, "18:00", "20:00"));

		assertThat(line.points()).isZero();
		assertThat(line.explanation()).isEqualTo("no weekly time in common");
	}

	@Test
	void whoeverStatedNoAvailabilityIsNamedAndThePairEarnsNothing() {
		CriterionPoints menteeSilent = judgements.judge(rule, aMentee(),
				aMentor().available(DayOfWeek.TUESDAY, "18:00", "20:00"));
		CriterionPoints mentorSilent = judgements.judge(rule,
				aMentee().available(DayOfWeek.TUESDAY, "18:00", "20:00"), aMentor());

		assertThat(menteeSilent.points()).isZero();
		assertThat(menteeSilent.explanation()).isEqualTo("the mentee stated no weekly availability");
		assertThat(mentorSilent.points()).isZero();
		assertThat(mentorSilent.explanation()).isEqualTo("the mentor stated no weekly availability");
	}

	@Test
	void availabilityWithoutATimeZoneIsPlacedInTheProgrammesZone() {
		Judgements inBelgrade = Judgements.at(Judgements.WINTER, ZoneId.of("Europe/Belgrade"));

		// 18:00–19:00 in Belgrade is 17:00–18:00 UTC in winter
		CriterionPoints line = inBelgrade.judge(rule,
				aMentee().zone("").available(DayOfWeek.TUESDAY, "18:00", "19:00"),
				aMentor().zone("Europe/London").available(DayOfWeek.TUESDAY, "17:00", "18:00"));

		assertThat(line.explanation()).startsWith("1 h a week in common");
	}

}
