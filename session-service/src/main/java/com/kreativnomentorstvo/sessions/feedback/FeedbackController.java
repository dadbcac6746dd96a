package com.kreativnomentorstvo.sessions.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.sessions.projection.Stewardship;
import com.kreativnomentorstvo.sessions.session.Session;
import com.kreativnomentorstvo.sessions.session.SessionAccess;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/v1/sessions/{id}/feedback}: each member rates a held session once. A member reads
 * her own feedback; those who may see the session without being in it (the programme's runners,
 * the members' stewards) read both ratings, and a comment only if they steward its author; the
 * other member reads neither.
 */
@RestController
@RequestMapping("/api/v1/sessions/{sessionId}/feedback")
class FeedbackController {

	private final Feedbacks feedbacks;

	private final SessionAccess sessions;

	private final Stewardship stewardship;

	private final Clock clock;

	FeedbackController(Feedbacks feedbacks, SessionAccess sessions, Stewardship stewardship, Clock clock) {
		this.feedbacks = feedbacks;
		this.sessions = sessions;
		this.stewardship = stewardship;
		this.clock = clock;
	}

	/** A rating from 1 (poor) to 5 (excellent), and optionally what made it so. */
	record NewFeedback(@NotNull @Min(1) @Max(5) Integer rating,
			@Size(max = 4000) @PlainText(multiline = true, allowBlank = true) String comment) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	FeedbackView submit(Caller caller, @PathVariable String sessionId, @Valid @RequestBody NewFeedback request) {
		SessionAccess.Member member = sessions.asWritingMember(caller, sessionId);
		Feedback feedback = Feedback.submit(member.session(), member.participantId(), request.rating(),
				request.comment(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
		try {
			return FeedbackView.of(feedbacks.insert(feedback), true);
		}
		catch (DuplicateKeyException alreadyGiven) {
			throw new ConflictException("feedback-already-submitted",
					ProblemText.of("feedback.already-given", sessionId));
		}
	}

	@GetMapping
	List<FeedbackView> list(Caller caller, @PathVariable String sessionId) {
		Session session = sessions.visible(caller, sessionId);
		boolean coordinator = sessions.memberOf(caller, session).isEmpty();
		Predicate<String> stewarded = stewardship.stewardedBy(caller);
		return feedbacks.findBySessionId(sessionId)
			.stream()
			.filter(f -> coordinator || caller.is(f.getAuthorId()))
			.map(f -> FeedbackView.of(f, caller.is(f.getAuthorId()) || stewarded.test(f.getAuthorId())))
			.toList();
	}

	/**
	 * Feedback as the API shows it; the comment only to its author and her steward.
	 *
	 * @param comment what made the rating so, if the caller may read it
	 */
	record FeedbackView(String id, String sessionId, String mentorshipId, String programmeId, String authorId,
			Role authorRole, int rating, String comment, Instant submittedAt, Long version) {

		static FeedbackView of(Feedback feedback, boolean withComment) {
			return new FeedbackView(feedback.getId(), feedback.getSessionId(), feedback.getMentorshipId(),
					feedback.getProgrammeId(), feedback.getAuthorId(), feedback.getAuthorRole(), feedback.getRating(),
					withComment ? feedback.getComment() : null, feedback.getSubmittedAt(), feedback.getVersion());
		}

	}

}
