package com.kreativnomentorstvo.faults;

/** The organisations the suite registers: one runs the programmes, the other is its partner. */
final class Ids {

	static final String ORGANISER = "org-faults-organiser";

	static final String PARTNER = "org-faults-partner";

	private Ids() {
	}

}
