package com.kreativnomentorstvo.participants.participant;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mentor and a mentee that matching-service put together, as its events tell: proposed, then
 * started, or declined or expired. It holds ids only, so that each of the two may
 * see the other's profile card (and, once their mentorship started, her address).
 *
 * @param id the match id
 * @param rank how far the pair got ({@link Stage#ordinal()}), so that a later stage is never undone
 *     by an earlier event arriving late
 */
@Document("pairs")
record Pair(@Id String id, String programmeId, @Indexed String mentorId, @Indexed String menteeId, Stage stage,
		int rank, Instant changedAt) {

	/** Where a pair stands; a stage only ever moves forward. */
	enum Stage {

		/** Proposed to both (by a run, a coordinator or the mentee's request): each sees the other's card. */
		PROPOSED,

		/** One of them declined, or nobody answered in time: they no longer see each other. */
		CLOSED,

		/** Both accepted: their mentorship runs (or ran), and each sees the other's card and address. */
		STARTED;

		/** Whether the two see each other's cards at this stage. */
		boolean acquainted() {
			return this != CLOSED;
		}

		/** Whether the two see each other's addresses at this stage. */
		boolean partners() {
			return this == STARTED;
		}

	}

}
