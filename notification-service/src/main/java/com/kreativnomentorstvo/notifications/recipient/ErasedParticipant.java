package com.kreativnomentorstvo.notifications.recipient;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The opaque id of an erased participant and nothing else, so that events replayed from the
 * topics' history (they outlive an erasure) never bring the person's records back.
 */
@Document("erased_participants")
record ErasedParticipant(@Id String id, Instant erasedAt) {
}
