package com.kreativnomentorstvo.events.matching;

import java.time.Instant;
import java.util.List;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A proposal was published to a mentor and a mentee, who each accept or decline before
 * {@code respondBy}.
 *
 * @param runId the matching run that proposed it; absent for a manual or self-requested match
 * @param origin {@code RUN}, {@code MANUAL} or {@code SELF_MATCH}
 */
public record MatchProposed(String matchId, String programmeId, String organisationId, String runId, String origin,
		String mentorId, String menteeId, double score, List<Contribution> contributions, Instant respondBy,
		Instant proposedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return matchId;
	}

}
