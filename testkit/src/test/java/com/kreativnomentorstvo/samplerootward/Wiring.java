package com.kreativnomentorstvo.samplerootward;

/** The root package of a sample deployable. */
public class Wiring {

	public static String name() {
		return "wiring";
	}

}
