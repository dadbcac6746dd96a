package com.kreativnomentorstvo.matching.match;

import org.springframework.stereotype.Service;

/**
 * A programme closed: every running mentorship of it is complete ({@code mentorship.ended}, reason
 * COMPLETED) and gives its places back, except those a coordinator extended, which end on their own
 * day ({@link EndingExtendedMentorships}). Safe to repeat: only running mentorships end.
 */
@Service
public class ClosingWithProgramme {

	private final Matches matches;

	private final MatchChanges changes;

	ClosingWithProgramme(Matches matches, MatchChanges changes) {
		this.matches = matches;
		this.changes = changes;
	}

	/** @return how many mentorships ended now */
	public int programmeClosed(String programmeId) {
		int ended = 0;
		for (Match match : matches.findByProgrammeIdAndStatus(programmeId, MatchStatus.ACTIVE)) {
			Match after = changes.apply(match.getId(), latest -> {
				latest.programmeClosed(changes.now());
				return latest;
			});
			if (after.getStatus() == MatchStatus.ENDED && after.getExtendedUntil() == null) {
				ended++;
			}
		}
		return ended;
	}

}
