package com.kreativnomentorstvo.matching.scoring;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class TimeZoneDistanceTests {

	private final TimeZoneDistance rule = new TimeZoneDistance();

	private final Judgements judgements = Judgements.inWinter();

	@Test
	void theSameTimeOfDayEarnsTheFullPoints() {
		CriterionPoints line = judgements.judge(rule, aMentee().zone("Europe/Belgrade"),
				aMentor().zone("Europe/Zagreb"));

		assertThat(line.points()).isEqualTo(1000);
		assertThat(line.explanation()).isEqualTo("the same time of day for both");
	}

	@Test
	void pointsFallInProportionToNothingAtTwelveHoursApart() {
		CriterionPoints sixHours = judgements.judge(rule, aMentee().zone("Europe/Belgrade"),
				aMentor().zone("America/New_York"));
		CriterionPoints twelveHours = judgements.judge(rule, aMentee().zone("Europe/London"),
				aMentor().zone("Etc/GMT-12"));

		assertThat(sixHours.points()).isEqualTo(500);
		assertThat(sixHours.explanation()).isEqualTo("time zones 6 h apart");
		assertThat(twelveHours.points()).isZero();
		assertThat(twelveHours.explanation()).isEqualTo("time zones 12 h apart");
	}

	@Test
	void offsetsAreTakenAtTheScorersMoment() {
		Judgements inSummer = Judgements.at(Judgements.SUMMER, ZoneId.of("UTC"));

		CriterionPoints winter = judgements.judge(rule, aMentee().zone("Europe/Belgrade"),
				aMentor().zone("Asia/Kathmandu"));
		CriterionPoints summer = inSummer.judge(rule, aMentee().zone("Europe/Belgrade"),
				aMentor().zone("Asia/Kathmandu"));

		assertThat(winter.explanation()).isEqualTo("time zones 4 h 45 min apart");
		assertThat(winter.points()).isEqualTo(604); // 1000 × (720 − 285) / 720
		assertThat(summer.explanation()).isEqualTo("time zones 3 h 45 min apart");
		assertThat(summer.points()).isEqualTo(687);
	}

	@Test
	void theDistanceIsTakenTheShortWayRoundTheClock() {
		// UTC+13 and UTC−10 are 23 hours apart one way, one hour the other
		CriterionPoints line = judgements.judge(rule, aMentee().zone("Pacific/Tongatapu"),
				aMentor().zone("Pacific/Honolulu"));

		assertThat(line.explanation()).isEqualTo("time zones 1 h apart");
		assertThat(line.points()).isEqualTo(916);
	}

	@Test
	void whoeverStatedNoValidTimeZoneIsNamedAndThePairEarnsNothing() {
		CriterionPoints menteeSilent = judgements.judge(rule, aMentee().zone(""), aMentor());
		CriterionPoints mentorUnknown = judgements.judge(rule, aMentee(), aMentor().zone("Europe/Atlantis"));

		assertThat(menteeSilent.points()).isZero();
		assertThat(menteeSilent.explanation()).isEqualTo("the mentee stated no time zone");
		assertThat(mentorUnknown.points()).isZero();
		assertThat(mentorUnknown.explanation()).isEqualTo("the mentor stated no time zone");
	}

}
