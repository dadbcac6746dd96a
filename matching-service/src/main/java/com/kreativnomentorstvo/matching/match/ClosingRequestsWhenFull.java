package com.kreativnomentorstvo.matching.match;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.matching.projection.Participant;
import com.kreativnomentorstvo.matching.projection.Participants;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.web.ConflictException;

/**
 * Once a mentor is full, the mentees' requests still waiting for one of her places cannot succeed:
 * they are declined for her, so that those mentees return to the pool at once.
 */
@Component
class ClosingRequestsWhenFull {

	private static final Logger log = LoggerFactory.getLogger(ClosingRequestsWhenFull.class);

	private final Matches matches;

	private final Participants participants;

	private final PlaceKeeping placeKeeping;

	private final MatchChanges changes;

	ClosingRequestsWhenFull(Matches matches, Participants participants, PlaceKeeping placeKeeping,
			MatchChanges changes) {
		this.matches = matches;
		this.participants = participants;
		this.placeKeeping = placeKeeping;
		this.changes = changes;
	}

	void closeIfFull(String mentorId, Programme programme) {
		Participant mentor = participants.findById(mentorId).orElse(null);
		if (mentor == null || !placeKeeping.isFull(mentorId, mentor.capacity(programme))) {
			return;
		}
		for (Match waiting : matches.findByMentorIdAndStatusIn(mentorId, EnumSet.of(MatchStatus.PROPOSED))) {
			if (!waiting.waitsForMentorPlace()) {
				continue;
			}
			try {
				changes.apply(waiting.getId(), latest -> {
					latest.mentorFull(changes.now());
					return latest;
				});
			}
			catch (ConflictException alreadyClosed) {
				log.debug("Request {} closed meanwhile: {}", waiting.getId(), alreadyClosed.getMessage());
			}
		}
	}

}
