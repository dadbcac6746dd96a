package com.kreativnomentorstvo.matching.match;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.retry.Conflicts;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * One of the programme's runners extends a running mentorship past the programme's close: it does
 * not end when the programme closes but on the day given.
 */
@Service
class ExtendingMentorships {

	/** The furthest past the programme's end a mentorship may be extended. */
	static final int LONGEST_EXTENSION_DAYS = 365;

	private final VisibleMatches visible;

	private final ProgrammeAccess access;

	private final Matches matches;

	private final MatchChanges changes;

	ExtendingMentorships(VisibleMatches visible, ProgrammeAccess access, Matches matches, MatchChanges changes) {
		this.visible = visible;
		this.access = access;
		this.matches = matches;
		this.changes = changes;
	}

	/**
	 * @param until the day it ends, in the programme's time zone: after the programme's end and
	 *     today, within {@value #LONGEST_EXTENSION_DAYS} days of the programme's end
	 */
	Match extend(Caller caller, String matchId, LocalDate until) {
		Match match = visible.find(caller, matchId);
		if (!access.runs(caller, match.getProgrammeId())) {
			throw new AccessDeniedException("only the programme's organiser can extend a mentorship");
		}
		Programme programme = access.find(match.getProgrammeId())
			.orElseThrow(() -> new ResourceNotFoundException("programme", match.getProgrammeId()));
		access.requireChangeable(programme);
		ZoneId zone = programme.zone().orElse(ZoneOffset.UTC);
		if (!until.isAfter(programme.endsOn())) {
			throw new InvalidFieldsException("until", ProblemText.of("match.extension-after-end", programme.endsOn()));
		}
		if (until.isAfter(programme.endsOn().plusDays(LONGEST_EXTENSION_DAYS))) {
			throw new InvalidFieldsException("until", ProblemText.of("match.extension-too-late", LONGEST_EXTENSION_DAYS));
		}
		if (!until.isAfter(LocalDate.ofInstant(changes.now(), zone))) {
			throw new InvalidFieldsException("until", ProblemText.of("match.extension-past"));
		}
		return Conflicts.retry(() -> {
			Match latest = matches.findById(matchId).orElseThrow(() -> new ResourceNotFoundException("match", matchId));
			latest.extendUntil(until);
			return matches.save(latest);
		});
	}

}
