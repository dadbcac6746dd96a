package com.kreativnomentorstvo.matching.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hard constraints of a policy: whether a pair may be formed at all, and, for a pair that may,
 * the constraints it meets, for its explanation. Coordinators' exclusions are the caller's.
 */
final class Eligibility {

	private final boolean sameOrganisationAllowed;

	Eligibility(boolean sameOrganisationAllowed) {
		this.sameOrganisationAllowed = sameOrganisationAllowed;
	}

	/**
	 * The first hard constraint the pair breaks, in the order of {@link HardConstraint}, or
	 * {@code null} if the pair may be formed.
	 */
	HardConstraint blockedBy(Candidate mentee, Candidate mentor) {
		if (!mentee.speaksAnyOf(mentor)) {
			return HardConstraint.LANGUAGE;
		}
		if (!(mentee.meetsOnline() && mentor.meetsOnline())) {
			if (!(mentee.meetsInPerson() && mentor.meetsInPerson())) {
				return HardConstraint.FORMAT;
			}
			if (!closeEnough(mentee, mentor)) {
				return HardConstraint.LOCATION;
			}
		}
		if (!sameOrganisationAllowed && mentee.organisation() != null
				&& mentee.organisation().equals(mentor.organisation())) {
			return HardConstraint.ORGANISATION;
		}
		return null;
	}

	/** The constraints a pair that may be formed meets, in words. */
	List<String> constraintsMet(Candidate mentee, Candidate mentor) {
		List<String> met = new ArrayList<>();
		Set<String> mentorSpeaks = new HashSet<>();
		mentor.profile().languages().forEach(code -> mentorSpeaks.add(Vocabulary.spoken(code)));
		Set<String> shared = new TreeSet<>();
		mentee.profile().languages()
			.stream()
			.filter(code -> mentorSpeaks.contains(Vocabulary.spoken(code)))
			.forEach(shared::add);
		met.add("shared working language: " + String.join(", ", shared));
		met.add(mentee.meetsOnline() && mentor.meetsOnline() ? "both can meet online"
				: "both meet in person, "
						+ (mentee.city() != null && mentor.city() != null ? "in one city" : "in one country"));
		if (!sameOrganisationAllowed) {
			met.add("from different organisations");
		}
		return met;
	}

	/** In person needs one country, and one city when both stated theirs. */
	private static boolean closeEnough(Candidate a, Candidate b) {
		if (a.country() == null || b.country() == null || !a.country().equals(b.country())) {
			return false;
		}
		return a.city() == null || b.city() == null || a.city().equals(b.city());
	}

}
