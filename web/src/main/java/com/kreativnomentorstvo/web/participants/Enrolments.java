package com.kreativnomentorstvo.web.participants;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.signin.Person;

/**
 * The signed-in person's own enrolments (one per programme and role), as the participant service
 * shows them to her: the ones whose account is hers. Other people's cards in the same answer are
 * left out.
 */
@Component
public class Enrolments {

	private final Api api;

	Enrolments(Api api) {
		this.api = api;
	}

	public List<Map<String, Object>> of(Person person) {
		if (!person.isParticipant()) {
			return List.of();
		}
		return api.page("/api/v1/participants?size=100")
			.items()
			.stream()
			.filter(participant -> person.accountId().equals(participant.get("accountId")))
			.toList();
	}

}
