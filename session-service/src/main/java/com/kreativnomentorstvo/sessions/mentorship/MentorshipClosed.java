package com.kreativnomentorstvo.sessions.mentorship;

import java.time.Instant;

/**
 * Inside this service only: a mentorship is over, so what was planned after its end is called
 * off. Published again when an end is redelivered, so the follow-up is completed after a failure.
 */
public record MentorshipClosed(String mentorshipId, Instant endedAt) {
}
