package com.kreativnomentorstvo.matching.run;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.kreativnomentorstvo.matching.run.MatchingRun.Declined;
import com.kreativnomentorstvo.matching.run.MatchingRun.DeclinedPair;
import com.kreativnomentorstvo.matching.run.MatchingRun.Inputs;
import com.kreativnomentorstvo.matching.run.MatchingRun.MentorInput;
import com.kreativnomentorstvo.matching.run.MatchingRun.Pair;
import com.kreativnomentorstvo.matching.run.MatchingRun.ProposedPair;
import com.kreativnomentorstvo.matching.run.MatchingRun.Results;
import com.kreativnomentorstvo.matching.run.MatchingRun.Settings;
import com.kreativnomentorstvo.matching.run.MatchingRun.Summary;
import com.kreativnomentorstvo.matching.run.MatchingRun.UnmatchedMentee;
import com.kreativnomentorstvo.matching.scoring.Candidate;
import com.kreativnomentorstvo.matching.scoring.Criterion;
import com.kreativnomentorstvo.matching.scoring.HardConstraint;
import com.kreativnomentorstvo.matching.scoring.Profile;
import com.kreativnomentorstvo.matching.scoring.Scorer;
import com.kreativnomentorstvo.matching.scoring.ScoringPolicy;
import com.kreativnomentorstvo.matching.solver.Assignment;
import com.kreativnomentorstvo.matching.solver.AssignmentProblem;
import com.kreativnomentorstvo.matching.solver.AssignmentSolver;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * Computes a run from its inputs and settings, deterministically: scores every allowed pair,
 * solves for the optimal assignment, explains each proposed pair and says why each unmatched mentee
 * is unmatched. The same inputs and settings always give the same results.
 */
final class RunComputation {

	private static final AssignmentSolver SOLVER = new AssignmentSolver();

	private RunComputation() {
	}

