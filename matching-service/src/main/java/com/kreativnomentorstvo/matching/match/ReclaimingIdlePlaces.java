package com.kreativnomentorstvo.matching.match;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.config.MatchingProperties;

/**
 * Gives back places held for longer than the grace period by matches that do not need them: a crash
 * between taking a place and storing the match, or between closing it and giving the place back.
 */
@Service
class ReclaimingIdlePlaces {

	private final Places places;

	private final Matches matches;

	private final PlaceKeeping placeKeeping;

	private final MatchingProperties properties;

	private final Clock clock;

	ReclaimingIdlePlaces(Places places, Matches matches, PlaceKeeping placeKeeping, MatchingProperties properties,
			Clock clock) {
		this.places = places;
		this.matches = matches;
		this.placeKeeping = placeKeeping;
		this.properties = properties;
		this.clock = clock;
	}

	/** @return how many places were given back */
	int reclaim() {
		int released = 0;
		Instant before = clock.instant().minus(properties.housekeeping().orphanGrace());
		for (Places.Hold hold : places.heldSince(before, properties.housekeeping().batch())) {
			boolean needed = matches.findById(hold.matchId())
				.map(match -> match.needsPlaceOf(hold.participantId()))
				.orElse(false);
			if (!needed) {
				placeKeeping.giveBack(hold);
				released++;
			}
		}
		return released;
	}

}
