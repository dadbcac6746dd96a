package com.kreativnomentorstvo.samplecycle.first;

import com.kreativnomentorstvo.samplecycle.second.Second;

/** Half of a package cycle: first uses second. */
public class First {

	public Second next() {
		return new Second();
	}

}
