package com.kreativnomentorstvo.sessions.session;

import java.time.Instant;

/**
 * A note one member of the pair wrote about a session. {@link Visibility#SHARED} notes are read by
 * both members, {@link Visibility#PRIVATE} ones only by their author. Neither reaches coordinators
 * or events.
 */
public record SessionNote(String authorId, Visibility visibility, String text, Instant writtenAt) {

	/** Who reads a note. */
	public enum Visibility {

		SHARED, PRIVATE

	}

	/** Whether the participant may read the note. */
	public boolean readableBy(String participantId) {
		return participantId != null && (visibility == Visibility.SHARED || participantId.equals(authorId));
	}

}
