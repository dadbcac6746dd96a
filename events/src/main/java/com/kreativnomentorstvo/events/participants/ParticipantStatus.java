package com.kreativnomentorstvo.events.participants;

/** Where a participant stands in a programme. */
public enum ParticipantStatus {

	APPLIED, ACCEPTED, REJECTED, ACTIVE, WITHDRAWN

}
