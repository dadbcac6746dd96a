package com.kreativnomentorstvo.participants.participant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.participants.programme.Call;
import com.kreativnomentorstvo.participants.programme.Question;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;

/**
 * Answers keep to the programme's questions: each answers a question it asks, once; required
 * questions are answered; a text fits the question's length; a choice is one of the options offered
 * (exactly one for a single choice).
 */
@Component
public class AnswerRules {

	/** @throws InvalidFieldsException naming every answer that breaks a rule */
	public void check(List<Answer> answers, Call call) {
		check(answers, call, true);
	}

	/**
	 * @param requireAll whether the required questions must be answered: for applicants; a coordinator
	 *     enrolling someone late may not know her answers yet (those given are checked all the same)
	 * @throws InvalidFieldsException naming every answer that breaks a rule
	 */
	public void check(List<Answer> answers, Call call, boolean requireAll) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> answered = new HashSet<>();
		for (int i = 0; i < answers.size(); i++) {
			Answer answer = answers.get(i);
			String at = "answers[" + i + "].";
			Optional<Question> asked = call.question(answer.questionId());
			if (asked.isEmpty()) {
				problems.add(FieldProblem.of(at + "questionId", "participant.not-question-programme"));
				continue;
			}
			if (!answered.add(answer.questionId())) {
				problems.add(FieldProblem.of(at + "questionId", "participant.answered-twice"));
				continue;
			}
			Question question = asked.get();
			if (question.kind().isChoice()) {
				choice(question, answer, at, problems);
			}
			else {
				text(question, answer, at, problems);
			}
		}
		for (Question question : call.questions()) {
			// an answer given but blank is reported at that answer
			if (requireAll && question.required() && !answered.contains(question.id())) {
				problems.add(FieldProblem.of("answers", "participant.question-required", question.id()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}

	private static void text(Question question, Answer answer, String at, List<FieldProblem> problems) {
		if (!answer.choices().isEmpty()) {
			problems.add(FieldProblem.of(at + "choices", "participant.text-question-answered-text"));
		}
		String text = answer.text();
		if (question.required() && (text == null || text.isBlank())) {
			problems.add(FieldProblem.of(at + "text", "field.required"));
		}
		if (text != null && text.codePointCount(0, text.length()) > question.longestAnswer()) {
			problems.add(FieldProblem.of(at + "text", "participant.most-characters", question.longestAnswer()));
		}
	}

	private static void choice(Question question, Answer answer, String at, List<FieldProblem> problems) {
		if (answer.text() != null) {
			problems.add(FieldProblem.of(at + "text", "participant.choice-answered-choices"));
		}
		for (String chosen : answer.choices()) {
			if (!question.offers(chosen)) {
				problems.add(FieldProblem.of(at + "choices", "participant.not-option-question", chosen));
			}
		}
		if (question.kind() == Question.Kind.SINGLE_CHOICE && answer.choices().size() > 1) {
			problems.add(FieldProblem.of(at + "choices", "participant.choose-option"));
		}
		if (question.required() && answer.choices().isEmpty()) {
			problems.add(FieldProblem.of(at + "choices", "field.required"));
		}
	}

}
