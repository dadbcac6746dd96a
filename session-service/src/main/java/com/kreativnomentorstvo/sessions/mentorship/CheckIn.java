package com.kreativnomentorstvo.sessions.mentorship;

import java.time.Instant;

/**
 * One look at how far a goal has come.
 *
 * @param progress 0–100 per cent
 * @param note what was done or is in the way; {@code null} once its author was erased
 */
public record CheckIn(String id, String authorId, Instant at, int progress, String note) {

	CheckIn withoutNote() {
		return new CheckIn(id, authorId, at, progress, null);
	}

}
