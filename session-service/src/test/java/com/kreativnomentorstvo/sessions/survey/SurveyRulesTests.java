package com.kreativnomentorstvo.sessions.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.survey.Question.Kind;
import com.kreativnomentorstvo.sessions.survey.SurveyRules.Draft;
import com.kreativnomentorstvo.sessions.survey.SurveyRules.OptionDraft;
import com.kreativnomentorstvo.sessions.survey.SurveyRules.QuestionDraft;

/** Every rule of a survey's definition and of an answer, each refusal naming its field. */
class SurveyRulesTests {

	private final SurveyRules rules = new SurveyRules(
			new SessionProperties.Surveys(50, 10, 2, 8, 200, 500, 2000, 14, 90, Duration.ofDays(14), Duration.ofHours(1)));

	private static Map<String, String> text(String en) {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("en", en);
		texts.put("sr-Latn", en + " (sr)");
		return texts;
	}

	private static QuestionDraft rating() {
		return new QuestionDraft(null, Kind.RATING, text("How useful?"), true, null);
	}

	private static QuestionDraft choice(int options) {
		List<OptionDraft> drafts = new ArrayList<>();
		for (int i = 0; i < options; i++) {
			drafts.add(new OptionDraft(null, text("Option " + i)));
		}
		return new QuestionDraft(null, Kind.CHOICE, text("Which format?"), true, drafts);
	}

	private static QuestionDraft written() {
		return new QuestionDraft(null, Kind.TEXT, text("Anything else?"), false, null);
	}

	private static Draft draft(QuestionDraft... questions) {
		return new Draft(text("After the session"), Audience.BOTH, Trigger.AFTER_SESSION, null, List.of(questions));
	}

	private static List<String> fieldsOf(Runnable call) {
		try {
			call.run();
		}
		catch (InvalidFieldsException refused) {
			return refused.problems().stream().map(InvalidFieldsException.FieldProblem::field).toList();
		}
		throw new AssertionError("not refused");
	}

	@Test
	void aSurveyWithARatingAChoiceAndATextIsDefinedWithNewIds() {
		SurveyRules.Definition definition = rules.define(draft(rating(), choice(3), written()), List.of(), false);

		assertThat(definition.questions()).extracting(Question::kind).containsExactly(Kind.RATING, Kind.CHOICE, Kind.TEXT);
		assertThat(definition.questions()).extracting(Question::id).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(definition.questions().get(1).options()).hasSize(3).extracting(Question.Option::id).doesNotContainNull();
		assertThat(definition.closingDaysBefore()).isNull();
	}

	@Test
	void aClosingSurveyTakesFourteenDaysUnlessItSaysOtherwise() {
		Draft closing = new Draft(text("Closing"), Audience.MENTEES, Trigger.CLOSING, null, List.of(rating()));
		assertThat(rules.define(closing, List.of(), false).closingDaysBefore()).isEqualTo(14);
		Draft sevenDays = new Draft(text("Closing"), Audience.MENTEES, Trigger.CLOSING, 7, List.of(rating()));
		assertThat(rules.define(sevenDays, List.of(), false).closingDaysBefore()).isEqualTo(7);
	}

	@Test
	void everyMissingPartIsNamed() {
		Draft empty = new Draft(null, null, null, null, null);
		assertThat(fieldsOf(() -> rules.define(empty, List.of(), false))).containsExactlyInAnyOrder("title", "audience",
				"trigger", "questions");
	}

	@Test
	void titlesAreInTheSixLanguagesNotBlankOneLineAndShort() {
		Map<String, String> title = new LinkedHashMap<>();
		title.put("de", "Umfrage");
		title.put("hr", " ");
		title.put("sl", "x".repeat(201));
		title.put("mk", "line\nbreak");
		Draft draft = new Draft(title, Audience.BOTH, Trigger.MIDTERM, null, List.of(rating()));
		assertThat(fieldsOf(() -> rules.define(draft, List.of(), false))).containsExactlyInAnyOrder("title.de",
				"title.hr", "title.sl", "title.mk");
	}

	@Test
	void aSurveyHasOneToTenQuestions() {
		assertThat(fieldsOf(() -> rules.define(draft(), List.of(), false))).containsExactly("questions");
		QuestionDraft[] eleven = Collections.nCopies(11, rating()).toArray(QuestionDraft[]::new);
		assertThat(fieldsOf(() -> rules.define(draft(eleven), List.of(), false))).containsExactly("questions");
		QuestionDraft[] ten = Collections.nCopies(10, rating()).toArray(QuestionDraft[]::new);
		assertThat(rules.define(draft(ten), List.of(), false).questions()).hasSize(10);
	}