	static Results compute(Inputs inputs, Settings settings) {
		long started = System.nanoTime();
		Scorer scorer = new Scorer(policy(settings), settings.scoredAt(), zone(settings.timeZone()));
		List<Profile> menteeProfiles = inputs.mentees();
		List<MentorInput> mentorInputs = inputs.mentors();
		int n = menteeProfiles.size();
		int m = mentorInputs.size();
		List<Candidate> mentees = menteeProfiles.stream().map(scorer::candidate).toList();
		List<Candidate> mentors = mentorInputs.stream().map(mentor -> scorer.candidate(mentor.profile())).toList();
		Map<String, Integer> menteeIndex = index(mentees);
		Map<String, Integer> mentorIndex = index(mentors);
		PairRules rules = new PairRules(scorer, settings, inputs);

		AssignmentProblem.Builder problem = AssignmentProblem.builder(n, m);
		for (int j = 0; j < m; j++) {
			problem.places(j, mentorInputs.get(j).freePlaces());
		}
		for (int i = 0; i < n; i++) {
			Candidate mentee = mentees.get(i);
			for (int j = 0; j < m; j++) {
				Candidate mentor = mentors.get(j);
				if (rules.blockedBy(mentee, mentor) == null) {
					problem.score(i, j, scorer.score(mentee, mentor));
				}
			}
		}
		lock(problem, settings, rules, mentees, mentors, menteeIndex, mentorIndex, mentorInputs);
		long scored = System.nanoTime();
		AssignmentProblem built = problem.build();
		Assignment assignment = SOLVER.solve(built, settings.objective());
		long solved = System.nanoTime();

		List<ProposedPair> proposals = new ArrayList<>();
		List<UnmatchedMentee> unmatched = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int j = assignment.mentorOf(i);
			Candidate mentee = mentees.get(i);
			if (j == Assignment.UNMATCHED) {
				unmatched.add(whyUnmatched(rules, mentee, mentors, mentorInputs));
				continue;
			}
			proposals.add(new ProposedPair(mentee.id(), mentors.get(j).id(), built.lockedMentor(i) == j,
					scorer.explain(mentee, mentors.get(j))));
		}
		int places = mentorInputs.stream().mapToInt(MentorInput::freePlaces).sum();
		Summary summary = new Summary(n, m, places, assignment.matched(), assignment.total(),
				assignment.worstChosen(), settings.objective(), (scored - started) / 1_000_000,
				(solved - scored) / 1_000_000);
		return new Results(proposals, unmatched, summary, rules.declinedPairs(zone(settings.timeZone())));
	}

	/**
	 * What keeps a mentee and a mentor of this run apart: the hard constraints, a coordinator's
	 * exclusion, and a decline between them that she has not lifted.
	 */
	private static final class PairRules {

		private final Scorer scorer;

		private final Set<Pair> excluded;

		private final Set<Pair> lifted;

		private final List<Declined> declined;

		private final Set<Pair> heldBack = new HashSet<>();

		PairRules(Scorer scorer, Settings settings, Inputs inputs) {
			this.scorer = scorer;
			this.excluded = new HashSet<>(settings.excludedPairs());
			this.lifted = new HashSet<>(settings.liftedDeclines());
			this.declined = inputs.declined();
			declined.stream().map(Declined::pair).filter(pair -> !lifted.contains(pair)).forEach(heldBack::add);
		}

		HardConstraint blockedBy(Candidate mentee, Candidate mentor) {
			HardConstraint blocked = scorer.blockedBy(mentee, mentor);
			if (blocked != null) {
				return blocked;
			}
			Pair pair = new Pair(mentor.id(), mentee.id());
			return excluded.contains(pair) ? HardConstraint.EXCLUDED
					: heldBack.contains(pair) ? HardConstraint.DECLINED : null;
		}

		/** Each pair declined before, with what the run made of it. */
		List<DeclinedPair> declinedPairs(ZoneId zone) {
			return declined.stream().map(d -> {
				boolean liftedNow = lifted.contains(d.pair());
				String who = d.mentorId().equals(d.declinedBy()) ? "the mentor"
						: d.menteeId().equals(d.declinedBy()) ? "the mentee" : "one of them";
				String when = d.declinedAt() == null ? "" : " on " + LocalDate.ofInstant(d.declinedAt(), zone);
				String explanation = liftedNow
						? "may be proposed again: a coordinator lifted the decline (" + who + " declined" + when + ")"
						: "not proposed again: " + who + " declined this pairing" + when;
				return new DeclinedPair(d.mentorId(), d.menteeId(), d.declinedBy(), d.declinedAt(), liftedNow, explanation);
			}).toList();
		}

	}

	/** The policy a run's settings describe. */
	static ScoringPolicy policy(Settings settings) {
		Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
		settings.weights().forEach((code, weight) -> Criterion.ofCode(code).ifPresent(c -> weights.put(c, weight)));
		return new ScoringPolicy(weights, settings.crossBorder(), settings.sameOrganisationAllowed());
	}

	private static void lock(AssignmentProblem.Builder problem, Settings settings, PairRules rules,
			List<Candidate> mentees, List<Candidate> mentors, Map<String, Integer> menteeIndex,
			Map<String, Integer> mentorIndex, List<MentorInput> mentorInputs) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> lockedMentees = new HashSet<>();
		Map<String, Integer> lockedPerMentor = new HashMap<>();
		List<Pair> locks = settings.lockedPairs();
		for (int k = 0; k < locks.size(); k++) {
			Pair pair = locks.get(k);
			String field = "lockedPairs[" + k + "]";
			Integer i = menteeIndex.get(pair.menteeId());
			Integer j = mentorIndex.get(pair.mentorId());
			if (i == null) {
				problems.add(FieldProblem.of(field + ".menteeId", "run.locked-mentee-not-in-pool"));
				continue;
			}
			if (j == null) {
				problems.add(FieldProblem.of(field + ".mentorId", "run.locked-mentor-not-in-run"));
				continue;
			}
			HardConstraint blocked = rules.blockedBy(mentees.get(i), mentors.get(j));
			if (blocked != null) {
				problems.add(new FieldProblem(field, blocked == HardConstraint.DECLINED
						? ProblemText.of("run.locked-pair-declined", blocked.code())
						: ProblemText.of("pair.blocked." + blocked.code(), blocked.code())));
				continue;
			}
			if (!lockedMentees.add(pair.menteeId())) {
				problems.add(FieldProblem.of(field + ".menteeId", "run.locked-mentee-twice"));
				continue;
			}
			int count = lockedPerMentor.merge(pair.mentorId(), 1, Integer::sum);
			if (count > mentorInputs.get(j).freePlaces()) {
				problems.add(FieldProblem.of(field + ".mentorId", "run.locked-mentor-too-few-places",
						mentorInputs.get(j).freePlaces()));
				continue;
			}
			problem.lock(i, j);
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}

	private static UnmatchedMentee whyUnmatched(PairRules rules, Candidate mentee, List<Candidate> mentors,
			List<MentorInput> mentorInputs) {
		Map<String, Integer> blockedBy = new LinkedHashMap<>();
		int eligible = 0;
		int eligibleWithRoom = 0;
		for (int j = 0; j < mentors.size(); j++) {
			HardConstraint blocked = rules.blockedBy(mentee, mentors.get(j));
			if (blocked != null) {
				blockedBy.merge(blocked.code(), 1, Integer::sum);
				continue;
			}
			eligible++;
			if (mentorInputs.get(j).freePlaces() > 0) {
				eligibleWithRoom++;
			}
		}
		if (mentors.isEmpty()) {
			return new UnmatchedMentee(mentee.id(), "no-eligible-mentor", "the programme has no active mentor",
					blockedBy, 0);
		}
		if (eligible == 0) {
			boolean onlyExcluded = blockedBy.size() == 1 && blockedBy.containsKey(HardConstraint.EXCLUDED.code());
			return new UnmatchedMentee(mentee.id(), onlyExcluded ? HardConstraint.EXCLUDED.code() : "no-eligible-mentor",
					"none of the " + mentors.size() + " mentors can be paired with her: " + breakdown(blockedBy),
					blockedBy, 0);
		}
		if (eligibleWithRoom == 0) {
			return new UnmatchedMentee(mentee.id(), "mentors-full",
					plural(eligible, "mentor") + " could be paired with her, but none has a free place", blockedBy,
					eligible);
		}
		return new UnmatchedMentee(mentee.id(), "capacity-exhausted",
				"the free places of the " + plural(eligibleWithRoom, "mentor")
						+ " she could be paired with go to other mentees: no assignment matches more mentees",
				blockedBy, eligible);
	}

	private static String breakdown(Map<String, Integer> blockedBy) {
		List<String> parts = new ArrayList<>();
		for (HardConstraint constraint : HardConstraint.values()) {
			Integer count = blockedBy.get(constraint.code());
			if (count != null) {
				parts.add(count + " " + constraint.phrase() + " (" + constraint.code() + ")");
			}
		}
		return String.join(", ", parts);
	}

	private static String plural(int count, String noun) {
		return count + " " + noun + (count == 1 ? "" : "s");
	}

	private static Map<String, Integer> index(List<Candidate> candidates) {
		Map<String, Integer> index = new HashMap<>();
		for (int k = 0; k < candidates.size(); k++) {
			index.put(candidates.get(k).id(), k);
		}
		return index;
	}

	private static ZoneId zone(String timeZone) {
		try {
			return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
		}
		catch (RuntimeException unknown) {
			return ZoneId.of("UTC");
		}
	}

}
