package com.kreativnomentorstvo.sessions.programmeevent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.kreativnomentorstvo.platform.web.LimitReached;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * The invitees' answers to one group event: at most one per participant, which she may change. A
 * first answer is refused (409 {@code limit-reached}) once the most participants have answered; a
 * changed one never is. Immutable; a change is a new value.
 */
record Answers(List<Rsvp> all) {

	Answers {
		all = all == null ? List.of() : List.copyOf(all);
	}

	/** With her answer, in place of any she gave before. */
	Answers with(Rsvp answer, int maxAnswers) {
		if (of(answer.participantId()).isEmpty() && all.size() >= maxAnswers) {
			throw new LimitReached("rsvps", maxAnswers, ProblemText.of("event.answers-full", maxAnswers));
		}
		List<Rsvp> answers = new ArrayList<>(all);
		answers.removeIf(r -> r.participantId().equals(answer.participantId()));
		answers.add(answer);
		return new Answers(answers);
	}

	/** Without her answer. */
	Answers without(String participantId) {
		return new Answers(all.stream().filter(r -> !r.participantId().equals(participantId)).toList());
	}

	Optional<Rsvp> of(String participantId) {
		return all.stream().filter(r -> r.participantId().equals(participantId)).findFirst();
	}

}
