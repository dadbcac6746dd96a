package com.kreativnomentorstvo.matching.match;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.config.MatchingProperties;

/**
 * Proposals nobody completed before their deadline expire and give their places back. The work is
 * found in the store, so it survives restarts, and several instances may do it at once: the write is
 * conditional on the version read, so only one of them expires each proposal.
 */
@Service
public class ExpiringProposals {

	private static final Logger log = LoggerFactory.getLogger(ExpiringProposals.class);

	private final Matches matches;

	private final PlaceKeeping placeKeeping;

	private final MatchChanges changes;

	private final MatchingProperties properties;

	ExpiringProposals(Matches matches, PlaceKeeping placeKeeping, MatchChanges changes,
			MatchingProperties properties) {
		this.matches = matches;
		this.placeKeeping = placeKeeping;
		this.changes = changes;
		this.properties = properties;
	}

	/**
	 * Expires up to a batch of the proposals whose deadline passed.
	 * @return how many expired
	 */
	public int expireDue() {
		Instant now = changes.now();
		int expired = 0;
		for (Match match : matches.findByStatusAndRespondByBefore(MatchStatus.PROPOSED, now,
				PageRequest.of(0, properties.housekeeping().batch()))) {
			if (!match.expire(now)) {
				continue;
			}
			try {
				matches.save(match);
				placeKeeping.giveBackUnneeded(match);
				expired++;
			}
			catch (OptimisticLockingFailureException answeredOrExpiredElsewhere) {
				log.debug("Match {} changed while expiring; left as it is", match.getId());
			}
		}
		return expired;
	}

}
