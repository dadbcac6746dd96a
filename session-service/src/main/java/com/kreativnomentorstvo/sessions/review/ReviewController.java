package com.kreativnomentorstvo.sessions.review;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
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

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.MentorshipAccess;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/v1/mentorships/{id}/reviews}: the midterm and final reviews, from both sides. The pair
 * and their stewards read the texts; the programme's runners see who has written which review.
 */
@RestController
@RequestMapping("/api/v1/mentorships/{mentorshipId}/reviews")
class ReviewController {

	private final Reviews reviews;

	private final MentorshipAccess access;

	private final Clock clock;

	ReviewController(Reviews reviews, MentorshipAccess access, Clock clock) {
		this.reviews = reviews;
		this.access = access;
		this.clock = clock;
	}

	/** A member's review of a milestone. */
	record NewReview(@NotNull ReviewKind kind, @NotBlank @Size(max = 8000) @PlainText(multiline = true) String progress,
			@NotBlank @Size(max = 8000) @PlainText(multiline = true) String challenges,
			@NotBlank @Size(max = 8000) @PlainText(multiline = true) String nextSteps) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ReviewView submit(Caller caller, @PathVariable String mentorshipId, @Valid @RequestBody NewReview request) {
		MentorshipAccess.Member member = access.asWritingMember(caller, mentorshipId);
		Review review = Review.submit(member.mentorship(), member.participantId(), request.kind(), request.progress(),
				request.challenges(), request.nextSteps(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
		try {
			return ReviewView.of(reviews.insert(review), true);
		}
		catch (DuplicateKeyException alreadyWritten) {
			throw new ConflictException("review-already-submitted",
					ProblemText.of("review.already-submitted", request.kind()));
		}
	}

	/** The pair's reviews; their texts for the pair and its members' stewards, who was done when for the runners. */
	@GetMapping
	List<ReviewView> list(Caller caller, @PathVariable String mentorshipId) {
		Mentorship mentorship = access.visible(caller, mentorshipId);
		boolean texts = access.seesPrivateParts(caller, mentorship);
		return reviews.findByMentorshipId(mentorshipId)
			.stream()
			.sorted(Comparator.comparing(Review::getSubmittedAt))
			.map(review -> ReviewView.of(review, texts))
			.toList();
	}

	/** A review as the API shows it; the texts only to the pair and their stewards. */
	record ReviewView(String id, String mentorshipId, String programmeId, String authorId, Role authorRole,
			ReviewKind kind, String progress, String challenges, String nextSteps, Instant submittedAt, Long version) {

		static ReviewView of(Review review, boolean withTexts) {
			return new ReviewView(review.getId(), review.getMentorshipId(), review.getProgrammeId(),
					review.getAuthorId(), review.getAuthorRole(), review.getKind(),
					withTexts ? review.getProgress() : null, withTexts ? review.getChallenges() : null,
					withTexts ? review.getNextSteps() : null, review.getSubmittedAt(), review.getVersion());
		}

	}

}
