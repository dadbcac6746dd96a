package com.kreativnomentorstvo.samplecycle.second;

import com.kreativnomentorstvo.samplecycle.first.First;

/** The other half of the package cycle: second uses first back. */
public class Second {

	public First back() {
		return new First();
	}

}
