package com.kreativnomentorstvo.notifications.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.matching.MatchAccepted;
import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.sessions.MessagePosted;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventCancelled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventRescheduled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventScheduled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventTurnoutFlagged;
import com.kreativnomentorstvo.events.sessions.SessionCancelled;
import com.kreativnomentorstvo.events.sessions.SessionHeld;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.events.sessions.SessionRescheduled;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.events.sessions.SurveyRequested;
import com.kreativnomentorstvo.notifications.delivery.CoordinatorNotices;
import com.kreativnomentorstvo.notifications.delivery.Notifier;
import com.kreativnomentorstvo.notifications.delivery.Notifier.Notice;
import com.kreativnomentorstvo.notifications.inbox.Details;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.reminder.ReminderPlanner;
import com.kreativnomentorstvo.notifications.template.NotificationKind;
import com.kreativnomentorstvo.notifications.template.Written;
import com.kreativnomentorstvo.platform.messaging.EventMetadata;

/**
 * What each event of the platform means for the people in it: which notifications go to whom,
 * and which reminders are planned, moved or dropped. The cause of every notification is the
 * event's id, so an event applied twice notifies nobody twice.
 */
@Service
public class NotificationTriggers {

	private final Notifier notifier;

	private final RecipientDirectory recipients;

	private final ReminderPlanner reminders;

	private final CoordinatorNotices coordinators;

	NotificationTriggers(Notifier notifier, RecipientDirectory recipients, ReminderPlanner reminders,
			CoordinatorNotices coordinators) {
		this.notifier = notifier;
		this.recipients = recipients;
		this.reminders = reminders;
		this.coordinators = coordinators;
	}

	public void profileUpdated(ParticipantProfileUpdated event) {
		recipients.profileChanged(event.profile(), event.version());
		if (event.profile().status() == ParticipantStatus.WITHDRAWN) {
			reminders.participantLeft(event.profile().participantId());
		}
	}

	public void withdrawn(String participantId) {
		recipients.withdrawn(participantId);
		reminders.participantLeft(participantId);
	}

	public void matchProposed(MatchProposed event, EventMetadata metadata) {
		List<Details.Reason> reasons = event.contributions() == null ? List.of()
				: event.contributions()
					.stream()
					.map(c -> new Details.Reason(c.criterion(), c.points(), c.explanation()))
					.toList();
		for (boolean toMentor : new boolean[] { true, false }) {
			notifier.notify(new Notice(NotificationKind.MATCH_PROPOSED, metadata.id(),
					toMentor ? event.mentorId() : event.menteeId(), event.programmeId(), event.organisationId(),
					new Details().counterpart(toMentor ? event.menteeId() : event.mentorId(), !toMentor)
						.match(event.matchId())
						.proposal(event.score(), reasons, event.respondBy())));
		}
		if (!eitherErased(event.mentorId(), event.menteeId())) {
			reminders.proposed(event);
		}
	}

	public void matchAccepted(MatchAccepted event, EventMetadata metadata) {
		boolean byMentor = event.mentorId().equals(event.acceptedBy());
		String other = byMentor ? event.menteeId() : event.mentorId();
		notifier.notify(new Notice(NotificationKind.MATCH_ACCEPTED, metadata.id(), other, event.programmeId(),
				event.organisationId(), new Details().counterpart(event.acceptedBy(), byMentor).match(event.matchId())));
		reminders.answered(event.matchId(), event.acceptedBy());
	}

	public void matchDeclined(MatchDeclined event, EventMetadata metadata) {
		for (boolean toMentor : new boolean[] { true, false }) {
			String recipient = toMentor ? event.mentorId() : event.menteeId();
			if (!recipient.equals(event.declinedBy())) {
				notifier.notify(new Notice(NotificationKind.MATCH_DECLINED, metadata.id(), recipient,
						event.programmeId(), event.organisationId(),
						new Details().counterpart(toMentor ? event.menteeId() : event.mentorId(), !toMentor)
							.match(event.matchId())
							.reason(event.reason())));
			}
		}
		coordinators.aboutPair(NotificationKind.DECLINED_PROPOSAL, metadata.id(), event.programmeId(),
				event.organisationId(), event.mentorId(), event.menteeId(),
				new Details().match(event.matchId()).reason(event.reason()));
		reminders.proposalClosed(event.matchId(), event.mentorId(), event.menteeId());
	}

	public void matchExpired(MatchExpired event, EventMetadata metadata) {
		for (boolean toMentor : new boolean[] { true, false }) {
			notifier.notify(new Notice(NotificationKind.MATCH_EXPIRED, metadata.id(),
					toMentor ? event.mentorId() : event.menteeId(), event.programmeId(), event.organisationId(),
					new Details().counterpart(toMentor ? event.menteeId() : event.mentorId(), !toMentor)
						.match(event.matchId())));
		}
		coordinators.aboutPair(NotificationKind.EXPIRED_PROPOSAL, metadata.id(), event.programmeId(),
				event.organisationId(), event.mentorId(), event.menteeId(), new Details().match(event.matchId()));
		reminders.proposalClosed(event.matchId(), event.mentorId(), event.menteeId());
	}

