package com.kreativnomentorstvo.participants.privacy;

/**
 * What invitations to return as a mentor keep of a participant (ids only): her erasure deletes
 * them. Declared here and implemented by the returning feature, so that privacy does not depend
 * on it.
 */
public interface InvitationRecords {

	/** Deletes the invitations sent to her enrolment, and the mention of an enrolment they made. */
	void forget(String participantId);

}
