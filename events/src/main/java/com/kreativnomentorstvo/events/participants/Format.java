package com.kreativnomentorstvo.events.participants;

/** How a participant can meet: online only, in person only, or both. */
public enum Format {

	ONLINE, IN_PERSON, HYBRID

}
