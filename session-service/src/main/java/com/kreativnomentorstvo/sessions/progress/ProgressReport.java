package com.kreativnomentorstvo.sessions.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import com.kreativnomentorstvo.sessions.mentorship.Mentorship;

/**
 * How a programme's pairs are doing: per pair and in total, with the pairs that need a
 * coordinator's attention.
 *
 * @param asOf when the report was made
 * @param timeZone the programme's zone, in which its dates and times are shown
 * @param midtermDue the date midterm reviews are due (the MIDTERM milestone, else halfway)
 * @param settings the thresholds used for "at risk"
 */
public record ProgressReport(String programmeId, String programmeName, Instant asOf, String timeZone,
		LocalDate midtermDue, Thresholds settings, Totals totals, List<PairProgress> pairs,
		List<UnansweredMatch> unansweredMatches) {

	/** What makes a pair at risk. */
	public enum Risk {

		/** No session held for {@code quietDays} (counted from the start if none was held). */
		NO_RECENT_SESSION,

		/** The midterm review is due and not both members have written theirs. */
		MISSING_MIDTERM_REVIEW

	}

	public record Thresholds(int quietDays, int unansweredMatchDays) {
	}

	/** One pair's figures. */
	public record PairProgress(String mentorshipId, String mentorId, String mentorName, String menteeId,
			String menteeName, Mentorship.Status status, Instant startedAt, Instant endedAt, int sessionsHeld,
			int noShows, int sessionsCancelled, int sessionsUpcoming, double hoursHeld, OffsetDateTime lastContact,
			OffsetDateTime nextSession, Goals goals, Ratings feedback, Reviewed midtermReview, Reviewed finalReview,
			Set<Risk> risks) {

		public boolean atRisk() {
			return !risks.isEmpty();
		}

	}

	/** The pair's goals: how many, how many achieved, and their average progress in per cent. */
	public record Goals(int total, int achieved, Integer averageProgress) {
	}

	/** Feedback ratings on the pair's sessions (1–5). */
	public record Ratings(Double average, int count) {
	}

	/** Which members have written the review. */
	public record Reviewed(boolean mentor, boolean mentee) {

		public boolean complete() {
			return mentor && mentee;
		}

	}

	/** A proposal nobody (or only one side) has answered for too long. */
	public record UnansweredMatch(String matchId, String mentorId, String mentorName, String menteeId,
			String menteeName, Instant proposedAt, Instant respondBy, Set<String> acceptedBy, long daysWaiting) {
	}

	/**
	 * The programme's totals.
	 *
	 * @param surveysRequested surveys asked of the participants in the report's share
	 * @param surveysAnswered those of them answered
	 */
	public record Totals(int pairs, int activePairs, int endedPairs, int sessionsHeld, int sessionsUpcoming,
			int noShows, double hoursHeld, Double feedbackAverage, int feedbackCount, int midtermReviewsComplete,
			int pairsAtRisk, int unansweredMatches, int surveysRequested, int surveysAnswered) {
	}

}
