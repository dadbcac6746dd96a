package com.kreativnomentorstvo.matching.scoring;

import java.util.List;

import com.kreativnomentorstvo.events.participants.WeeklySlot;

/**
 * {@link Criterion#AVAILABILITY}: the weekly time both said they are available, compared in UTC in
 * 5-minute steps, so that it counts across time zones; full points from
 * {@link #FULL_OVERLAP_MINUTES}.
 */
final class WeeklyOverlap implements ScoringRule<WeeklyOverlap.Overlap> {

	/** Weekly time in common that earns the criterion's full points. */
	static final int FULL_OVERLAP_MINUTES = 120;

	private static final int UNIT_MINUTES = 5;

	private static final int WEEK_UNITS = 7 * 24 * 60 / UNIT_MINUTES;

	/**
	 * @param silent who stated no availability ({@code the mentee}, {@code the mentor}), or
	 *     {@code null} if both did
	 * @param minutes the weekly time in common, if both stated theirs
	 */
	record Overlap(String silent, int minutes) {
	}

	@Override
	public Criterion criterion() {
		return Criterion.AVAILABILITY;
	}

	@Override
	public Overlap measure(Candidate mentee, Candidate mentor) {
		long[] menteeWeek = mentee.week();
		long[] mentorWeek = mentor.week();
		if (menteeWeek == null || mentorWeek == null) {
			return new Overlap(menteeWeek == null ? "the mentee" : "the mentor", 0);
		}
		int units = 0;
		for (int k = 0; k < menteeWeek.length; k++) {
			units += Long.bitCount(menteeWeek[k] & mentorWeek[k]);
		}
		return new Overlap(null, units * UNIT_MINUTES);
	}

	/** The default body again, in this class, so that a run's scoring inlines it (see {@link ScoringRule#pointsOf}). */
	@Override
	public int pointsOf(Candidate mentee, Candidate mentor, int maxPoints) {
		return points(measure(mentee, mentor), maxPoints);
	}

	@Override
	public int points(Overlap overlap, int maxPoints) {
		return overlap.silent() != null ? 0
				: maxPoints * Math.min(overlap.minutes(), FULL_OVERLAP_MINUTES) / FULL_OVERLAP_MINUTES;
	}

	@Override
	public List<Reason> because(Overlap overlap) {
		if (overlap.silent() != null) {
			return List.of(Reason.of(overlap.silent().equals("the mentee") ? "availability-silent-mentee"
					: "availability-silent-mentor"));
		}
		return List.of(overlap.minutes() == 0 ? Reason.of("availability-none")
				: Reason.of("availability-common", Durations.spoken(overlap.minutes()),
						Durations.spoken(FULL_OVERLAP_MINUTES)));
	}

	@Override
	public String reason(Overlap overlap) {
		if (overlap.silent() != null) {
			return overlap.silent() + " stated no weekly availability";
		}
		return overlap.minutes() == 0 ? "no weekly time in common"
				: Durations.spoken(overlap.minutes()) + " a week in common (full points from "
						+ Durations.spoken(FULL_OVERLAP_MINUTES) + ")";
	}

	/**
	 * A week of availability as bits, one per 5 minutes from Monday 00:00 UTC, or {@code null} if
	 * she stated none. A 5-minute step counts only if the slot covers it whole.
	 * @param offsetMinutes her time zone's offset from UTC
	 */
	static long[] week(List<WeeklySlot> slots, int offsetMinutes) {
		if (slots.isEmpty()) {
			return null;
		}
		long[] bits = new long[(WEEK_UNITS + 63) / 64];
		for (WeeklySlot slot : slots) {
			if (slot.day() == null || slot.from() == null || slot.to() == null) {
				continue;
			}
			int start = (slot.day().getValue() - 1) * 1440 + slot.from().toSecondOfDay() / 60;
			int length = slot.to().toSecondOfDay() / 60 - slot.from().toSecondOfDay() / 60;
			if (length <= 0) {
				length += 1440; // the slot runs past midnight
			}
			int utcStart = start - offsetMinutes;
			int first = Math.floorDiv(utcStart + UNIT_MINUTES - 1, UNIT_MINUTES);
			int last = Math.floorDiv(utcStart + length, UNIT_MINUTES);
			for (int unit = first; unit < last; unit++) {
				int wrapped = Math.floorMod(unit, WEEK_UNITS);
				bits[wrapped >>> 6] |= 1L << (wrapped & 63);
			}
		}
		return bits;
	}

}
