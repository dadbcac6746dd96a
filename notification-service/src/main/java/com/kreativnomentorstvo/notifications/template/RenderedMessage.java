package com.kreativnomentorstvo.notifications.template;

import java.util.Arrays;
import java.util.List;

/**
 * A message in one language: its title (the e-mail subject), its body as plain-text paragraphs
 * separated by blank lines, and the label of the link that acts on it.
 */
public record RenderedMessage(String title, String body, String action) {

	/** The body's paragraphs; lines within a paragraph stay together. */
	public List<String> paragraphs() {
		return Arrays.stream(body.strip().split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

}
