package com.kreativnomentorstvo.events.participants;

import java.util.Map;

/**
 * How a programme wants its pairs formed.
 *
 * @param weights soft-criterion weights by criterion name (e.g. {@code goals}, {@code timezone})
 * @param sameOrganisationAllowed whether a mentor and mentee of one organisation may be paired
 * @param crossBorder {@code PREFER}, {@code NEUTRAL} or {@code AVOID} pairs from different countries
 * @param defaultMentorCapacity capacity of a mentor who did not state one
 * @param responseDays days a published proposal stays open before it expires
 * @param fairnessFirst maximise the worst pair's score before the total
 */
public record MatchingPolicy(Map<String, Integer> weights, boolean sameOrganisationAllowed, String crossBorder,
		int defaultMentorCapacity, int responseDays, boolean fairnessFirst) {
}
