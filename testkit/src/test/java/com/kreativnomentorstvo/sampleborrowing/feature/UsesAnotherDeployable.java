package com.kreativnomentorstvo.sampleborrowing.feature;

import com.kreativnomentorstvo.someoneelse.feature.TheirThing;

/** Imports another deployable's code. */
public class UsesAnotherDeployable {

	public TheirThing borrowed() {
		return new TheirThing();
	}

}