	@Test
	void aChoiceHasTwoToEightOptionsAndOnlyAChoiceHasOptions() {
		assertThat(fieldsOf(() -> rules.define(draft(rating(), written(), choice(1)), List.of(), false)))
			.containsExactly("questions[2].options");
		assertThat(fieldsOf(() -> rules.define(draft(choice(9)), List.of(), false)))
			.containsExactly("questions[0].options");
		QuestionDraft ratingWithOptions = new QuestionDraft(null, Kind.RATING, text("Rate"), true,
				List.of(new OptionDraft(null, text("a"))));
		assertThat(fieldsOf(() -> rules.define(draft(ratingWithOptions), List.of(), false)))
			.containsExactly("questions[0].options");
	}

	@Test
	void aQuestionNeedsAKindAndTextsAndItsOptionsTexts() {
		QuestionDraft noKind = new QuestionDraft(null, null, null, true, null);
		QuestionDraft badOption = new QuestionDraft(null, Kind.CHOICE, text("Which?"), true,
				List.of(new OptionDraft(null, text("a")), new OptionDraft(null, Map.of("en", ""))));
		assertThat(fieldsOf(() -> rules.define(draft(noKind, badOption), List.of(), false)))
			.containsExactlyInAnyOrder("questions[0].kind", "questions[0].text", "questions[1].options[1].text.en");
	}

	@Test
	void closingDaysAreForAClosingSurveyAndWithinTheLimit() {
		Draft notClosing = new Draft(text("t"), Audience.BOTH, Trigger.MIDTERM, 5, List.of(rating()));
		assertThat(fieldsOf(() -> rules.define(notClosing, List.of(), false))).containsExactly("closingDaysBefore");
		Draft tooMany = new Draft(text("t"), Audience.BOTH, Trigger.CLOSING, 91, List.of(rating()));
		assertThat(fieldsOf(() -> rules.define(tooMany, List.of(), false))).containsExactly("closingDaysBefore");
	}

	@Test
	void aRevisionKeepsTheIdsGivenAndRefusesUnknownOnes() {
		SurveyRules.Definition first = rules.define(draft(rating(), choice(2)), List.of(), false);
		Question kept = first.questions().get(1);
		QuestionDraft again = new QuestionDraft(kept.id(), Kind.CHOICE, text("Which format now?"), true,
				List.of(new OptionDraft(kept.options().get(0).id(), text("same")), new OptionDraft(null, text("new"))));
		SurveyRules.Definition revised = rules.define(draft(again), first.questions(), false);
		assertThat(revised.questions().get(0).id()).isEqualTo(kept.id());
		assertThat(revised.questions().get(0).options().get(0).id()).isEqualTo(kept.options().get(0).id());

		QuestionDraft unknown = new QuestionDraft("q-unknown", Kind.RATING, text("x"), true, null);
		assertThat(fieldsOf(() -> rules.define(draft(unknown), first.questions(), false)))
			.containsExactly("questions[0].id");
	}

	@Test
	void anAnsweredSurveyKeepsItsQuestionsTheirKindsAndOptions() {
		SurveyRules.Definition first = rules.define(draft(rating(), choice(2)), List.of(), false);
		Question ratingQuestion = first.questions().get(0);
		QuestionDraft keptRating = new QuestionDraft(ratingQuestion.id(), Kind.RATING, text("Reworded"), true, null);

		assertThatThrownBy(() -> rules.define(draft(keptRating), first.questions(), true))
			.isInstanceOf(ConflictException.class);
		assertThat(rules.define(draft(keptRating), first.questions(), false).questions()).hasSize(1);
		QuestionDraft kindChanged = new QuestionDraft(ratingQuestion.id(), Kind.TEXT, text("x"), true, null);
		Question choiceQuestion = first.questions().get(1);
		QuestionDraft keptChoice = new QuestionDraft(choiceQuestion.id(), Kind.CHOICE, text("x"), true,
				choiceQuestion.options().stream().map(o -> new OptionDraft(o.id(), o.text())).toList());
		assertThatThrownBy(() -> rules.define(draft(kindChanged, keptChoice), first.questions(), true))
			.isInstanceOf(ConflictException.class);
		QuestionDraft optionDropped = new QuestionDraft(choiceQuestion.id(), Kind.CHOICE, text("x"), true,
				List.of(new OptionDraft(choiceQuestion.options().get(0).id(), text("a")), new OptionDraft(null, text("b"))));
		assertThatThrownBy(() -> rules.define(draft(keptRating, optionDropped), first.questions(), true))
			.isInstanceOf(ConflictException.class);
		assertThat(rules.define(draft(keptRating, keptChoice, written()), first.questions(), true).questions())
			.as("rewording and adding questions is allowed").hasSize(3);
	}

