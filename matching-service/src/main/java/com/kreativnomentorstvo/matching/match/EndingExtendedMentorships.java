package com.kreativnomentorstvo.matching.match;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.matching.config.MatchingProperties;
import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.platform.programmes.Programme;

/**
 * A mentorship a coordinator extended past its programme's close ends on the day it was extended to
 * (in the programme's time zone), once the programme has closed; run by {@link Housekeeping}. The work
 * is found in the store and each end is a versioned write, so several instances may run it.
 */
@Service
public class EndingExtendedMentorships {

	private static final Logger log = LoggerFactory.getLogger(EndingExtendedMentorships.class);

	private final Matches matches;

	private final MatchChanges changes;

	private final ProgrammeAccess access;

	private final MatchingProperties properties;

	EndingExtendedMentorships(Matches matches, MatchChanges changes, ProgrammeAccess access,
			MatchingProperties properties) {
		this.matches = matches;
		this.changes = changes;
		this.access = access;
		this.properties = properties;
	}

	/** Ends the extended mentorships whose day has come now. */
	int endDue() {
		return endDue(changes.now());
	}

	/**
	 * Ends up to a batch of the extended mentorships whose day has come by the instant.
	 * @return how many ended
	 */
	public int endDue(Instant now) {
		LocalDate latestAnywhere = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
		int ended = 0;
		for (Match match : matches.findByStatusAndExtendedUntilLessThanEqual(MatchStatus.ACTIVE, latestAnywhere,
				PageRequest.of(0, properties.housekeeping().batch()))) {
			Programme programme = access.find(match.getProgrammeId()).orElse(null);
			if (programme == null || !isClosed(access.statusOf(programme))) {
				continue; // it runs on with its programme, which ends it when it closes
			}
			LocalDate today = LocalDate.ofInstant(now, programme.zone().orElse(ZoneOffset.UTC));
			try {
				Match after = changes.apply(match.getId(), latest -> {
					latest.extensionRanOut(today, now);
					return latest;
				});
				if (after.getStatus() == MatchStatus.ENDED) {
					ended++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not end extended mentorship {}; trying again next round: {}", match.getId(),
						ex.getMessage());
			}
		}
		return ended;
	}

	private static boolean isClosed(ProgrammeStatus status) {
		return status == ProgrammeStatus.CLOSED || status == ProgrammeStatus.ARCHIVED;
	}

}
