package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A mentor of a programme was invited to return as a mentor of its next cycle: the e-mail carries
 * a single-use link that enrols her with one click. The link is only valid with the signature the
 * platform adds when it writes the e-mail.
 *
 * @param participantId her enrolment in the earlier programme, who receives the e-mail
 * @param programmeId the earlier programme (of her enrolment)
 * @param nextProgrammeId the programme she is invited to
 */
public record ReturnInvited(String participantId, String accountId, String programmeId, String organisationId,
		String nextProgrammeId, String linkId, Instant expiresAt, Instant invitedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return participantId;
	}

}