	// answers

	private final List<Question> questions = rules.define(draft(rating(), choice(3), written()), List.of(), false)
		.questions();

	private String id(int i) {
		return questions.get(i).id();
	}

	private String option(int i) {
		return questions.get(1).options().get(i).id();
	}

	@Test
	void completeAnswersAreKeptWithTheTextTrimmed() {
		List<Answer> kept = rules.answers(questions, List.of(new Answer(id(0), 4, null, null),
				new Answer(id(1), null, option(2), null), new Answer(id(2), null, null, "  Very helpful.\nThanks ")));
		assertThat(kept).extracting(Answer::text).containsExactly(null, null, "Very helpful.\nThanks");
		assertThat(rules.answers(questions, List.of(new Answer(id(0), 1, null, null), new Answer(id(1), null, option(0),
				null)))).as("the text question is optional").hasSize(2);
	}

	@Test
	void anAnswerToAQuestionThatDoesNotExistNamesItsQuestionId() {
		assertThat(fieldsOf(() -> rules.answers(questions, List.of(new Answer(id(0), 4, null, null),
				new Answer(id(1), null, option(0), null), new Answer("q-nope", 3, null, null)))))
			.containsExactly("answers[2].questionId");
	}

	@Test
	void aMissingRequiredAnswerIsNamed() {
		assertThat(fieldsOf(() -> rules.answers(questions, List.of(new Answer(id(1), null, option(0), null)))))
			.containsExactly("answers");
		assertThat(fieldsOf(() -> rules.answers(questions, null))).containsExactly("answers");
	}

	@Test
	void aRatingIsOneToFive() {
		assertThat(fieldsOf(() -> rules.answers(questions,
				List.of(new Answer(id(0), 6, null, null), new Answer(id(1), null, option(0), null)))))
			.containsExactly("answers[0].rating");
		assertThat(fieldsOf(() -> rules.answers(questions,
				List.of(new Answer(id(0), 0, null, null), new Answer(id(1), null, option(0), null)))))
			.containsExactly("answers[0].rating");
		assertThat(fieldsOf(() -> rules.answers(questions,
				List.of(new Answer(id(0), null, null, null), new Answer(id(1), null, option(0), null)))))
			.containsExactly("answers[0].rating");
	}

	@Test
	void aValueOfTheWrongKindIsNamed() {
		assertThat(fieldsOf(() -> rules.answers(questions, List.of(new Answer(id(0), null, null, "five"),
				new Answer(id(1), 3, null, null), new Answer(id(2), null, option(0), null)))))
			.contains("answers[0].text", "answers[1].rating", "answers[2].choice");
	}

	@Test
	void aChoiceIsOneOfTheQuestionsOptions() {
		assertThat(fieldsOf(() -> rules.answers(questions,
				List.of(new Answer(id(0), 3, null, null), new Answer(id(1), null, "opt-other", null)))))
			.containsExactly("answers[1].choice");
	}

	@Test
	void aTextIsNotBlankPlainAndAtMostTwoThousandCharacters() {
		Answer ratingAnswer = new Answer(id(0), 3, null, null);
		Answer choiceAnswer = new Answer(id(1), null, option(0), null);
		assertThat(fieldsOf(() -> rules.answers(questions,
				List.of(ratingAnswer, choiceAnswer, new Answer(id(2), null, null, "x".repeat(2001))))))
			.containsExactly("answers[2].text");
		assertThat(fieldsOf(() -> rules.answers(questions,
				List.of(ratingAnswer, choiceAnswer, new Answer(id(2), null, null, " ")))))
			.containsExactly("answers[2].text");
		assertThat(fieldsOf(() -> rules.answers(questions,
				List.of(ratingAnswer, choiceAnswer, new Answer(id(2), null, null, "bell\u0007")))))
			.containsExactly("answers[2].text");
	}

	@Test
	void aQuestionIsAnsweredOnce() {
		assertThat(fieldsOf(() -> rules.answers(questions, List.of(new Answer(id(0), 3, null, null),
				new Answer(id(1), null, option(0), null), new Answer(id(0), 4, null, null)))))
			.containsExactly("answers[2].questionId");
	}

}
