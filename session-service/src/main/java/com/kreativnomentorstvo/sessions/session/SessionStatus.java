package com.kreativnomentorstvo.sessions.session;

/** Where a session stands. */
public enum SessionStatus {

	SCHEDULED, HELD, NO_SHOW, CANCELLED;

	/** Whether the session takes (or took) up its time in the pair's calendars. */
	public boolean occupiesTime() {
		return this != CANCELLED;
	}

}
