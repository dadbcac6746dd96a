package com.kreativnomentorstvo.sessions.session;

/** Who did not come to a session that did not take place. */
public enum Absence {

	MENTOR, MENTEE, BOTH

}
