package com.kreativnomentorstvo.matching.match;

/**
 * How publishing one pair of a run went: the match it became, or why it was skipped.
 *
 * @param matchId the proposal's id; {@code null} if skipped
 * @param skipped {@code mentee-left}, {@code mentor-left}, {@code mentee-unavailable} or
 *     {@code mentor-full}; {@code null} if proposed
 */
public record Publication(String menteeId, String mentorId, String matchId, String skipped) {
}
