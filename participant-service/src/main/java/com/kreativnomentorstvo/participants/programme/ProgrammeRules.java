package com.kreativnomentorstvo.participants.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.kreativnomentorstvo.events.participants.MatchingCriterion;
import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.participants.organisation.OrganisationDirectory;
import com.kreativnomentorstvo.participants.validation.MessageLocale;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;

/** The rules a programme keeps whatever changes it: dates in order, milestones within them, known partners. */
class ProgrammeRules {

	private static final Pattern CRITERION = Pattern.compile("[a-z][A-Za-z0-9-]{0,39}");

	private static final int LONGEST_PROGRAMME_YEARS = 5;

	private final OrganisationDirectory organisations;

	ProgrammeRules(OrganisationDirectory organisations) {
		this.organisations = organisations;
	}

	/**
	 * @throws InvalidFieldsException naming every field that breaks a rule
	 */
	void check(String organiserId, ProgrammeDraft draft) {
		List<FieldProblem> problems = new ArrayList<>();
		dates(draft, problems);
		milestones(draft, problems);
		policy(draft.matchingPolicy(), problems);
		draft.names()
			.keySet()
			.stream()
			.filter(language -> !MessageLocale.SUPPORTED.contains(language))
			.sorted()
			.forEach(language -> problems.add(FieldProblem.of("names." + language, "validation.locale")));
		if (!organisations.isRegistered(organiserId)) {
			problems.add(FieldProblem.of("organiserId", "participant.not-registered-organisation"));
		}
		for (int i = 0; i < draft.partnerIds().size(); i++) {
			String partner = draft.partnerIds().get(i);
			if (partner.equals(organiserId)) {
				problems.add(FieldProblem.of("partnerIds[" + i + "]", "programme.organiser"));
			}
			else if (!organisations.isRegistered(partner)) {
				problems.add(FieldProblem.of("partnerIds[" + i + "]", "participant.not-registered-organisation"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}

	private static void dates(ProgrammeDraft draft, List<FieldProblem> problems) {
		if (!draft.endsOn().isAfter(draft.startsOn())) {
			problems.add(FieldProblem.of("endsOn", "programme.after-startson", draft.startsOn()));
		}
		else if (draft.endsOn().isAfter(draft.startsOn().plusYears(LONGEST_PROGRAMME_YEARS))) {
			problems.add(FieldProblem.of("endsOn", "programme.programme-lasts-most-years", LONGEST_PROGRAMME_YEARS));
		}
		if (draft.enrolmentClosesOn().isBefore(draft.enrolmentOpensOn())) {
			problems.add(FieldProblem.of("enrolmentClosesOn", "programme.not-before-enrolmentopenson", draft.enrolmentOpensOn()));
		}
		if (draft.enrolmentClosesOn().isAfter(draft.endsOn())) {
			problems.add(FieldProblem.of("enrolmentClosesOn", "programme.not-after-endson", draft.endsOn()));
		}
	}

	private static void milestones(ProgrammeDraft draft, List<FieldProblem> problems) {
		List<Milestone> milestones = draft.milestones();
		LocalDate kickOff = null;
		LocalDate end = null;
		for (int i = 0; i < milestones.size(); i++) {
			Milestone milestone = milestones.get(i);
			String field = "milestones[" + i + "]";
			if (milestone.date().isBefore(draft.startsOn()) || milestone.date().isAfter(draft.endsOn())) {
				problems.add(FieldProblem.of(field + ".date", "programme.within-programme", draft.startsOn(), draft.endsOn()));
			}
			if (milestone.kind().equals("KICK_OFF") || milestone.kind().equals("FINAL")) {
				boolean twice = milestones.subList(0, i).stream().anyMatch(m -> m.kind().equals(milestone.kind()));
				if (twice) {
					problems.add(FieldProblem.of(field + ".kind", "programme.milestone-twice", milestone.kind()));
				}
				if (milestone.kind().equals("KICK_OFF")) {
					kickOff = milestone.date();
				}
				else {
					end = milestone.date();
				}
			}
		}
		for (int i = 0; i < milestones.size(); i++) {
			Milestone milestone = milestones.get(i);
			if (kickOff != null && milestone.date().isBefore(kickOff)) {
				problems.add(FieldProblem.of("milestones[" + i + "].date", "programme.not-before-kick-off", kickOff));
			}
			if (end != null && milestone.date().isAfter(end)) {
				problems.add(FieldProblem.of("milestones[" + i + "].date", "programme.not-after-final", end));
			}
		}
	}

	private static void policy(MatchingPolicy policy, List<FieldProblem> problems) {
		int total = 0;
		for (Map.Entry<String, Integer> weight : policy.weights().entrySet()) {
			String field = "matchingPolicy.weights." + weight.getKey();
			if (MatchingCriterion.ofCode(weight.getKey()).isEmpty()) {
				// a name fit to be part of a field's path is named there; anything else on the map itself
				problems.add(FieldProblem.of(CRITERION.matcher(weight.getKey()).matches() ? field : "matchingPolicy.weights", "programme.not-matching-criterion-criteria", String.join(", ", MatchingCriterion.codes())));
			}
			else if (weight.getValue() == null || weight.getValue() < 0 || weight.getValue() > 100) {
				problems.add(FieldProblem.of(field, "programme.weight-range"));
			}
			else {
				total += weight.getValue();
			}
		}
		if (!policy.weights().isEmpty() && total == 0) {
			problems.add(FieldProblem.of("matchingPolicy.weights", "programme.give-least-criterion-weight"));
		}
	}

}
