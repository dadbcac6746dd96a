package com.kreativnomentorstvo.sampleclean.second;

/** A feature that depends on no other. */
public class Places {

	public int free() {
		return 1;
	}

}
