package com.kreativnomentorstvo.participants.participant;

import java.time.Instant;

import com.kreativnomentorstvo.events.participants.ParticipantStatus;

/**
 * One step of a participant's way through the programme.
 *
 * @param reason a code such as {@code PERSONAL} or {@code CONSENT_WITHDRAWN} for a withdrawal; never free text
 */
public record StatusChange(ParticipantStatus status, Instant at, String reason) {
}
