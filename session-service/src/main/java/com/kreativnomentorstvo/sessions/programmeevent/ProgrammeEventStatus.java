package com.kreativnomentorstvo.sessions.programmeevent;

/** Whether a group event is still on. */
public enum ProgrammeEventStatus {

	SCHEDULED, CANCELLED

}
