package com.kreativnomentorstvo.events.matching;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * One side declined a proposed match, which returns the mentee to the pool.
 *
 * @param reason a code, not free text: {@code NO_TIME}, {@code NOT_A_FIT}, {@code CONFLICT_OF_INTEREST}
 *     or {@code OTHER}
 */
public record MatchDeclined(String matchId, String programmeId, String organisationId, String mentorId,
		String menteeId, String declinedBy, String reason, Instant declinedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return matchId;
	}

}
