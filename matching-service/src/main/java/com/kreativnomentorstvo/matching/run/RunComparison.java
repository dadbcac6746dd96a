package com.kreativnomentorstvo.matching.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kreativnomentorstvo.matching.run.MatchingRun.ProposedPair;
import com.kreativnomentorstvo.matching.scoring.ExplanationView;

/**
 * Two runs side by side: their figures, how many pairs they share, and each mentee whose mentor
 * differs.
 */
record RunComparison(String runId, String otherRunId, Figures run, Figures other, int samePairs,
		List<Change> changes) {

	record Figures(int matched, BigDecimal totalScore, BigDecimal worstChosenScore, String objective) {
	}

	/** A mentee with a different mentor (or none) in the two runs. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Change(String menteeId, String mentorInRun, BigDecimal scoreInRun, String mentorInOther,
			BigDecimal scoreInOther) {
	}

	static RunComparison of(MatchingRun run, MatchingRun other) {
		Map<String, ProposedPair> mine = byMentee(run);
		Map<String, ProposedPair> theirs = byMentee(other);
		TreeSet<String> mentees = new TreeSet<>(mine.keySet());
		mentees.addAll(theirs.keySet());
		int same = 0;
		List<Change> changes = new ArrayList<>();
		for (String mentee : mentees) {
			ProposedPair a = mine.get(mentee);
			ProposedPair b = theirs.get(mentee);
			if (a != null && b != null && a.mentorId().equals(b.mentorId())) {
				same++;
				continue;
			}
			changes.add(new Change(mentee, a == null ? null : a.mentorId(),
					a == null ? null : ExplanationView.points(a.explanation().score()), b == null ? null : b.mentorId(),
					b == null ? null : ExplanationView.points(b.explanation().score())));
		}
		return new RunComparison(run.getId(), other.getId(), figures(run), figures(other), same, changes);
	}

	private static Figures figures(MatchingRun run) {
		MatchingRun.Summary summary = run.getResults().summary();
		return new Figures(summary.matched(), ExplanationView.points(summary.totalScore()),
				summary.worstChosenScore() < 0 ? null : ExplanationView.points(summary.worstChosenScore()),
				summary.objective().name());
	}

	private static Map<String, ProposedPair> byMentee(MatchingRun run) {
		Map<String, ProposedPair> pairs = new HashMap<>();
		run.getResults().proposals().forEach(pair -> pairs.put(pair.menteeId(), pair));
		return pairs;
	}

}
