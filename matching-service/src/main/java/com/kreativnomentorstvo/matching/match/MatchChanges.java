package com.kreativnomentorstvo.matching.match;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.retry.Conflicts;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Stores matches, new or changed, and keeps their places in step: a new match that cannot be stored
 * gives its places back; a changed one gives back what its new state does not need. Changes are
 * applied to the latest stored state, again when someone else changed it first.
 */
@Component
class MatchChanges {

	private final Matches matches;

	private final PlaceKeeping placeKeeping;

	private final Clock clock;

	MatchChanges(Matches matches, PlaceKeeping placeKeeping, Clock clock) {
		this.matches = matches;
		this.placeKeeping = placeKeeping;
		this.clock = clock;
	}

	/** Now, to the millisecond the store keeps, so that what is returned equals what is read back. */
	Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Stores a new match whose places are held. Storing one with the same id again (a run published
	 * twice) returns the stored one; a failure gives the places back.
	 */
	Match store(Match match) {
		try {
			return matches.save(match);
		}
		catch (DuplicateKeyException published) {
			return matches.findById(match.getId()).orElseThrow();
		}
		catch (RuntimeException failed) {
			placeKeeping.giveBackAll(match);
			throw failed;
		}
	}

	/**
	 * Applies the change to the latest state of the match and stores it, again if someone else
	 * changed the match first. A change that records nothing (a repeated answer) is not stored.
	 * @throws ResourceNotFoundException if there is no such match
	 */
	Match apply(String matchId, UnaryOperator<Match> change) {
		return Conflicts.retry(() -> applyOnce(matchId, change));
	}

	private Match applyOnce(String matchId, UnaryOperator<Match> change) {
		Match latest = matches.findById(matchId).orElseThrow(() -> new ResourceNotFoundException("match", matchId));
		try {
			Match changed = change.apply(latest);
			if (changed.recordedEvents().isEmpty()) {
				return changed; // nothing changed: a repeated answer
			}
			Match saved = matches.save(changed);
			placeKeeping.giveBackUnneeded(saved);
			return saved;
		}
		catch (OptimisticLockingFailureException concurrent) {
			throw concurrent;
		}
		catch (RuntimeException refused) {
			// a refused change leaves the stored match as it was; a closed match holds no place
			matches.findById(matchId).ifPresent(placeKeeping::giveBackUnneeded);
			throw refused;
		}
	}

}
