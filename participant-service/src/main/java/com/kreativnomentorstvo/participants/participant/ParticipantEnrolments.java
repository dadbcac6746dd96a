package com.kreativnomentorstvo.participants.participant;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.security.AccountEnrolments;

/** The enrolments of an account: the participant records that belong to it and are not erased. */
@Component
class ParticipantEnrolments implements AccountEnrolments {

	private final Participants participants;

	ParticipantEnrolments(Participants participants) {
		this.participants = participants;
	}

	@Override
	public Set<String> of(String accountId) {
		Set<String> ids = new LinkedHashSet<>();
		participants.findByAccountIdAndErasedAtIsNull(accountId).forEach(participant -> ids.add(participant.getId()));
		return ids;
	}

}
