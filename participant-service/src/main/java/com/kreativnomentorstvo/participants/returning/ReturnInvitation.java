package com.kreativnomentorstvo.participants.returning;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mentor invited to return to a next cycle: one per account and programme, so that asking
 * again invites nobody twice. Ids only; the link itself lives with the account links.
 *
 * @param id {@code <nextProgrammeId>:<accountId>}
 * @param participantId her enrolment in the earlier cycle, which the e-mail goes to
 * @param enrolmentId her enrolment in the next cycle, once she clicked
 */
@Document("returnInvitations")
record ReturnInvitation(@Id String id, String nextProgrammeId, String accountId, String participantId, @Indexed String linkId,
		Instant invitedAt, String enrolmentId) {

	static String idOf(String nextProgrammeId, String accountId) {
		return nextProgrammeId + ":" + accountId;
	}

}
