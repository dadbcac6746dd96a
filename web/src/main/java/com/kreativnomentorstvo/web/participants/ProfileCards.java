package com.kreativnomentorstvo.web.participants;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.api.ApiProblem;

/**
 * Another person's profile card as participant-service shows it to the person signed in: the card
 * of the other side of her proposal or mentorship (with the address once their mentorship
 * started), of a mentor of her programme, or of a participant she coordinates.
 */
@Component
public class ProfileCards {

	private final Api api;

	ProfileCards(Api api) {
		this.api = api;
	}

	/** The card, or an empty map if the pages may not show it (erased, not hers to see). */
	public Map<String, Object> of(String participantId) {
		if (participantId == null) {
			return Map.of();
		}
		try {
			return api.get("/api/v1/participants/{id}", participantId);
		}
		catch (ApiProblem hidden) {
			if (hidden.isNotFound()) {
				return Map.of();
			}
			throw hidden;
		}
	}

}
