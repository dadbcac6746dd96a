package com.kreativnomentorstvo.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.kreativnomentorstvo.events.matching.MatchAccepted;
import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.events.notifications.NotificationDelivered;
import com.kreativnomentorstvo.events.notifications.NotificationFailed;
import com.kreativnomentorstvo.events.participants.ApplicationSubmitted;
import com.kreativnomentorstvo.events.participants.CoordinatorAppointed;
import com.kreativnomentorstvo.events.participants.CoordinatorContactChanged;
import com.kreativnomentorstvo.events.participants.CoordinatorRemoved;
import com.kreativnomentorstvo.events.participants.OrganisationRegistered;
import com.kreativnomentorstvo.events.participants.OrganisationUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantAdmitted;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantInvited;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantRejected;
import com.kreativnomentorstvo.events.participants.PasswordLinkIssued;
import com.kreativnomentorstvo.events.participants.ReturnInvited;
import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeStatusChanged;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.events.sessions.FeedbackSubmitted;
import com.kreativnomentorstvo.events.sessions.MessagePosted;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventCancelled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventRescheduled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventScheduled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventTurnoutFlagged;
import com.kreativnomentorstvo.events.sessions.ReviewSubmitted;
import com.kreativnomentorstvo.events.sessions.SessionCancelled;
import com.kreativnomentorstvo.events.sessions.SessionHeld;
import com.kreativnomentorstvo.events.sessions.SessionRescheduled;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.events.sessions.SurveyAnswered;
import com.kreativnomentorstvo.events.sessions.SurveyRequested;

/**
 * The event catalogue: every published event type with its topic, data record and JSON Schema.
 * A breaking change is a new {@code vN} entry, never an edit of an existing one.
 */
public enum EventType {

	ORGANISATION_REGISTERED("mentoring.organisation.registered.v1", Topics.PARTICIPANTS, OrganisationRegistered.class),
	ORGANISATION_UPDATED("mentoring.organisation.updated.v1", Topics.PARTICIPANTS, OrganisationUpdated.class),
	PROGRAMME_CREATED("mentoring.programme.created.v1", Topics.PARTICIPANTS, ProgrammeCreated.class),
	PROGRAMME_UPDATED("mentoring.programme.updated.v1", Topics.PARTICIPANTS, ProgrammeUpdated.class),
	PROGRAMME_STATUS_CHANGED("mentoring.programme.status-changed.v1", Topics.PARTICIPANTS,
			ProgrammeStatusChanged.class),
	PARTICIPANT_ENROLLED("mentoring.participant.enrolled.v1", Topics.PARTICIPANTS, ParticipantEnrolled.class),
	PARTICIPANT_PROFILE_UPDATED("mentoring.participant.profile-updated.v1", Topics.PARTICIPANTS,
			ParticipantProfileUpdated.class),
	PARTICIPANT_WITHDRAWN("mentoring.participant.withdrawn.v1", Topics.PARTICIPANTS, ParticipantWithdrawn.class),
	PARTICIPANT_ERASED("mentoring.participant.erased.v1", Topics.PARTICIPANTS, ParticipantErased.class),
	PARTICIPANT_CONTACT_CHANGED("mentoring.participant.contact-changed.v1", Topics.PARTICIPANT_CONTACTS,
			ParticipantContactChanged.class),
	APPLICATION_SUBMITTED("mentoring.application.submitted.v1", Topics.PARTICIPANTS, ApplicationSubmitted.class),
	PARTICIPANT_ADMITTED("mentoring.participant.admitted.v1", Topics.PARTICIPANTS, ParticipantAdmitted.class),
	PARTICIPANT_REJECTED("mentoring.participant.rejected.v1", Topics.PARTICIPANTS, ParticipantRejected.class),
	PARTICIPANT_INVITED("mentoring.participant.invited.v1", Topics.PARTICIPANTS, ParticipantInvited.class),
	PASSWORD_LINK_ISSUED("mentoring.account.password-link-issued.v1", Topics.PARTICIPANTS, PasswordLinkIssued.class),
	RETURN_INVITED("mentoring.participant.return-invited.v1", Topics.PARTICIPANTS, ReturnInvited.class),
	COORDINATOR_APPOINTED("mentoring.coordinator.appointed.v1", Topics.PARTICIPANTS, CoordinatorAppointed.class),
	COORDINATOR_REMOVED("mentoring.coordinator.removed.v1", Topics.PARTICIPANTS, CoordinatorRemoved.class),
	COORDINATOR_CONTACT_CHANGED("mentoring.coordinator.contact-changed.v1", Topics.PARTICIPANT_CONTACTS,
			CoordinatorContactChanged.class),

