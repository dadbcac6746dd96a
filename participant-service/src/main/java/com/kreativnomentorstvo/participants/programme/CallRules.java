package com.kreativnomentorstvo.participants.programme;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;

/**
 * What a public call keeps to: it speaks the programme's languages (every label in each of them,
 * texts in none but those), question and option ids are unique, choices have options and texts
 * do not, and a text's length limit fits its kind.
 */
final class CallRules {

	private CallRules() {
	}

	static void check(Call call, List<String> languages) {
		List<FieldProblem> problems = new ArrayList<>();
		call.texts().keySet().stream().filter(language -> !languages.contains(language)).forEach(language -> problems
			.add(FieldProblem.of("texts." + language, "programme.not-a-language-of", languages)));
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < call.questions().size(); i++) {
			Question question = call.questions().get(i);
			String at = "questions[" + i + "].";
			if (!ids.add(question.id())) {
				problems.add(FieldProblem.of(at + "id", "programme.used-another-question"));
			}
			labels(at + "label", question.label(), languages, problems);
			question.help().keySet().stream().filter(language -> !languages.contains(language))
				.forEach(language -> problems.add(FieldProblem.of(at + "help." + language, "programme.not-a-language")));
			if (question.kind().isChoice()) {
				if (question.options().size() < 2) {
					problems.add(FieldProblem.of(at + "options", "programme.choice-offers-least-two"));
				}
				if (question.maxLength() != null) {
					problems.add(FieldProblem.of(at + "maxLength", "programme.only-text-questions-length"));
				}
				Set<String> optionIds = new HashSet<>();
				for (int j = 0; j < question.options().size(); j++) {
					Question.Option option = question.options().get(j);
					if (!optionIds.add(option.id())) {
						problems.add(FieldProblem.of(at + "options[" + j + "].id", "programme.used-another-option"));
					}
					labels(at + "options[" + j + "].label", option.label(), languages, problems);
				}
			}
			else {
				if (!question.options().isEmpty()) {
					problems.add(FieldProblem.of(at + "options", "programme.only-choice-questions-options"));
				}
				if (question.maxLength() != null && question.maxLength() > question.kind().longestAnswer()) {
					problems.add(FieldProblem.of(at + "maxLength", "programme.answer-too-long", question.kind().longestAnswer(), question.kind()));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}

	private static void labels(String field, Map<String, String> label, List<String> languages,
			List<FieldProblem> problems) {
		for (String language : languages) {
			if (!label.containsKey(language)) {
				problems.add(FieldProblem.of(field + "." + language, "programme.missing-every-label-written"));
			}
		}
		label.keySet().stream().filter(language -> !languages.contains(language))
			.forEach(language -> problems.add(FieldProblem.of(field + "." + language, "programme.not-a-language")));
	}

}
