package com.kreativnomentorstvo.samplerootward.feature;

import com.kreativnomentorstvo.samplerootward.Wiring;

/** A feature that depends on its deployable's root package. */
public class ReachesBack {

	public String name() {
		return Wiring.name() + "-feature";
	}

}
