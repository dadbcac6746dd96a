package com.kreativnomentorstvo.matching.scoring;

import java.util.List;

/**
 * {@link Criterion#COUNTRY}: the programme's stance on borders. Preferring cross-border pairs gives
 * the full points to people from different countries, avoiding them gives them to people from one
 * country; a neutral stance gives nothing either way.
 */
final class CrossBorderStance implements ScoringRule<CrossBorderStance.Countries> {

	private final CrossBorder stance;

	CrossBorderStance(CrossBorder stance) {
		this.stance = stance;
	}

	/** Their countries, as normalised codes; {@code null} where one stated none. */
	record Countries(String mentee, String mentor) {

		boolean known() {
			return mentee != null && mentor != null;
		}

	}

	@Override
	public Criterion criterion() {
		return Criterion.COUNTRY;
	}

	@Override
	public Countries measure(Candidate mentee, Candidate mentor) {
		return new Countries(mentee.country(), mentor.country());
	}

	/** The default body again, in this class, so that a run's scoring inlines it (see {@link ScoringRule#pointsOf}). */
	@Override
	public int pointsOf(Candidate mentee, Candidate mentor, int maxPoints) {
		return points(measure(mentee, mentor), maxPoints);
	}

	@Override
	public int points(Countries countries, int maxPoints) {
		if (!countries.known()) {
			return 0;
		}
		boolean same = countries.mentee().equals(countries.mentor());
		return switch (stance) {
			case PREFER -> same ? 0 : maxPoints;
			case AVOID -> same ? maxPoints : 0;
			case NEUTRAL -> 0;
		};
	}

	@Override
	public List<Reason> because(Countries countries) {
		Reason stanceReason = switch (stance) {
			case PREFER -> Reason.of("stance-prefer");
			case AVOID -> Reason.of("stance-avoid");
			case NEUTRAL -> Reason.of("stance-neutral");
		};
		if (!countries.known()) {
			return List.of(Reason.of(countries.mentee() == null ? "country-silent-mentee" : "country-silent-mentor"),
					stanceReason);
		}
		return List.of(countries.mentee().equals(countries.mentor()) ? Reason.of("country-same", countries.mentee())
				: Reason.of("country-different", countries.mentee(), countries.mentor()), stanceReason);
	}

	@Override
	public String reason(Countries countries) {
		String stanceText = switch (stance) {
			case PREFER -> "the programme prefers cross-border pairs";
			case AVOID -> "the programme prefers pairs from one country";
			case NEUTRAL -> "the programme has no preference about borders";
		};
		if (!countries.known()) {
			return (countries.mentee() == null ? "the mentee" : "the mentor") + " stated no country; " + stanceText;
		}
		return (countries.mentee().equals(countries.mentor()) ? "both in " + countries.mentee()
				: "from " + countries.mentee() + " and " + countries.mentor()) + "; " + stanceText;
	}

}
