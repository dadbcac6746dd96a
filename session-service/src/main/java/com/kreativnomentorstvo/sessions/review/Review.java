package com.kreativnomentorstvo.sessions.review;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.ReviewSubmitted;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;

/**
 * One member's look back at a milestone: progress, challenges and next steps. Each member writes
 * one review per milestone (the id is derived from pair, milestone and author). The pair and its
 * coordinators read it; its text never leaves this service.
 */
@Document("reviews")
public class Review extends AggregateRoot {

	/** The end reason that still allows a final review after the pair has ended. */
	static final String COMPLETED = "COMPLETED";

	@Id
	private String id;

	@Indexed
	private String mentorshipId;

	@Indexed
	private String programmeId;

	private String organisationId;

	@Indexed
	private String authorId;

	private Role authorRole;

	private ReviewKind kind;

	private String progress;

	private String challenges;

	private String nextSteps;

	private Instant submittedAt;

	protected Review() {
	}

	static Review submit(Mentorship mentorship, String authorId, ReviewKind kind, String progress, String challenges,
			String nextSteps, Instant at) {
		boolean finalAfterCompletion = kind == ReviewKind.FINAL && !mentorship.isActive()
				&& COMPLETED.equals(mentorship.getEndReason());
		if (!finalAfterCompletion) {
			mentorship.requireActive();
		}
		Role role = mentorship.roleOf(authorId)
			.orElseThrow(() -> new ConflictException("not-a-member", ProblemText.of("review.not-a-member")));
		Review review = new Review();
		review.id = idFor(mentorship.getId(), kind, authorId);
		review.mentorshipId = mentorship.getId();
		review.programmeId = mentorship.getProgrammeId();
		review.organisationId = mentorship.getOrganisationId();
		review.authorId = authorId;
		review.authorRole = role;
		review.kind = kind;
		review.progress = progress;
		review.challenges = challenges;
		review.nextSteps = nextSteps;
		review.submittedAt = at;
		review.record(new ReviewSubmitted(review.id, review.mentorshipId, review.programmeId, review.organisationId,
				authorId, role.name(), kind.name(), at));
		return review;
	}

	static String idFor(String mentorshipId, ReviewKind kind, String authorId) {
		return Ids.derived("rev", mentorshipId, String.valueOf(kind), authorId);
	}

	/** Drops what she wrote; that she reviewed stays. */
	public boolean eraseText() {
		if (progress == null && challenges == null && nextSteps == null) {
			return false;
		}
		progress = null;
		challenges = null;
		nextSteps = null;
		return true;
	}

	public String getId() {
		return id;
	}

	public String getMentorshipId() {
		return mentorshipId;
	}

	public String getProgrammeId() {
		return programmeId;
	}

	public String getAuthorId() {
		return authorId;
	}

	public Role getAuthorRole() {
		return authorRole;
	}

	public ReviewKind getKind() {
		return kind;
	}

	public String getProgress() {
		return progress;
	}

	public String getChallenges() {
		return challenges;
	}

	public String getNextSteps() {
		return nextSteps;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

}
