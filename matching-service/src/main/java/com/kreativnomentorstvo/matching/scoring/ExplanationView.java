package com.kreativnomentorstvo.matching.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * An explanation as the API shows it: points as decimals (two places) that add up exactly to the
 * score.
 */
public record ExplanationView(BigDecimal score, List<Line> contributions, List<String> constraintsMet) {

	/**
	 * One criterion's line.
	 * @param explanation why, in English
	 * @param because the same as codes and values, to be worded in the reader's language
	 */
	public record Line(String criterion, BigDecimal points, BigDecimal maxPoints, String explanation,
			List<Reason> because) {
	}

	public static ExplanationView of(Explanation explanation) {
		return of(explanation.score(), explanation.contributions(), explanation.constraintsMet());
	}

	public static ExplanationView of(int score, List<CriterionPoints> contributions, List<String> constraintsMet) {
		return new ExplanationView(points(score),
				contributions.stream()
					.map(c -> new Line(c.criterion().code(), points(c.points()), points(c.maxPoints()), c.explanation(),
							c.because()))
					.toList(),
				constraintsMet);
	}

	/** Hundredths of a point as a decimal with two places. */
	public static BigDecimal points(long hundredths) {
		return BigDecimal.valueOf(hundredths, 2);
	}

}
