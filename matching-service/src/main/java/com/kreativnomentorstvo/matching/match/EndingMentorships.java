package com.kreativnomentorstvo.matching.match;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.platform.security.Caller;

/** One of the programme's runners ends a running mentorship; both places are given back. */
@Service
class EndingMentorships {

	private final VisibleMatches visible;

	private final ProgrammeAccess access;

	private final MatchChanges changes;

	EndingMentorships(VisibleMatches visible, ProgrammeAccess access, MatchChanges changes) {
		this.visible = visible;
		this.access = access;
		this.changes = changes;
	}

	Match end(Caller caller, String matchId, EndReason reason) {
		Match match = visible.find(caller, matchId);
		if (!access.runs(caller, match.getProgrammeId())) {
			throw new AccessDeniedException("only the programme's organiser can end a mentorship");
		}
		access.find(match.getProgrammeId()).ifPresent(access::requireChangeable);
		return changes.apply(matchId, current -> {
			current.end(reason, changes.now());
			return current;
		});
	}

}
