package com.kreativnomentorstvo.sessions.feedback;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.sessions.session.Session;
import com.kreativnomentorstvo.sessions.session.SessionAccess;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/v1/sessions/{id}/feedback}: each member rates a held session once. A member reads
 * her own feedback; coordinators read both; the other member reads neither.
 */
@RestController
@RequestMapping("/api/v1/sessions/{sessionId}/feedback")
class FeedbackController {

	private final Feedbacks feedbacks;

	private final SessionAccess sessions;

	private final Clock clock;

	FeedbackController(Feedbacks feedbacks, SessionAccess sessions, Clock clock) {
		this.feedbacks = feedbacks;
		this.sessions = sessions;
		this.clock = clock;
	}

	/** A rating from 1 (poor) to 5 (excellent), and optionally what made it so. */
	record NewFeedback(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 4000) String comment) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Feedback submit(Caller caller, @PathVariable String sessionId, @Valid @RequestBody NewFeedback request) {
		SessionAccess.Member member = sessions.asMember(caller, sessionId);
		Feedback feedback = Feedback.submit(member.session(), member.participantId(), request.rating(),
				request.comment(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
		try {
			return feedbacks.insert(feedback);
		}
		catch (DuplicateKeyException alreadyGiven) {
			throw new ConflictException("feedback-already-submitted",
					"You have already given feedback on session " + sessionId);
		}
	}

	@GetMapping
	List<Feedback> list(Caller caller, @PathVariable String sessionId) {
		Session session = sessions.visible(caller, sessionId);
		boolean coordinator = sessions.coordinates(caller, session);
		return feedbacks.findBySessionId(sessionId)
			.stream()
			.filter(f -> coordinator || caller.is(f.getAuthorId()))
			.toList();
	}

}
