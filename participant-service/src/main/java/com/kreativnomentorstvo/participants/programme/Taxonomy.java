package com.kreativnomentorstvo.participants.programme;

import java.util.List;

/** The skills and goals a programme offers when its organiser names none: the cultural sector's seven. */
final class Taxonomy {

	static final List<String> CULTURAL_SECTOR = List.of("transnational-programmes", "digital-tools",
			"programme-development", "community-engagement", "audience-engagement", "technical-production",
			"innovative-management-models");

	private Taxonomy() {
	}

}
