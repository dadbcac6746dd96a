package com.kreativnomentorstvo.sampleclean.first;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.sampleclean.second.Places;

/** A feature that uses another feature one way, and the published language. */
public class Enrolments {

	public String topic(Places places) {
		return places.free() > 0 ? Topics.PARTICIPANT_CONTACTS : "";
	}

}
