package com.kreativnomentorstvo.participants.participant;

import java.util.List;

import org.hibernate.validator.constraints.UniqueElements;

import com.kreativnomentorstvo.participants.validation.Code;
import com.kreativnomentorstvo.platform.web.PlainText;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An answer to one of the programme's questions: {@code text} for a text question, {@code choices}
 * (option ids) for a choice. Whether it fits the question is checked against the programme.
 */
public record AnswerForm(@NotNull @Code String questionId,
		@Size(max = 10000) @PlainText(multiline = true) String text,
		@Size(max = 30) @UniqueElements List<@NotNull @Code String> choices) {

	Answer toAnswer() {
		return new Answer(questionId, text == null ? null : text.strip(), choices);
	}

}
