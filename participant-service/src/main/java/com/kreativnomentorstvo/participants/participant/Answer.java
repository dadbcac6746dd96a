package com.kreativnomentorstvo.participants.participant;

import java.util.List;

/**
 * An applicant's answer to one of the programme's own questions: text, or the options she chose.
 * Personal data: exported and erased with the rest of her record.
 */
public record Answer(String questionId, String text, List<String> choices) {

	public Answer {
		choices = choices == null ? List.of() : List.copyOf(choices);
	}

}
