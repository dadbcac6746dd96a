package com.kreativnomentorstvo.matching.scoring;

import java.util.List;

/**
 * {@link Criterion#PREFERENCES}: what they said about each other. The mentee asked for this mentor:
 * full points; neither said anything: half; either asked not to be paired with the other: none.
 */
final class StatedPreferences implements ScoringRule<StatedPreferences.Wish> {

	/** What was said about this pair, the avoidances first. */
	enum Wish {

		MENTEE_AVOIDS, MENTOR_AVOIDS, ASKED_FOR, NONE

	}

	@Override
	public Criterion criterion() {
		return Criterion.PREFERENCES;
	}

	@Override
	public Wish measure(Candidate mentee, Candidate mentor) {
		if (mentee.avoids(mentor.id())) {
			return Wish.MENTEE_AVOIDS;
		}
		if (mentor.avoids(mentee.id())) {
			return Wish.MENTOR_AVOIDS;
		}
		return mentee.prefers(mentor.id()) ? Wish.ASKED_FOR : Wish.NONE;
	}

	/** The default body again, in this class, so that a run's scoring inlines it (see {@link ScoringRule#pointsOf}). */
	@Override
	public int pointsOf(Candidate mentee, Candidate mentor, int maxPoints) {
		return points(measure(mentee, mentor), maxPoints);
	}

	@Override
	public int points(Wish wish, int maxPoints) {
		return switch (wish) {
			case MENTEE_AVOIDS, MENTOR_AVOIDS -> 0;
			case ASKED_FOR -> maxPoints;
			case NONE -> maxPoints / 2;
		};
	}

	@Override
	public List<Reason> because(Wish wish) {
		return List.of(Reason.of(switch (wish) {
			case MENTEE_AVOIDS -> "preferences-mentee-avoids";
			case MENTOR_AVOIDS -> "preferences-mentor-avoids";
			case ASKED_FOR -> "preferences-asked-for";
			case NONE -> "preferences-none";
		}));
	}

	@Override
	public String reason(Wish wish) {
		return switch (wish) {
			case MENTEE_AVOIDS -> "the mentee asked not to be paired with this mentor";
			case MENTOR_AVOIDS -> "the mentor asked not to be paired with this mentee";
			case ASKED_FOR -> "the mentee asked for this mentor";
			case NONE -> "no stated preference either way (half the points)";
		};
	}

}
