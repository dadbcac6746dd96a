package com.kreativnomentorstvo.matching.match;

import java.time.Clock;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.matching.projection.MatchingTerms;
import com.kreativnomentorstvo.matching.projection.Participant;
import com.kreativnomentorstvo.matching.scoring.Candidate;
import com.kreativnomentorstvo.matching.scoring.Explanation;
import com.kreativnomentorstvo.matching.scoring.HardConstraint;
import com.kreativnomentorstvo.matching.scoring.Scorer;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/** Scores one pair under the programme's current policy, refusing pairs a hard constraint forbids. */
@Component
class PairExplainer {

	private final Clock clock;

	PairExplainer(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @param field the request field that named the mentor, for the problem report
	 * @throws InvalidFieldsException if the pair breaks a hard constraint
	 */
	Explanation explain(Programme programme, Participant mentee, Participant mentor, String field) {
		MatchingTerms terms = MatchingTerms.of(programme);
		Scorer scorer = new Scorer(terms.scoringPolicy(), clock.instant(), terms.zone());
		Candidate menteeCandidate = scorer.candidate(mentee.profile());
		Candidate mentorCandidate = scorer.candidate(mentor.profile());
		HardConstraint blocked = scorer.blockedBy(menteeCandidate, mentorCandidate);
		if (blocked != null) {
			throw new InvalidFieldsException(field, ProblemText.of("pair.blocked." + blocked.code(), blocked.code()));
		}
		return scorer.explain(menteeCandidate, mentorCandidate);
	}

}
