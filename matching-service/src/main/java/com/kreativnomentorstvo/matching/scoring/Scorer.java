package com.kreativnomentorstvo.matching.scoring;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores mentor–mentee pairs under one policy at one moment (time-zone offsets are taken at that
 * moment, so a replayed run scores exactly as the original did): the policy's hard constraints
 * ({@link Eligibility}) and one {@link ScoringRule} per criterion, each worth at most its weight's
 * share of the points. Profiles are first compiled into {@link Candidate}s, after which checking
 * and scoring a pair is cheap enough for every pair of a large programme; explanations are written
 * only for the pairs someone looks at, from the same rules.
 *
 * <p>Not thread-safe: one scorer per run or request.
 */
public final class Scorer {

	private final ScoringPolicy policy;

	private final int[] maxPoints;

	private final Instant at;

	private final ZoneId fallbackZone;

	private final Vocabulary vocabulary = new Vocabulary();

	private final Eligibility eligibility;

	private final List<ScoringRule<?>> rules;

	/**
	 * @param at the moment whose time-zone offsets count
	 * @param fallbackZone where availability is placed for someone who gave no time zone (the
	 *     programme's)
	 */
	public Scorer(ScoringPolicy policy, Instant at, ZoneId fallbackZone) {
		this.policy = policy;
		this.maxPoints = policy.maxPoints();
		this.at = at;
		this.fallbackZone = fallbackZone == null ? ZoneOffset.UTC : fallbackZone;
		this.eligibility = new Eligibility(policy.sameOrganisationAllowed());
		this.rules = rules(policy);
	}

	/** One rule per criterion, in {@link Criterion} order: the order of every explanation. */
	static List<ScoringRule<?>> rules(ScoringPolicy policy) {
		List<ScoringRule<?>> rules = List.of(new GoalCoverage(), new WeeklyOverlap(), new TimeZoneDistance(),
				new CrossBorderStance(policy.crossBorder()), new StatedPreferences());
		for (Criterion criterion : Criterion.values()) {
			if (rules.get(criterion.ordinal()).criterion() != criterion) {
				throw new IllegalStateException("the rules are not in criterion order at " + criterion);
			}
		}
		return rules;
	}

	public ScoringPolicy policy() {
		return policy;
	}

	/** The most each criterion can give, in hundredths, in {@link Criterion} order. */
	public int[] maxPoints() {
		return maxPoints.clone();
	}

	/** Prepares a profile for scoring. */
	public Candidate candidate(Profile profile) {
		return new Candidate(profile, vocabulary, at, fallbackZone);
	}

	/**
	 * The first hard constraint the pair breaks, in the order of {@link HardConstraint}, or
	 * {@code null} if the pair may be formed. Coordinators' exclusions are checked by the caller.
	 */
	public HardConstraint blockedBy(Candidate mentee, Candidate mentor) {
		return eligibility.blockedBy(mentee, mentor);
	}

	/** The pair's score in hundredths of a point (0–10000), the sum of its criteria's points. */
	public int score(Candidate mentee, Candidate mentor) {
		int score = 0;
		for (int k = 0; k < maxPoints.length; k++) {
			score += rules.get(k).pointsOf(mentee, mentor, maxPoints[k]);
		}
		return score;
	}

	/** The pair's score with one line per criterion and the constraints it meets. */
	public Explanation explain(Candidate mentee, Candidate mentor) {
		List<CriterionPoints> lines = new ArrayList<>(rules.size());
		int score = 0;
		for (int k = 0; k < maxPoints.length; k++) {
			CriterionPoints line = rules.get(k).judge(mentee, mentor, maxPoints[k]);
			score += line.points();
			lines.add(line);
		}
		return new Explanation(score, lines, eligibility.constraintsMet(mentee, mentor));
	}

}
