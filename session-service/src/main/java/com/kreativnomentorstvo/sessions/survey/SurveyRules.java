package com.kreativnomentorstvo.sessions.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.sessions.config.SessionProperties;

/**
 * Every rule of a survey's definition and of an answer to it. A refusal names each field at fault
 * (422, e.g. {@code questions[2].options}); nothing is stored when any rule is broken.
 */
final class SurveyRules {

	/** The languages a survey may be written in. */
	static final List<String> LANGUAGES = List.of("en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl");

	private final SessionProperties.Surveys limits;

	SurveyRules(SessionProperties.Surveys limits) {
		this.limits = limits;
	}

	/** A survey as a coordinator writes it; an {@code id} keeps a question (or option) there is. */
	record Draft(Map<String, String> title, Audience audience, Trigger trigger, Integer closingDaysBefore,
			List<QuestionDraft> questions) {
	}

	record QuestionDraft(String id, Question.Kind kind, Map<String, String> text, Boolean required,
			List<OptionDraft> options) {
	}

	record OptionDraft(String id, Map<String, String> text) {
	}

	/** A definition that keeps every rule: what a survey is made of. */
	record Definition(Map<String, String> title, Audience audience, Trigger trigger, Integer closingDaysBefore,
			List<Question> questions) {
	}

	/**
	 * Checks a draft and gives the definition it makes, new questions and options with new ids.
	 *
	 * @param current the survey's questions now (empty for a new survey)
	 * @param answered whether the survey has answers: then no question or option may go, and no
	 *     question change its kind (409)
	 */
	Definition define(Draft draft, List<Question> current, boolean answered) {
		List<FieldProblem> problems = new ArrayList<>();
		texts("title", draft.title(), limits.maxTitleLength(), problems);
		if (draft.audience() == null) {
			problems.add(FieldProblem.of("audience", "field.required"));
		}
		if (draft.trigger() == null) {
			problems.add(FieldProblem.of("trigger", "field.required"));
		}
		Integer closing = draft.closingDaysBefore();
		if (closing != null && draft.trigger() != Trigger.CLOSING) {
			problems.add(FieldProblem.of("closingDaysBefore", "survey.closing-only"));
		}
		else if (closing != null && (closing < 1 || closing > limits.maxClosingDaysBefore())) {
			problems.add(FieldProblem.of("closingDaysBefore", "survey.between", 1, limits.maxClosingDaysBefore()));
		}
		if (draft.trigger() == Trigger.CLOSING && closing == null) {
			closing = limits.closingDaysBefore();
		}
		Map<String, Question> known = new HashMap<>();
		current.forEach(q -> known.put(q.id(), q));
		List<QuestionDraft> drafts = draft.questions() == null ? List.of() : draft.questions();
		if (draft.questions() == null) {
			problems.add(FieldProblem.of("questions", "field.required"));
		}
		else if (drafts.isEmpty() || drafts.size() > limits.maxQuestions()) {
			problems.add(FieldProblem.of("questions", "survey.between", 1, limits.maxQuestions()));
		}
		List<Question> questions = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < drafts.size(); i++) {
			String field = "questions[" + i + "]";
			QuestionDraft q = drafts.get(i);
			if (q == null) {
				problems.add(FieldProblem.of(field, "field.required"));
				continue;
			}
			Question before = null;
			if (q.id() != null) {
				before = known.get(q.id());
				if (before == null) {
					problems.add(FieldProblem.of(field + ".id", "survey.unknown-question"));
				}
				else if (!ids.add(q.id())) {
					problems.add(FieldProblem.of(field + ".id", "survey.id-twice"));
				}
			}
			if (q.kind() == null) {
				problems.add(FieldProblem.of(field + ".kind", "field.required"));
			}
			texts(field + ".text", q.text(), limits.maxQuestionLength(), problems);
			List<Question.Option> options = options(field, q, before, problems);
			questions.add(new Question(before == null ? Ids.next("q") : before.id(), q.kind(), copy(q.text()),
					Boolean.TRUE.equals(q.required()), options));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		if (answered) {
			keepsWhatWasAnswered(current, questions);
		}
		return new Definition(copy(draft.title()), draft.audience(), draft.trigger(), closing, List.copyOf(questions));
	}

