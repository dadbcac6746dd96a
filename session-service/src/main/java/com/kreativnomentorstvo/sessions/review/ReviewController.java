package com.kreativnomentorstvo.sessions.review;

import java.time.Clock;
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

import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.MentorshipAccess;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code /api/v1/mentorships/{id}/reviews}: the midterm and final reviews, from both sides. */
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
	record NewReview(@NotNull ReviewKind kind, @NotBlank @Size(max = 8000) String progress,
			@NotBlank @Size(max = 8000) String challenges, @NotBlank @Size(max = 8000) String nextSteps) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Review submit(Caller caller, @PathVariable String mentorshipId, @Valid @RequestBody NewReview request) {
		MentorshipAccess.Member member = access.asMember(caller, mentorshipId);
		Review review = Review.submit(member.mentorship(), member.participantId(), request.kind(), request.progress(),
				request.challenges(), request.nextSteps(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
		try {
			return reviews.insert(review);
		}
		catch (DuplicateKeyException alreadyWritten) {
			throw new ConflictException("review-already-submitted",
					"You have already submitted your " + request.kind() + " review of this mentorship");
		}
	}

	@GetMapping
	List<Review> list(Caller caller, @PathVariable String mentorshipId) {
		access.visible(caller, mentorshipId);
		return reviews.findByMentorshipId(mentorshipId)
			.stream()
			.sorted(Comparator.comparing(Review::getSubmittedAt))
			.toList();
	}

}