	public void mentorshipStarted(MentorshipStarted event, EventMetadata metadata) {
		for (boolean toMentor : new boolean[] { true, false }) {
			notifier.notify(new Notice(NotificationKind.MENTORSHIP_STARTED, metadata.id(),
					toMentor ? event.mentorId() : event.menteeId(), event.programmeId(), event.organisationId(),
					new Details().counterpart(toMentor ? event.menteeId() : event.mentorId(), !toMentor)
						.mentorship(event.mentorshipId())
						.match(event.matchId())));
		}
		if (!eitherErased(event.mentorId(), event.menteeId())) {
			reminders.mentorshipStarted(event);
		}
	}

	public void mentorshipEnded(MentorshipEnded event) {
		reminders.mentorshipEnded(event.mentorshipId(), event.programmeId(), event.organisationId(), event.mentorId(),
				event.menteeId());
	}

	public void sessionScheduled(SessionScheduled event, EventMetadata metadata) {
		notifyPair(NotificationKind.SESSION_SCHEDULED, metadata, event.programmeId(), event.organisationId(),
				event.mentorId(), event.menteeId(), details -> details.session(event.sessionId(), event.sequence())
					.mentorship(event.mentorshipId())
					.time(event.start().toInstant(), null, event.durationMinutes(), event.timeZone())
					.place(event.mode() == SessionMode.ONLINE, event.meetingUrl(), event.venue()));
		if (!eitherErased(event.mentorId(), event.menteeId())) {
			reminders.sessionPlanned(event.sessionId(), event.mentorshipId(), event.programmeId(),
					event.organisationId(), event.mentorId(), event.menteeId(), event.start(), event.durationMinutes(),
					event.timeZone(), event.mode(), event.meetingUrl(), event.venue(), event.sequence());
		}
	}

	public void sessionRescheduled(SessionRescheduled event, EventMetadata metadata) {
		notifyPair(NotificationKind.SESSION_RESCHEDULED, metadata, event.programmeId(), event.organisationId(),
				event.mentorId(), event.menteeId(), details -> details.session(event.sessionId(), event.sequence())
					.mentorship(event.mentorshipId())
					.time(event.start().toInstant(), null, event.durationMinutes(), event.timeZone())
					.previousStart(event.previousStart() == null ? null : event.previousStart().toInstant())
					.place(event.mode() == SessionMode.ONLINE, event.meetingUrl(), event.venue()));
		if (!eitherErased(event.mentorId(), event.menteeId())) {
			reminders.sessionPlanned(event.sessionId(), event.mentorshipId(), event.programmeId(),
					event.organisationId(), event.mentorId(), event.menteeId(), event.start(), event.durationMinutes(),
					event.timeZone(), event.mode(), event.meetingUrl(), event.venue(), event.sequence());
		}
	}

	public void sessionCancelled(SessionCancelled event, EventMetadata metadata) {
		notifyPair(NotificationKind.SESSION_CANCELLED, metadata, event.programmeId(), event.organisationId(),
				event.mentorId(), event.menteeId(), details -> details.session(event.sessionId(), event.sequence())
					.mentorship(event.mentorshipId())
					.time(event.start() == null ? null : event.start().toInstant(), null, null, event.timeZone())
					.reason(event.reason()));
		reminders.sessionCancelled(event.sessionId(), event.sequence());
	}

	public void sessionHeld(SessionHeld event, EventMetadata metadata) {
		notifyPair(NotificationKind.FEEDBACK_REQUEST, metadata, event.programmeId(), event.organisationId(),
				event.mentorId(), event.menteeId(), details -> details.session(event.sessionId(), null)
					.mentorship(event.mentorshipId())
					.time(event.start() == null ? null : event.start().toInstant(), null, event.durationMinutes(), null));
		if (!eitherErased(event.mentorId(), event.menteeId())) {
			reminders.sessionHeld(event.mentorshipId(), event.programmeId(), event.organisationId(), event.mentorId(),
					event.menteeId());
		}
	}

	/** The other member of the pair is told that she has a message (never its text, which the event does not carry). */
	public void messagePosted(MessagePosted event, EventMetadata metadata) {
		notifier.notify(new Notice(NotificationKind.MESSAGE_RECEIVED, metadata.id(), event.recipientId(),
				event.programmeId(), event.organisationId(),
				new Details().counterpart(event.authorId(), "MENTOR".equals(event.authorRole()))
					.mentorship(event.mentorshipId())));
	}

