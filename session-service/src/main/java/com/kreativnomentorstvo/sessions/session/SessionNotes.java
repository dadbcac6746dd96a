package com.kreativnomentorstvo.sessions.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The notes the pair keeps on one session: each member has at most one shared and one private
 * note, hers to rewrite or remove (an empty text). A shared note is read by both members, a private
 * one by its author only. Immutable; a change is a new value.
 */
record SessionNotes(List<SessionNote> all) {

	SessionNotes {
		all = all == null ? List.of() : List.copyOf(all);
	}

	/**
	 * The author's shared and private note set to the texts given: {@code null} keeps a note as it
	 * is, an empty text removes it.
	 */
	SessionNotes writtenBy(String authorId, String sharedNote, String privateNote, Instant at) {
		List<SessionNote> notes = new ArrayList<>(all);
		write(notes, authorId, SessionNote.Visibility.SHARED, sharedNote, at);
		write(notes, authorId, SessionNote.Visibility.PRIVATE, privateNote, at);
		return new SessionNotes(notes);
	}

	private static void write(List<SessionNote> notes, String authorId, SessionNote.Visibility visibility, String text,
			Instant at) {
		if (text == null) {
			return;
		}
		notes.removeIf(n -> n.authorId().equals(authorId) && n.visibility() == visibility);
		if (!text.isBlank()) {
			notes.add(new SessionNote(authorId, visibility, text, at));
		}
	}

	/** Without any note the participant wrote, shared or private; the other member's stay. */
	SessionNotes withoutThoseOf(String participantId) {
		return new SessionNotes(all.stream().filter(n -> !participantId.equals(n.authorId())).toList());
	}

	/** The notes the participant may read: the shared ones and her own private ones. */
	List<SessionNote> readableBy(String participantId) {
		return all.stream().filter(n -> n.readableBy(participantId)).toList();
	}

	int size() {
		return all.size();
	}

}
