package com.kreativnomentorstvo.events.sessions;

/** Where a session or programme event takes place. */
public enum SessionMode {

	ONLINE, IN_PERSON

}
