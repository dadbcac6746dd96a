package com.kreativnomentorstvo.sessions.programmeevent;

/** Why a group event was called off: a code, never free text (it travels in events). */
public enum ProgrammeEventCancellation {

	SCHEDULE_CONFLICT, ILLNESS, VENUE_UNAVAILABLE, TOO_FEW_PARTICIPANTS, OTHER

}
