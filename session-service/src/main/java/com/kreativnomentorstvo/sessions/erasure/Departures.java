package com.kreativnomentorstvo.sessions.erasure;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.sessions.calendar.CalendarFeeds;
import com.kreativnomentorstvo.sessions.feedback.Feedback;
import com.kreativnomentorstvo.sessions.feedback.Feedbacks;
import com.kreativnomentorstvo.sessions.mentorship.MentorshipLifecycle;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeEventPlanner;
import com.kreativnomentorstvo.sessions.projection.Projections;
import com.kreativnomentorstvo.sessions.review.Review;
import com.kreativnomentorstvo.sessions.review.Reviews;
import com.kreativnomentorstvo.sessions.session.SessionScheduler;

/**
 * What happens here when a participant leaves a programme, in one place.
 *
 * <p><b>Withdrawn</b>: her pairs end (reason {@code PARTICIPANT_WITHDRAWN}), so their sessions
 * after that moment are called off ({@code MENTORSHIP_ENDED}); her answers to group events still
 * to come are withdrawn; her calendar feed address stops working. What happened stays.
 *
 * <p><b>Erased</b>: the same, and everything she wrote is deleted: her shared and private session
 * notes, her feedback comments, the text of her reviews, the goals she proposed and her check-in
 * notes; her display name and time zone; her answers and attendance records. What the other
 * member of a pair wrote stays, as it is his: a shared note is owned by its author. The facts
 * that others need (a session took place, a rating was given, a review was submitted) stay,
 * tied only to her participant id, which identifies nobody once participant-service has erased
 * her.
 */
@Service
public class Departures {

	private static final Logger log = LoggerFactory.getLogger(Departures.class);

	private final Projections projections;

	private final MentorshipLifecycle mentorships;

	private final SessionScheduler sessions;

	private final Feedbacks feedbacks;

	private final Reviews reviews;

	private final ProgrammeEventPlanner programmeEvents;

	private final CalendarFeeds feeds;

	private final Clock clock;

	Departures(Projections projections, MentorshipLifecycle mentorships, SessionScheduler sessions,
			Feedbacks feedbacks, Reviews reviews, ProgrammeEventPlanner programmeEvents, CalendarFeeds feeds,
			Clock clock) {
		this.projections = projections;
		this.mentorships = mentorships;
		this.sessions = sessions;
		this.feedbacks = feedbacks;
		this.reviews = reviews;
		this.programmeEvents = programmeEvents;
		this.feeds = feeds;
		this.clock = clock;
	}

	public void withdrawn(ParticipantWithdrawn event) {
		projections.participantWithdrawn(event.participantId(), event.programmeId(), event.organisationId(),
				event.role());
		leave(event.participantId(), MentorshipLifecycle.PARTICIPANT_WITHDRAWN, when(event.withdrawnAt()));
	}

	public void erased(ParticipantErased event) {
		String participantId = event.participantId();
		projections.participantErased(participantId, event.programmeId(), event.organisationId());
		leave(participantId, MentorshipLifecycle.PARTICIPANT_ERASED, when(event.erasedAt()));
		int notes = sessions.eraseNotesOf(participantId);
		int comments = 0;
		for (Feedback feedback : feedbacks.findByAuthorId(participantId)) {
			if (feedback.eraseComment()) {
				feedbacks.save(feedback);
				comments++;
			}
		}
		int reviewTexts = 0;
		for (Review review : reviews.findByAuthorId(participantId)) {
			if (review.eraseText()) {
				reviews.save(review);
				reviewTexts++;
			}
		}
		int goalTexts = mentorships.eraseTextOf(participantId);
		int groupEvents = programmeEvents.forget(participantId);
		log.info("Erased participant {}: {} notes, {} feedback comments, {} reviews, {} goal texts, {} group events",
				participantId, notes, comments, reviewTexts, goalTexts, groupEvents);
	}

	private void leave(String participantId, String reason, Instant at) {
		mentorships.participantLeft(participantId, reason, at);
		programmeEvents.participantLeft(participantId);
		feeds.revoke(participantId);
	}

	private Instant when(Instant at) {
		return at == null ? clock.instant() : at;
	}

}
