package com.kreativnomentorstvo.matching.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The matching service's settings, under {@code mentoring.matching.*}, beside the platform's
 * {@code mentoring.*}.
 *
 * @param housekeeping how often open proposals are expired and idle places given back
 * @param recommendations how many mentors a mentee sees at most per page
 */
@ConfigurationProperties("mentoring.matching")
public record MatchingProperties(@DefaultValue Housekeeping housekeeping,
		@DefaultValue Recommendations recommendations) {

	/**
	 * @param interval time between two rounds (expiry of proposals past their deadline, then idle places)
	 * @param orphanGrace how long a place may be held by a match that does not need it before it is
	 *     given back (longer than any request takes)
	 * @param batch the most matches expired per round
	 */
	public record Housekeeping(@DefaultValue("30s") Duration interval, @DefaultValue("2m") Duration orphanGrace,
			@DefaultValue("500") int batch) {
	}

	/** @param defaultSize page size when the request gives none */
	public record Recommendations(@DefaultValue("10") int defaultSize) {
	}

}
