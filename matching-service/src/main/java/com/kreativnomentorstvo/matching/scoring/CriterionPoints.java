package com.kreativnomentorstvo.matching.scoring;

import java.util.List;

/**
 * One criterion's share of a pair's score, in hundredths of a point.
 *
 * @param points what the criterion added
 * @param maxPoints the most it could have added under the policy's weights
 * @param explanation why, in a sentence without personal data
 * @param because the same as codes and values, for a reader to word in her language (none in a
 *     line stored before they were kept)
 */
public record CriterionPoints(Criterion criterion, int points, int maxPoints, String explanation,
		List<Reason> because) {

	public CriterionPoints {
		because = because == null ? List.of() : List.copyOf(because);
	}

}
