package com.kreativnomentorstvo.sessions.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.sessions.survey.Question;
import com.kreativnomentorstvo.sessions.survey.SurveyTallies.OptionTally;
import com.kreativnomentorstvo.sessions.survey.SurveyTallies.QuestionTally;
import com.kreativnomentorstvo.sessions.survey.SurveyTallies.Tally;
import com.kreativnomentorstvo.sessions.survey.Trigger;

class SurveyFiguresTests {

	private static final List<String> LANGUAGES = List.of("sr-Latn", "en");

	@Test
	void aQuestionAnsweredByEnoughPeopleShowsItsAverageAndTheCellsThatAreNotSmall() {
		Map<Integer, Integer> distribution = ratings(0, 0, 1, 6, 5);
		Tally tally = new Tally("sv-1", Map.of("en", "After the session", "sr-Latn", "Posle sesije"),
				Trigger.AFTER_SESSION, 14, 12, List.of(new QuestionTally("q-1", Question.Kind.RATING,
						Map.of("en", "How useful?"), 12, 4.33, distribution, null)));
		SmallCounts counts = new SmallCounts();

		FunderReport.SurveyFigures figures = FunderReporter.survey(counts, "prog-1", tally, LANGUAGES);

		assertThat(figures.title()).as("the programme's first language").isEqualTo("Posle sesije");
		assertThat(figures.requested()).isEqualTo(14);
		assertThat(figures.answered()).isEqualTo(12);
		assertThat(figures.answeredShare()).isEqualTo(0.857);
		FunderReport.QuestionFigures question = figures.questions().get(0);
		assertThat(question.text()).as("English where the programme's language has none").isEqualTo("How useful?");
		assertThat(question.average()).isEqualTo(4.33);
		// the lone 1 is withheld, and with it the smallest other non-zero cell (5), or 12 - 6 - 5 gives it away
		assertThat(Arrays.asList(question.distribution().values().toArray())).containsExactly(0, 0, null, 6, null);
		assertThat(counts.withheld()).isEqualTo(2);
	}

	@Test
	void aQuestionAnsweredByFewerThanFiveShowsNothingButThatItIsWithheld() {
		Tally tally = new Tally("sv-1", Map.of("en", "Closing"), Trigger.CLOSING, 6, 3,
				List.of(new QuestionTally("q-2", Question.Kind.CHOICE, Map.of("en", "What helped?"), 3, null, null,
						List.of(new OptionTally("o-1", Map.of("en", "Advice"), 2),
								new OptionTally("o-2", Map.of("en", "Contacts"), 1)))));
		SmallCounts counts = new SmallCounts();

		FunderReport.SurveyFigures figures = FunderReporter.survey(counts, "prog-1", tally, LANGUAGES);

		assertThat(figures.requested()).isEqualTo(6);
		assertThat(figures.answered()).isNull();
		assertThat(figures.answeredShare()).isNull();
		FunderReport.QuestionFigures question = figures.questions().get(0);
		assertThat(question.answers()).isNull();
		assertThat(question.options()).isNull();
		assertThat(question.average()).isNull();
		// answered and the question's answers; its options are not given at all
		assertThat(counts.withheld()).isEqualTo(2);
	}

	private static Map<Integer, Integer> ratings(int... counts) {
		Map<Integer, Integer> distribution = new LinkedHashMap<>();
		for (int i = 0; i < counts.length; i++) {
			distribution.put(i + 1, counts[i]);
		}
		return distribution;
	}

}
