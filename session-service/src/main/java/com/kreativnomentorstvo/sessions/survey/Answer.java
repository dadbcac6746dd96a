package com.kreativnomentorstvo.sessions.survey;

/**
 * Her answer to one question: a {@code rating} (1–5), the id of a {@code choice}, or a {@code text},
 * as the question's kind asks.
 */
public record Answer(String questionId, Integer rating, String choice, String text) {
}
