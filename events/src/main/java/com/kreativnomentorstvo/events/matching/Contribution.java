package com.kreativnomentorstvo.events.matching;

/**
 * One criterion's share of a pair's score.
 *
 * @param criterion the criterion's name, e.g. {@code goals}, {@code language}, {@code timezone}
 * @param points the points it added to the 0–100 score
 * @param explanation why, in a sentence without personal data
 */
public record Contribution(String criterion, double points, String explanation) {
}
