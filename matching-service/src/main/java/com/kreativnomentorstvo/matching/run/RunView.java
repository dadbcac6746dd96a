package com.kreativnomentorstvo.matching.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kreativnomentorstvo.matching.match.Publication;
import com.kreativnomentorstvo.matching.run.MatchingRun.Pair;
import com.kreativnomentorstvo.matching.run.MatchingRun.UnmatchedMentee;
import com.kreativnomentorstvo.matching.scoring.ExplanationView;

/** A run as the API shows it. Scores are points 0–100 with two decimals. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RunView(String id, String programmeId, String status, Instant createdAt, String basedOn, SettingsView settings,
		SummaryView summary, List<ProposalView> proposals, List<UnmatchedMentee> unmatched,
		List<MatchingRun.DeclinedPair> declinedPairs, PublicationView publication) {

	record SettingsView(Map<String, Integer> weights, String crossBorder, boolean sameOrganisationAllowed,
			boolean fairnessFirst, List<Pair> lockedPairs, List<Pair> excludedPairs, List<Pair> liftedDeclines,
			Instant scoredAt) {
	}

	/**
	 * @param optimal always true: the solver proves optimality for the objective
	 * @param worstChosenScore the lowest score among pairs the solver chose (locked pairs excepted)
	 */
	record SummaryView(int mentees, int mentors, int places, int matched, int unmatched, BigDecimal totalScore,
			BigDecimal averageScore, BigDecimal worstChosenScore, String objective, boolean optimal,
			long scoringMillis, long solvingMillis, List<String> erasedSince) {
	}

	record ProposalView(String menteeId, String mentorId, boolean locked, BigDecimal score,
			List<ExplanationView.Line> contributions, List<String> constraintsMet) {
	}

	record PublicationView(Instant publishedAt, Instant respondBy, List<Publication> outcomes) {
	}

	static RunView of(MatchingRun run, boolean full) {
		MatchingRun.Settings s = run.getSettings();
		MatchingRun.Summary sum = run.getResults().summary();
		List<String> erased = run.getInputs() == null || run.getInputs().erased() == null ? null
				: run.getInputs().erased().isEmpty() ? null : run.getInputs().erased();
		SummaryView summary = new SummaryView(sum.mentees(), sum.mentors(), sum.places(), sum.matched(),
				sum.mentees() - sum.matched(), ExplanationView.points(sum.totalScore()),
				sum.matched() == 0 ? null
						: ExplanationView.points(sum.totalScore()).divide(BigDecimal.valueOf(sum.matched()), 2,
								RoundingMode.HALF_UP),
				sum.worstChosenScore() < 0 ? null : ExplanationView.points(sum.worstChosenScore()),
				sum.objective().name(), true, sum.scoringMillis(), sum.solvingMillis(), erased);
		SettingsView settings = new SettingsView(s.weights(), s.crossBorder().name(), s.sameOrganisationAllowed(),
				s.fairnessFirst(), s.lockedPairs(), s.excludedPairs(), s.liftedDeclines(), s.scoredAt());
		List<ProposalView> proposals = !full ? null
				: run.getResults().proposals().stream().map(pair -> {
					ExplanationView explanation = ExplanationView.of(pair.explanation());
					return new ProposalView(pair.menteeId(), pair.mentorId(), pair.locked(), explanation.score(),
							explanation.contributions(), explanation.constraintsMet());
				}).toList();
		MatchingRun.Published published = run.getPublication();
		PublicationView publication = published == null ? null
				: new PublicationView(published.publishedAt(), published.respondBy(),
						full ? published.outcomes() : null);
		return new RunView(run.getId(), run.getProgrammeId(), run.getStatus().name(), run.getCreatedAt(),
				run.getBasedOn(), settings, summary, proposals, full ? run.getResults().unmatched() : null,
				full ? run.getResults().declinedPairs() : null, publication);
	}

}
