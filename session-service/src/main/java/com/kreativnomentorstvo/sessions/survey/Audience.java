package com.kreativnomentorstvo.sessions.survey;

import com.kreativnomentorstvo.events.participants.Role;

/** Whom a survey asks. */
public enum Audience {

	MENTORS, MENTEES, BOTH;

	boolean includes(Role role) {
		return role != null && (this == BOTH || this == MENTORS && role == Role.MENTOR
				|| this == MENTEES && role == Role.MENTEE);
	}

}
