package com.kreativnomentorstvo.matching.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.kreativnomentorstvo.events.participants.MatchingCriterion;
import com.kreativnomentorstvo.matching.projection.MatchingTerms;
import com.kreativnomentorstvo.matching.run.MatchingRun.Pair;
import com.kreativnomentorstvo.matching.run.MatchingRun.Settings;
import com.kreativnomentorstvo.matching.scoring.Criterion;
import com.kreativnomentorstvo.matching.scoring.ScoringPolicy;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;

/**
 * The settings a run runs with: what the request gives, else what the run it is based on had, else
 * the programme's policy. A replay keeps its base's moment of scoring and time zone.
 */
final class RunSettings {

	private RunSettings() {
	}

	/**
	 * @param base the run whose inputs are reused, or {@code null}
	 * @throws InvalidFieldsException naming each unknown criterion or weight out of range
	 */
	static Settings of(Programme programme, MatchingRun base, RunRequest request, Instant now) {
		Settings inherited = base != null ? base.getSettings() : null;
		MatchingTerms terms = MatchingTerms.of(programme);
		ScoringPolicy policy = terms.scoringPolicy();
		Map<String, Integer> weights = new LinkedHashMap<>(
				inherited != null ? inherited.weights() : policy.weightsByCode());
		if (request.weights() != null) {
			List<InvalidFieldsException.FieldProblem> problems = new ArrayList<>();
			request.weights().forEach((code, weight) -> {
				if (Criterion.ofCode(code).isEmpty()) {
					problems.add(InvalidFieldsException.FieldProblem.of("weights." + code, "run.weight-unknown",
							String.join(", ", MatchingCriterion.codes())));
				}
				else if (weight == null || weight < 0 || weight > 100) {
					problems.add(InvalidFieldsException.FieldProblem.of("weights." + code, "run.weight-out-of-range"));
				}
				else {
					weights.put(code, weight);
				}
			});
			if (!problems.isEmpty()) {
				throw new InvalidFieldsException(problems);
			}
		}
		boolean fairnessFirst = request.fairnessFirst() != null ? request.fairnessFirst()
				: inherited != null ? inherited.fairnessFirst() : terms.fairnessFirst();
		List<Pair> locked = request.lockedPairs() != null ? pairs(request.lockedPairs())
				: inherited != null ? inherited.lockedPairs() : List.of();
		List<Pair> excluded = request.excludedPairs() != null ? pairs(request.excludedPairs())
				: inherited != null ? inherited.excludedPairs() : List.of();
		List<Pair> lifted = request.liftedDeclines() != null ? pairs(request.liftedDeclines())
				: inherited != null ? inherited.liftedDeclines() : List.of();
		return new Settings(weights, inherited != null ? inherited.crossBorder() : policy.crossBorder(),
				inherited != null ? inherited.sameOrganisationAllowed() : policy.sameOrganisationAllowed(), fairnessFirst,
				locked, excluded, inherited != null ? inherited.scoredAt() : now,
				inherited != null ? inherited.timeZone() : terms.zone().getId(), lifted);
	}

	private static List<Pair> pairs(List<RunRequest.PairRequest> requested) {
		return requested.stream().map(p -> new Pair(p.mentorId(), p.menteeId())).toList();
	}

}
