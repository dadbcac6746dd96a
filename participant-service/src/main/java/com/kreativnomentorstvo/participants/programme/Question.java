package com.kreativnomentorstvo.participants.programme;

import java.util.List;
import java.util.Map;

/**
 * One of a programme's own application questions, with its label in each of the programme's
 * languages (e.g. Reg. Lab asks NGOs about their organisation and project idea).
 *
 * @param id a code, unique in the programme, that answers refer to
 * @param maxLength the longest text answer taken (text questions only)
 * @param options what may be chosen (choice questions only)
 */
public record Question(String id, Kind kind, boolean required, Map<String, String> label, Map<String, String> help,
		Integer maxLength, List<Option> options) {

	public Question {
		label = Map.copyOf(label);
		help = help == null ? Map.of() : Map.copyOf(help);
		options = options == null ? List.of() : List.copyOf(options);
	}

	/** How a question is answered. */
	public enum Kind {

		SHORT_TEXT, LONG_TEXT, SINGLE_CHOICE, MULTIPLE_CHOICE;

		public boolean isChoice() {
			return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
		}

		/** The longest answer a question of this kind takes when it names no limit, and the most it may name. */
		public int longestAnswer() {
			return this == SHORT_TEXT ? 200 : 5000;
		}

	}

	/** An option of a choice question, with its label per language. */
	public record Option(String id, Map<String, String> label) {

		public Option {
			label = Map.copyOf(label);
		}

	}

	/** The longest text answer this question takes. */
	public int longestAnswer() {
		return maxLength != null ? maxLength : kind.longestAnswer();
	}

	/** Whether the option is offered. */
	public boolean offers(String optionId) {
		return options.stream().anyMatch(option -> option.id().equals(optionId));
	}

}
