package com.kreativnomentorstvo.sessions.survey;

/** When a survey asks its audience. */
public enum Trigger {

	/** When a session is recorded held, both members of the pair. */
	AFTER_SESSION,

	/** Thirty days after her pair started. */
	DAY_30,

	/** On the programme's MIDTERM milestone. */
	MIDTERM,

	/** A number of days (the survey's {@code closingDaysBefore}) before the programme's end date. */
	CLOSING

}
