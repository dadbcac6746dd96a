package com.kreativnomentorstvo.sessions.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.sessions.departure.Departures;
import com.kreativnomentorstvo.sessions.feedback.Feedback;
import com.kreativnomentorstvo.sessions.feedback.Feedbacks;
import com.kreativnomentorstvo.sessions.mentorship.MentorshipLifecycle;
import com.kreativnomentorstvo.sessions.message.Messages;
import com.kreativnomentorstvo.sessions.programmeevent.Invitations;
import com.kreativnomentorstvo.sessions.projection.Projections;
import com.kreativnomentorstvo.sessions.review.Review;
import com.kreativnomentorstvo.sessions.review.Reviews;
import com.kreativnomentorstvo.sessions.session.NoteTaking;
import com.kreativnomentorstvo.sessions.survey.SurveyRequests;

/**
 * Erases a participant's personal data here, when participant-service has erased her: she leaves
 * as a withdrawn participant does (see {@link Departures}, her pairs ending with
 * {@code PARTICIPANT_ERASED}), and everything she wrote is deleted: her shared and private session
 * notes, her feedback comments, the text of her reviews, the goals she proposed and her check-in
 * notes, the messages she wrote to her partner, the surveys she was asked and her answers to them
 * (so the results no longer count them); her display name and time zone; her answers and
 * attendance records. What the other
 * member of a pair wrote stays, as it is his: a shared note is owned by its author. The facts
 * that others need (a session took place, a rating was given, a review was submitted) stay,
 * tied only to her participant id, which identifies nobody once participant-service has erased
 * her. Every step may run twice.
 */
@Service
public class Erasure {

	private static final Logger log = LoggerFactory.getLogger(Erasure.class);

	private final Projections projections;

	private final Departures departures;

	private final NoteTaking notes;

	private final Feedbacks feedbacks;

	private final Reviews reviews;

	private final MentorshipLifecycle mentorships;

	private final Invitations invitations;

	private final Messages messages;

	private final SurveyRequests surveyRequests;

	Erasure(Projections projections, Departures departures, NoteTaking notes, Feedbacks feedbacks, Reviews reviews,
			MentorshipLifecycle mentorships, Invitations invitations, Messages messages,
			SurveyRequests surveyRequests) {
		this.projections = projections;
		this.departures = departures;
		this.notes = notes;
		this.feedbacks = feedbacks;
		this.reviews = reviews;
		this.mentorships = mentorships;
		this.invitations = invitations;
		this.messages = messages;
		this.surveyRequests = surveyRequests;
	}

	public void erase(ParticipantErased event) {
		String participantId = event.participantId();
		projections.participantErased(participantId, event.programmeId(), event.organisationId());
		departures.leave(participantId, MentorshipLifecycle.PARTICIPANT_ERASED, event.erasedAt());
		int sessionNotes = notes.eraseNotesOf(participantId);
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
		int groupEvents = invitations.forget(participantId);
		long written = messages.deleteByAuthorId(participantId);
		long surveys = surveyRequests.deleteByParticipantId(participantId);
		log.info("Erased participant {}: {} notes, {} feedback comments, {} reviews, {} goal texts, {} group events, "
				+ "{} messages, {} survey requests", participantId, sessionNotes, comments, reviewTexts, goalTexts,
				groupEvents, written, surveys);
	}

}
