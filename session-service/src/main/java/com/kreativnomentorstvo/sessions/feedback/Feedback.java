package com.kreativnomentorstvo.sessions.feedback;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.FeedbackSubmitted;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.sessions.session.Session;
import com.kreativnomentorstvo.sessions.session.SessionStatus;

/**
 * One member's rating (1–5) and comment on a session that was held. Each member gives feedback on
 * a session once: the id is derived from session and author, so a second one cannot be stored.
 * The comment is for the programme's coordinators, not for the other member, and never leaves
 * this service.
 */
@Document("feedback")
public class Feedback extends AggregateRoot {

	@Id
	private String id;

	@Indexed
	private String sessionId;

	private String mentorshipId;

	@Indexed
	private String programmeId;

	private String organisationId;

	@Indexed
	private String authorId;

	private Role authorRole;

	private int rating;

	private String comment;

	private Instant submittedAt;

	protected Feedback() {
	}

	static Feedback submit(Session session, String authorId, int rating, String comment, Instant at) {
		if (session.getStatus() != SessionStatus.HELD) {
			throw new ConflictException("session-not-held",
					ProblemText.of("feedback.session-not-held", session.getId(), session.getStatus()));
		}
		Feedback feedback = new Feedback();
		feedback.id = idFor(session.getId(), authorId);
		feedback.sessionId = session.getId();
		feedback.mentorshipId = session.getMentorshipId();
		feedback.programmeId = session.getProgrammeId();
		feedback.organisationId = session.getOrganisationId();
		feedback.authorId = authorId;
		feedback.authorRole = session.roleOf(authorId);
		feedback.rating = rating;
		feedback.comment = comment;
		feedback.submittedAt = at;
		feedback.record(new FeedbackSubmitted(feedback.id, feedback.sessionId, feedback.mentorshipId,
				feedback.programmeId, feedback.organisationId, authorId, feedback.authorRole.name(), rating, at));
		return feedback;
	}

	/** The one id a member's feedback on a session can have. */
	static String idFor(String sessionId, String authorId) {
		return Ids.derived("fb", sessionId, authorId);
	}

	/** Drops the comment; the rating stays, tied only to a pseudonymous id. */
	public boolean eraseComment() {
		if (comment == null) {
			return false;
		}
		comment = null;
		return true;
	}

	public String getId() {
		return id;
	}

	public String getSessionId() {
		return sessionId;
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

	public int getRating() {
		return rating;
	}

	public String getComment() {
		return comment;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

}
