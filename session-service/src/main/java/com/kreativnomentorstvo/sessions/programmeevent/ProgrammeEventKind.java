package com.kreativnomentorstvo.sessions.programmeevent;

/** What kind of group event a programme holds. */
public enum ProgrammeEventKind {

	KICK_OFF, TRAINING, MIDTERM_TRAINING, CLOSING

}
