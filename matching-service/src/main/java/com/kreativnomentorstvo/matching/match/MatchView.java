package com.kreativnomentorstvo.matching.match;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kreativnomentorstvo.matching.scoring.ExplanationView;

/**
 * A match as the API shows it.
 *
 * @param extendedUntil the day a coordinator extended the mentorship to past the programme's close
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchView(String id, String programmeId, String origin, String runId, String mentorId, String menteeId,
		String status, BigDecimal score, List<ExplanationView.Line> contributions, List<String> constraintsMet,
		Instant proposedAt, Instant respondBy, Instant mentorAcceptedAt, Instant menteeAcceptedAt, String declinedBy,
		String declineReason, Instant closedAt, String mentorshipId, Instant startedAt, String endReason,
		LocalDate extendedUntil, Long version) {

	public static MatchView of(Match match) {
		ExplanationView explanation = ExplanationView.of(match.getScore(), match.getContributions(),
				match.getConstraintsMet());
		return new MatchView(match.getId(), match.getProgrammeId(), match.getOrigin().name(), match.getRunId(),
				match.getMentorId(), match.getMenteeId(), match.getStatus().name(), explanation.score(),
				explanation.contributions(), explanation.constraintsMet(), match.getProposedAt(), match.getRespondBy(),
				match.getMentorAcceptedAt(), match.getMenteeAcceptedAt(), match.getDeclinedBy(),
				match.getDeclineReason() == null ? null : match.getDeclineReason().name(), match.getClosedAt(),
				match.getMentorshipId(), match.getStartedAt(),
				match.getEndReason() == null ? null : match.getEndReason().name(), match.getExtendedUntil(),
				match.getVersion());
	}

}
