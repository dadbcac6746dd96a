package com.kreativnomentorstvo.participants.programme;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A programme's public call: what it offers and who may apply, per language, and the questions an
 * application answers besides the profile.
 */
public record Call(Map<String, Text> texts, List<Question> questions) {

	/** No texts and no questions: the call of a programme whose coordinators wrote none. */
	public static final Call EMPTY = new Call(Map.of(), List.of());

	public Call {
		texts = texts == null ? Map.of() : Map.copyOf(texts);
		questions = questions == null ? List.of() : List.copyOf(questions);
	}

	/**
	 * The call's text in one language.
	 *
	 * @param summary what the programme is, in a paragraph
	 * @param offer what mentors and mentees get from it
	 * @param eligibility who may apply
	 */
	public record Text(String summary, String offer, String eligibility) {
	}

	/** The question with the id, if the call asks it. */
	public Optional<Question> question(String id) {
		return questions.stream().filter(question -> question.id().equals(id)).findFirst();
	}

}
