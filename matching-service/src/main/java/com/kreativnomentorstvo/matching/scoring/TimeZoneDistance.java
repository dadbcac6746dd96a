package com.kreativnomentorstvo.matching.scoring;

import java.util.List;

/**
 * {@link Criterion#TIMEZONE}: how close their time zones are at the scorer's moment, the short way
 * round the clock; nothing from {@link #FURTHEST_OFFSET_MINUTES} apart.
 */
final class TimeZoneDistance implements ScoringRule<TimeZoneDistance.Distance> {

	/** Time-zone distance at which the criterion gives nothing. */
	static final int FURTHEST_OFFSET_MINUTES = 12 * 60;

	/**
	 * @param silent who stated no (valid) time zone, or {@code null} if both did
	 * @param minutes how far apart their clocks are, if both stated a time zone
	 */
	record Distance(String silent, int minutes) {
	}

	@Override
	public Criterion criterion() {
		return Criterion.TIMEZONE;
	}

	@Override
	public Distance measure(Candidate mentee, Candidate mentor) {
		if (!mentee.hasOffset() || !mentor.hasOffset()) {
			return new Distance(!mentee.hasOffset() ? "the mentee" : "the mentor", 0);
		}
		int apart = Math.abs(mentee.offset() - mentor.offset());
		int distance = Math.min(apart, 24 * 60 - apart);
		if (distance < 0) {
			// TODO clocks more than 24 h apart (UTC+13/+14 against UTC-11/-12) are 1-2 h apart the short
			// way round, but have always scored as if the mentor stated no time zone; kept so in this refactoring
			return new Distance("the mentor", 0);
		}
		return new Distance(null, distance);
	}

	/** The default body again, in this class, so that a run's scoring inlines it (see {@link ScoringRule#pointsOf}). */
	@Override
	public int pointsOf(Candidate mentee, Candidate mentor, int maxPoints) {
		return points(measure(mentee, mentor), maxPoints);
	}

	@Override
	public int points(Distance distance, int maxPoints) {
		return distance.silent() != null ? 0
				: maxPoints * Math.max(0, FURTHEST_OFFSET_MINUTES - distance.minutes()) / FURTHEST_OFFSET_MINUTES;
	}

	@Override
	public List<Reason> because(Distance distance) {
		if (distance.silent() != null) {
			return List.of(Reason.of(distance.silent().equals("the mentee") ? "timezone-silent-mentee"
					: "timezone-silent-mentor"));
		}
		return List.of(distance.minutes() == 0 ? Reason.of("timezone-same")
				: Reason.of("timezone-apart", Durations.spoken(distance.minutes())));
	}

	@Override
	public String reason(Distance distance) {
		if (distance.silent() != null) {
			return distance.silent() + " stated no time zone";
		}
		return distance.minutes() == 0 ? "the same time of day for both"
				: "time zones " + Durations.spoken(distance.minutes()) + " apart";
	}

}
