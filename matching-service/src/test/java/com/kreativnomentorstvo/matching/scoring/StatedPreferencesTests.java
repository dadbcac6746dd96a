package com.kreativnomentorstvo.matching.scoring;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.matching.fixture.Profiles;

class StatedPreferencesTests {

	private final StatedPreferences rule = new StatedPreferences();

	private final Judgements judgements = Judgements.inWinter();

	private final Profiles mentor = aMentor();

	@Test
	void theMentorTheMenteeAskedForEarnsTheFullPoints() {
		CriterionPoints line = judgements.judge(rule, aMentee().prefers(mentor.id()), mentor);

		assertThat(line.points()).isEqualTo(1000);
		assertThat(line.explanation()).isEqualTo("the mentee asked for this mentor");
	}

	@Test
	void withoutAWishEitherWayAPairEarnsHalfRoundedDown() {
		CriterionPoints line = judgements.judge(rule, aMentee(), mentor, 1001);

		assertThat(line.points()).isEqualTo(500);
		assertThat(line.explanation()).isEqualTo("no stated preference either way (half the points)");
	}

	@Test
	void theMenteeAvoidingTheMentorEarnsNothingWhateverElseSheSaid() {
		CriterionPoints line = judgements.judge(rule, aMentee().prefers(mentor.id()).avoids(mentor.id()), mentor);

		assertThat(line.points()).isZero();
		assertThat(line.explanation()).isEqualTo("the mentee asked not to be paired with this mentor");
	}

	@Test
	void theMentorAvoidingTheMenteeEarnsNothing() {
		Profiles mentee = aMentee().prefers(mentor.id());

		CriterionPoints line = judgements.judge(rule, mentee, aMentor().id(mentor.id()).avoids(mentee.id()));

		assertThat(line.points()).isZero();
		assertThat(line.explanation()).isEqualTo("the mentor asked not to be paired with this mentee");
	}

	@Test
	void avoidingSomeoneElseChangesNothing() {
		CriterionPoints line = judgements.judge(rule, aMentee().avoids("someone-else"),
				aMentor().avoids("someone-else-again"));

		assertThat(line.points()).isEqualTo(500);
	}

}
