package com.kreativnomentorstvo.matching.scoring;

/** Minutes as the explanations say them: {@code 45 min}, {@code 2 h}, {@code 1 h 30 min}. */
final class Durations {

	private Durations() {
	}

	static String spoken(int minutes) {
		int hours = minutes / 60;
		int rest = minutes % 60;
		if (hours == 0) {
			return rest + " min";
		}
		return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
	}

}
