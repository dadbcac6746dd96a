package com.kreativnomentorstvo.participants.participant;

/**
 * What a participant record still waits for before the enrolment counts and other services hear of
 * it.
 */
public enum Pending {

	/** An outsider applied; she has not confirmed her e-mail address yet. */
	ADDRESS_CONFIRMATION,

	/** A coordinator invited her; she has not completed her profile and consent yet. */
	PROFILE_COMPLETION

}
