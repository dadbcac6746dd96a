package com.kreativnomentorstvo.matching.scoring;

/**
 * One criterion's share of a pair's score, in hundredths of a point.
 *
 * @param points what the criterion added
 * @param maxPoints the most it could have added under the policy's weights
 * @param explanation why, in a sentence without personal data
 */
public record CriterionPoints(Criterion criterion, int points, int maxPoints, String explanation) {
}
