package com.kreativnomentorstvo.matching.match;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * A participant withdrew or was erased: her open proposals and requests are cancelled and her
 * mentorships end, giving back the places they held. Safe to repeat for a redelivered event.
 */
@Service
public class ClosingOnDeparture {

	private final Matches matches;

	private final MatchChanges changes;

	ClosingOnDeparture(Matches matches, MatchChanges changes) {
		this.matches = matches;
		this.changes = changes;
	}

	/** @param erased erased rather than withdrawn, as her mentorships' end reason tells */
	public void participantLeft(String participantId, boolean erased) {
		EnumSet<MatchStatus> current = EnumSet.of(MatchStatus.PROPOSED, MatchStatus.ACTIVE);
		List<Match> affected = new ArrayList<>(matches.findByMentorIdAndStatusIn(participantId, current));
		affected.addAll(matches.findByMenteeIdAndStatusIn(participantId, current));
		for (Match match : affected) {
			changes.apply(match.getId(), latest -> {
				latest.participantLeft(participantId, erased, changes.now());
				return latest;
			});
		}
	}

}