	/** She is asked to answer a survey (the questions stay in session-service), and reminded before it is due. */
	public void surveyRequested(SurveyRequested event, EventMetadata metadata) {
		// the request, not the event, is the cause: a request announced again (a replay) tells her once
		notifier.notify(new Notice(NotificationKind.SURVEY_REQUESTED, "survey-requested/" + event.requestId(),
				event.participantId(),
				event.programmeId(), event.organisationId(),
				new Details().surveyRequest(event.requestId(), event.dueBy())));
		if (!recipients.isErased(event.participantId())) {
			reminders.surveyRequested(event.requestId(), event.programmeId(), event.organisationId(),
					event.participantId(), event.dueBy());
		}
	}

	/** A group event coming soon has few acceptances: the programme's coordinators are told. */
	public void programmeEventTurnoutFlagged(ProgrammeEventTurnoutFlagged event, EventMetadata metadata) {
		coordinators.aboutProgramme(NotificationKind.LOW_TURNOUT, metadata.id(), event.programmeId(),
				event.organisationId(),
				new Details().programmeEvent(event.programmeEventId(), event.kind(), event.title())
					.time(instant(event.start()), null, null, event.timeZone())
					.turnout(event.invited(), event.accepted(), event.undecided()));
	}

	/** A training or another group event: every active participant of an invited role is invited. */
	public void programmeEventScheduled(ProgrammeEventScheduled event, EventMetadata metadata) {
		for (Recipient recipient : invitees(event.programmeId(), event.invitedRoles())) {
			notifier.notify(new Notice(NotificationKind.TRAINING_INVITATION, metadata.id(), recipient.id(),
					event.programmeId(), event.organisationId(),
					new Details().programmeEvent(event.programmeEventId(), event.kind(),
						Written.in(recipient.locale(), event.title(), event.titles()))
						.time(instant(event.start()), instant(event.end()), null, event.timeZone())
						.place(event.mode() == SessionMode.ONLINE, event.meetingUrl(), event.venue())));
		}
	}

	/** A group event moved or changed its place or title: its invitees (by the same rule) get the new entry. */
	public void programmeEventRescheduled(ProgrammeEventRescheduled event, EventMetadata metadata) {
		boolean moved = event.previousStart() != null && event.start() != null
				&& !event.previousStart().toInstant().equals(event.start().toInstant());
		for (Recipient recipient : invitees(event.programmeId(), event.invitedRoles())) {
			notifier.notify(new Notice(NotificationKind.TRAINING_RESCHEDULED, metadata.id(), recipient.id(),
					event.programmeId(), event.organisationId(),
					new Details().programmeEvent(event.programmeEventId(), event.kind(),
						Written.in(recipient.locale(), event.title(), event.titles()))
						.sequence(event.sequence())
						.time(instant(event.start()), instant(event.end()), null, event.timeZone())
						.previousStart(moved ? instant(event.previousStart()) : null)
						.place(event.mode() == SessionMode.ONLINE, event.meetingUrl(), event.venue())));
		}
	}

	/** A group event was called off: its invitees (by the same rule) get the cancellation. */
	public void programmeEventCancelled(ProgrammeEventCancelled event, EventMetadata metadata) {
		for (Recipient recipient : invitees(event.programmeId(), event.invitedRoles())) {
			notifier.notify(new Notice(NotificationKind.TRAINING_CANCELLED, metadata.id(), recipient.id(),
					event.programmeId(), event.organisationId(),
					new Details().programmeEvent(event.programmeEventId(), event.kind(),
						Written.in(recipient.locale(), event.title(), event.titles()))
						.sequence(event.sequence())
						.time(instant(event.start()), instant(event.end()), null, event.timeZone())
						.reason(event.reason())));
		}
	}

	/**
	 * Who a group event is for: every participant who takes part in the programme (admitted, not
	 * withdrawn; applicants and invitees not yet) in an invited role (both roles when none is
	 * named). The one rule for the invitation and every later change of it.
	 */
	private List<Recipient> invitees(String programmeId, List<String> invitedRoles) {
		List<String> roles = invitedRoles == null || invitedRoles.isEmpty() ? List.of("MENTOR", "MENTEE")
				: invitedRoles;
		return recipients.inProgramme(programmeId)
			.stream()
			.filter(r -> r.takesPart() && roles.contains(r.role()))
			.toList();
	}

	/**
	 * Whether a member of a pair has been erased: a late or replayed event of the pair then plans no
	 * reminder (which would keep her id, and a meeting link, and remind the other of her).
	 */
	private boolean eitherErased(String mentorId, String menteeId) {
		return (mentorId != null && recipients.isErased(mentorId)) || (menteeId != null && recipients.isErased(menteeId));
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	private void notifyPair(NotificationKind kind, EventMetadata metadata, String programmeId, String organisationId,
			String mentorId, String menteeId, UnaryOperator<Details> facts) {
		for (boolean toMentor : new boolean[] { true, false }) {
			notifier.notify(new Notice(kind, metadata.id(), toMentor ? mentorId : menteeId, programmeId, organisationId,
					facts.apply(new Details().counterpart(toMentor ? menteeId : mentorId, !toMentor))));
		}
	}

}