	MATCH_PROPOSED("mentoring.match.proposed.v1", Topics.MATCHING, MatchProposed.class),
	MATCH_ACCEPTED("mentoring.match.accepted.v1", Topics.MATCHING, MatchAccepted.class),
	MATCH_DECLINED("mentoring.match.declined.v1", Topics.MATCHING, MatchDeclined.class),
	MATCH_EXPIRED("mentoring.match.expired.v1", Topics.MATCHING, MatchExpired.class),
	MENTORSHIP_STARTED("mentoring.mentorship.started.v1", Topics.MATCHING, MentorshipStarted.class),
	MENTORSHIP_ENDED("mentoring.mentorship.ended.v1", Topics.MATCHING, MentorshipEnded.class),

	SESSION_SCHEDULED("mentoring.session.scheduled.v1", Topics.SESSIONS, SessionScheduled.class),
	SESSION_RESCHEDULED("mentoring.session.rescheduled.v1", Topics.SESSIONS, SessionRescheduled.class),
	SESSION_CANCELLED("mentoring.session.cancelled.v1", Topics.SESSIONS, SessionCancelled.class),
	SESSION_HELD("mentoring.session.held.v1", Topics.SESSIONS, SessionHeld.class),
	FEEDBACK_SUBMITTED("mentoring.feedback.submitted.v1", Topics.SESSIONS, FeedbackSubmitted.class),
	REVIEW_SUBMITTED("mentoring.review.submitted.v1", Topics.SESSIONS, ReviewSubmitted.class),
	MESSAGE_POSTED("mentoring.message.posted.v1", Topics.SESSIONS, MessagePosted.class),
	PROGRAMME_EVENT_SCHEDULED("mentoring.programme-event.scheduled.v1", Topics.SESSIONS,
			ProgrammeEventScheduled.class),
	PROGRAMME_EVENT_RESCHEDULED("mentoring.programme-event.rescheduled.v1", Topics.SESSIONS,
			ProgrammeEventRescheduled.class),
	PROGRAMME_EVENT_CANCELLED("mentoring.programme-event.cancelled.v1", Topics.SESSIONS,
			ProgrammeEventCancelled.class),
	PROGRAMME_EVENT_TURNOUT_FLAGGED("mentoring.programme-event.turnout-flagged.v1", Topics.SESSIONS,
			ProgrammeEventTurnoutFlagged.class),
	SURVEY_REQUESTED("mentoring.survey.requested.v1", Topics.SESSIONS, SurveyRequested.class),
	SURVEY_ANSWERED("mentoring.survey.answered.v1", Topics.SESSIONS, SurveyAnswered.class),

	NOTIFICATION_DELIVERED("mentoring.notification.delivered.v1", Topics.NOTIFICATIONS, NotificationDelivered.class),
	NOTIFICATION_FAILED("mentoring.notification.failed.v1", Topics.NOTIFICATIONS, NotificationFailed.class);

	private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

	private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

	private final String typeName;

	private final String topic;

	private final Class<? extends MentoringEvent> dataClass;

	EventType(String typeName, String topic, Class<? extends MentoringEvent> dataClass) {
		this.typeName = typeName;
		this.topic = topic;
		this.dataClass = dataClass;
	}

	/** The CloudEvents {@code type}, e.g. {@code mentoring.participant.enrolled.v1}. */
	public String typeName() {
		return typeName;
	}

	/** The Kafka topic events of this type are published on. */
	public String topic() {
		return topic;
	}

	/** The record that holds the event's data. */
	public Class<? extends MentoringEvent> dataClass() {
		return dataClass;
	}

	/** Class-path location of the JSON Schema of the event's data. */
	public String schemaResource() {
		return "/schemas/" + typeName + ".json";
	}

	/** Class-path location of an example of the event's data. */
	public String exampleResource() {
		return "/examples/" + typeName + ".json";
	}

	/** The catalogue entry for a CloudEvents type name, if the type is known. */
	public static Optional<EventType> ofTypeName(String typeName) {
		return typeName == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(typeName));
	}

	/** The catalogue entry for a data record class. */
	public static EventType of(Class<?> dataClass) {
		EventType type = BY_CLASS.get(dataClass);
		if (type == null) {
			throw new IllegalArgumentException(dataClass.getName() + " is not in the event catalogue");
		}
		return type;
	}

}
