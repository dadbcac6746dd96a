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
		if (!organisations.isRegistered(organiserId)) {
			problems.add(new FieldProblem("organiserId", "is not a registered organisation"));
		}
		for (int i = 0; i < draft.partnerIds().size(); i++) {
			String partner = draft.partnerIds().get(i);
			if (partner.equals(organiserId)) {
				problems.add(new FieldProblem("partnerIds[" + i + "]", "is the organiser"));
			}
			else if (!organisations.isRegistered(partner)) {
				problems.add(new FieldProblem("partnerIds[" + i + "]", "is not a registered organisation"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}

	private static void dates(ProgrammeDraft draft, List<FieldProblem> problems) {
		if (!draft.endsOn().isAfter(draft.startsOn())) {
			problems.add(new FieldProblem("endsOn", "must be after startsOn (" + draft.startsOn() + ")"));
		}
		else if (draft.endsOn().isAfter(draft.startsOn().plusYears(LONGEST_PROGRAMME_YEARS))) {
			problems.add(new FieldProblem("endsOn", "a programme lasts at most " + LONGEST_PROGRAMME_YEARS + " years"));
		}
		if (draft.enrolmentClosesOn().isBefore(draft.enrolmentOpensOn())) {
			problems.add(new FieldProblem("enrolmentClosesOn",
					"must not be before enrolmentOpensOn (" + draft.enrolmentOpensOn() + ")"));
		}
		if (draft.enrolmentClosesOn().isAfter(draft.endsOn())) {
			problems.add(new FieldProblem("enrolmentClosesOn", "must not be after endsOn (" + draft.endsOn() + ")"));
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
				problems.add(new FieldProblem(field + ".date",
						"must be within the programme (" + draft.startsOn() + " to " + draft.endsOn() + ")"));
			}
			if (milestone.kind().equals("KICK_OFF") || milestone.kind().equals("FINAL")) {
				boolean twice = milestones.subList(0, i).stream().anyMatch(m -> m.kind().equals(milestone.kind()));
				if (twice) {
					problems.add(new FieldProblem(field + ".kind", "a programme has one " + milestone.kind()));
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
				problems.add(new FieldProblem("milestones[" + i + "].date", "must not be before the KICK_OFF (" + kickOff + ")"));
			}
			if (end != null && milestone.date().isAfter(end)) {
				problems.add(new FieldProblem("milestones[" + i + "].date", "must not be after the FINAL (" + end + ")"));
			}
		}
	}

	private static void policy(MatchingPolicy policy, List<FieldProblem> problems) {
		int total = 0;
		for (Map.Entry<String, Integer> weight : policy.weights().entrySet()) {
			String field = "matchingPolicy.weights." + weight.getKey();
			if (MatchingCriterion.ofCode(weight.getKey()).isEmpty()) {
				// a name fit to be part of a field's path is named there; anything else on the map itself
				problems.add(new FieldProblem(CRITERION.matcher(weight.getKey()).matches() ? field : "matchingPolicy.weights",
						"is not a matching criterion; the criteria are " + String.join(", ", MatchingCriterion.codes())));
			}
			else if (weight.getValue() == null || weight.getValue() < 0 || weight.getValue() > 100) {
				problems.add(new FieldProblem(field, "must be a whole number from 0 to 100"));
			}
			else {
				total += weight.getValue();
			}
		}
		if (!policy.weights().isEmpty() && total == 0) {
			problems.add(new FieldProblem("matchingPolicy.weights", "must give at least one criterion a weight"));
		}
	}

}
