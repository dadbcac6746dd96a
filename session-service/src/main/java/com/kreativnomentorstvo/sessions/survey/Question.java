package com.kreativnomentorstvo.sessions.survey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One question of a survey: its id (generated, kept while the survey is revised), its kind, its
 * text per language, whether it must be answered, and for a choice its options.
 */
public record Question(String id, Kind kind, Map<String, String> text, boolean required, List<Option> options) {

	/** What kind of answer a question takes. */
	public enum Kind {

		/** A rating from 1 (poor) to 5 (excellent). */
		RATING,

		/** One of the question's options. */
		CHOICE,

		/** A written answer. */
		TEXT

	}

	/** One option of a choice question: its id and its text per language. */
	public record Option(String id, Map<String, String> text) {
	}

	public Question {
		options = options == null ? List.of() : List.copyOf(options);
	}

	Optional<Option> option(String optionId) {
		return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
	}

}