	private List<Question.Option> options(String field, QuestionDraft q, Question before, List<FieldProblem> problems) {
		List<OptionDraft> drafts = q.options() == null ? List.of() : q.options();
		if (q.kind() != Question.Kind.CHOICE) {
			if (!drafts.isEmpty()) {
				problems.add(FieldProblem.of(field + ".options", "survey.options-only-choice"));
			}
			return List.of();
		}
		if (drafts.size() < limits.minOptions() || drafts.size() > limits.maxOptions()) {
			problems.add(FieldProblem.of(field + ".options", "survey.between", limits.minOptions(), limits.maxOptions()));
		}
		List<Question.Option> options = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int j = 0; j < drafts.size(); j++) {
			String optionField = field + ".options[" + j + "]";
			OptionDraft o = drafts.get(j);
			if (o == null) {
				problems.add(FieldProblem.of(optionField, "field.required"));
				continue;
			}
			String id = null;
			if (o.id() != null) {
				boolean exists = before != null && before.option(o.id()).isPresent();
				if (!exists) {
					problems.add(FieldProblem.of(optionField + ".id", "survey.unknown-option"));
				}
				else if (!ids.add(o.id())) {
					problems.add(FieldProblem.of(optionField + ".id", "survey.id-twice"));
				}
				id = o.id();
			}
			texts(optionField + ".text", o.text(), limits.maxQuestionLength(), problems);
			options.add(new Question.Option(id == null ? Ids.next("opt") : id, copy(o.text())));
		}
		return options;
	}

	/** Answers that exist must keep meaning what they meant: their question, its kind and its options stay. */
	private static void keepsWhatWasAnswered(List<Question> current, List<Question> revised) {
		Map<String, Question> byId = new HashMap<>();
		revised.forEach(q -> byId.put(q.id(), q));
		for (int i = 0; i < current.size(); i++) {
			Question before = current.get(i);
			Question after = byId.get(before.id());
			boolean kept = after != null && after.kind() == before.kind()
					&& before.options().stream().allMatch(o -> after.option(o.id()).isPresent());
			if (!kept) {
				throw new ConflictException("survey-answered", ProblemText.of("survey.answered-questions", before.id()),
						"questions");
			}
		}
	}

	/** A text per language: at least one, each of the six languages, not blank, one line, not too long. */
	private static void texts(String field, Map<String, String> texts, int maxLength, List<FieldProblem> problems) {
		if (texts == null || texts.isEmpty()) {
			problems.add(FieldProblem.of(field, "field.required"));
			return;
		}
		texts.forEach((language, text) -> {
			String at = field + "." + language;
			if (!LANGUAGES.contains(language)) {
				problems.add(FieldProblem.of(at, "event.title-language", String.join(", ", LANGUAGES)));
			}
			else if (text == null || text.isBlank()) {
				problems.add(FieldProblem.of(at, "NotBlank"));
			}
			else if (text.length() > maxLength) {
				problems.add(FieldProblem.of(at, "survey.too-long", maxLength));
			}
			else if (text.chars().anyMatch(c -> Character.isISOControl(c))) {
				problems.add(FieldProblem.of(at, "field.plain-text"));
			}
		});
	}

	/**
	 * Checks her answers against the survey's questions.
	 *
	 * @return the answers as they will be kept (texts trimmed)
	 */
	List<Answer> answers(List<Question> questions, List<Answer> answers) {
		List<FieldProblem> problems = new ArrayList<>();
		if (answers == null) {
			throw new InvalidFieldsException(List.of(FieldProblem.of("answers", "field.required")));
		}
		Map<String, Question> byId = new LinkedHashMap<>();
		questions.forEach(q -> byId.put(q.id(), q));
		Set<String> answered = new HashSet<>();
		List<Answer> kept = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			String field = "answers[" + i + "]";
			Answer answer = answers.get(i);
			if (answer == null || answer.questionId() == null) {
				problems.add(FieldProblem.of(field + ".questionId", "field.required"));
				continue;
			}
			Question question = byId.get(answer.questionId());
			if (question == null) {
				problems.add(FieldProblem.of(field + ".questionId", "survey.unknown-question"));
				continue;
			}
			if (!answered.add(question.id())) {
				problems.add(FieldProblem.of(field + ".questionId", "survey.answered-twice"));
				continue;
			}
			int before = problems.size();
			String text = answer.text();
			switch (question.kind()) {
				case RATING -> {
					notGiven(field + ".choice", answer.choice(), question, problems);
					notGiven(field + ".text", answer.text(), question, problems);
					if (answer.rating() == null) {
						problems.add(FieldProblem.of(field + ".rating", "field.required"));
					}
					else if (answer.rating() < 1 || answer.rating() > 5) {
						problems.add(FieldProblem.of(field + ".rating", "survey.between", 1, 5));
					}
				}
				case CHOICE -> {
					notGiven(field + ".rating", answer.rating(), question, problems);
					notGiven(field + ".text", answer.text(), question, problems);
					if (answer.choice() == null) {
						problems.add(FieldProblem.of(field + ".choice", "field.required"));
					}
					else if (question.option(answer.choice()).isEmpty()) {
						problems.add(FieldProblem.of(field + ".choice", "survey.unknown-option"));
					}
				}
				case TEXT -> {
					notGiven(field + ".rating", answer.rating(), question, problems);
					notGiven(field + ".choice", answer.choice(), question, problems);
					if (text == null || text.isBlank()) {
						problems.add(FieldProblem.of(field + ".text", "NotBlank"));
					}
					else if (text.strip().length() > limits.maxAnswerLength()) {
						problems.add(FieldProblem.of(field + ".text", "survey.too-long", limits.maxAnswerLength()));
					}
					else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
						problems.add(FieldProblem.of(field + ".text", "field.plain-text"));
					}
					else {
						text = text.strip();
					}
				}
			}
			if (problems.size() == before) {
				kept.add(new Answer(question.id(), answer.rating(), answer.choice(), text));
			}
		}
		for (Question question : questions) {
			if (question.required() && !answered.contains(question.id())) {
				problems.add(FieldProblem.of("answers", "survey.answer-required", question.id()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return List.copyOf(kept);
	}

	private static void notGiven(String field, Object value, Question question, List<FieldProblem> problems) {
		if (value != null) {
			problems.add(FieldProblem.of(field, "survey.wrong-kind", question.kind()));
		}
	}

	private static Map<String, String> copy(Map<String, String> texts) {
		return texts == null ? Map.of() : new LinkedHashMap<>(texts);
	}

}
