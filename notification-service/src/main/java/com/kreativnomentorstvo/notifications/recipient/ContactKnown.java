package com.kreativnomentorstvo.notifications.recipient;

/** Internal event: a participant's contact details arrived or changed, so waiting e-mails can go. */
public record ContactKnown(String participantId) {
}
