package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * Someone applied to a programme through its public call. The application counts only once she
 * confirms her e-mail address through the link sent to it; until then no other service treats her
 * as enrolled. Her name and address travel on the contacts topic under the same id.
 *
 * @param participantId the id she will keep as a participant once she confirms
 * @param confirmationLinkId the link that confirms the address; it is only valid with the signature the
 *     platform adds when it writes the e-mail (see {@code SignedLinks})
 * @param confirmBy when the link, and the unconfirmed application with it, expires
 */
public record ApplicationSubmitted(String participantId, String programmeId, String organisationId, Role role,
		String confirmationLinkId, Instant confirmBy, Instant submittedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return participantId;
	}

}
