package com.kreativnomentorstvo.participants.participant;

import java.time.Instant;

/**
 * A coordinator's decision on an application. The reason stays in this service: it is free text
 * about a person and never travels in events.
 *
 * @param decision {@code ACCEPTED} or {@code REJECTED}
 * @param reason why she was rejected, or a note on accepting her
 * @param decidedBy the account of the coordinator or administrator who decided
 */
public record Review(String decision, String reason, Instant decidedAt, String decidedBy) {
}
