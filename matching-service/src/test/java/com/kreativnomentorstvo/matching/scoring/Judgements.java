package com.kreativnomentorstvo.matching.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import com.kreativnomentorstvo.matching.fixture.Profiles;

/**
 * A rule's judgement of a pair of the fixture's people, as one scorer's candidates. Every judgement
 * is checked against the rule's points alone, the ones a run scores every pair with.
 */
final class Judgements {

	/** Belgrade and Skopje are an hour ahead of UTC, London is on it. */
	static final Instant WINTER = Instant.parse("2026-01-15T10:00:00Z");

	/** Belgrade and Skopje are two hours ahead of UTC, London one. */
	static final Instant SUMMER = Instant.parse("2026-07-15T10:00:00Z");

	/** The most a rule may give in these tests: ten points. */
	static final int MAX = 1000;

	private final Scorer scorer;

	private Judgements(Instant at, ZoneId programmeZone) {
		this.scorer = new Scorer(ScoringPolicy.defaults(), at, programmeZone);
	}

	static Judgements inWinter() {
		return new Judgements(WINTER, ZoneId.of("UTC"));
	}

	static Judgements at(Instant at, ZoneId programmeZone) {
		return new Judgements(at, programmeZone);
	}

	CriterionPoints judge(ScoringRule<?> rule, Profiles mentee, Profiles mentor) {
		return judge(rule, mentee, mentor, MAX);
	}

	CriterionPoints judge(ScoringRule<?> rule, Profiles mentee, Profiles mentor, int maxPoints) {
		Candidate menteeCandidate = scorer.candidate(mentee.profile());
		Candidate mentorCandidate = scorer.candidate(mentor.profile());
		CriterionPoints line = rule.judge(menteeCandidate, mentorCandidate, maxPoints);
		assertThat(line.criterion()).isEqualTo(rule.criterion());
		assertThat(line.maxPoints()).isEqualTo(maxPoints);
		assertThat(rule.pointsOf(menteeCandidate, mentorCandidate, maxPoints)).as("the points a run scores with")
			.isEqualTo(line.points());
		return line;
	}

}
