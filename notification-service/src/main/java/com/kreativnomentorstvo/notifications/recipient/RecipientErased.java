package com.kreativnomentorstvo.notifications.recipient;

/**
 * Internal event: a participant was erased, and every feature drops what it holds of her. Published
 * synchronously, so a failing listener fails the erasure and the event is retried.
 */
public record RecipientErased(String participantId) {
}
