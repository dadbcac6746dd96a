package com.kreativnomentorstvo.events.participants;

/** The part a participant plays in a programme. */
public enum Role {

	MENTOR, MENTEE

}
