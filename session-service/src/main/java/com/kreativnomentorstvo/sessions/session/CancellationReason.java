package com.kreativnomentorstvo.sessions.session;

/** Why a session was called off: a code, never free text (it travels in events). */
public enum CancellationReason {

	SCHEDULE_CONFLICT, ILLNESS, OTHER,

	/** Set by the service when the mentorship ends; nobody picks it. */
	MENTORSHIP_ENDED

}
