package com.kreativnomentorstvo.notifications;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.matching.MatchAccepted;
import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.events.participants.ApplicationSubmitted;
import com.kreativnomentorstvo.events.participants.CoordinatorAppointed;
import com.kreativnomentorstvo.events.participants.CoordinatorContactChanged;
import com.kreativnomentorstvo.events.participants.CoordinatorRemoved;
import com.kreativnomentorstvo.events.participants.OrganisationRegistered;
import com.kreativnomentorstvo.events.participants.OrganisationUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantAdmitted;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantInvited;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantRejected;
import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.events.participants.PasswordLinkIssued;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ReturnInvited;
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
import com.kreativnomentorstvo.notifications.notification.NotificationTriggers;
import com.kreativnomentorstvo.notifications.notification.Onboarding;
import com.kreativnomentorstvo.notifications.privacy.Erasure;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.reminder.ReminderPlanner;
import com.kreativnomentorstvo.notifications.webhook.WebhookFanout;
import com.kreativnomentorstvo.platform.messaging.EventHandler;
import com.kreativnomentorstvo.platform.messaging.Subscriptions;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;

/**
 * Everything the notification service listens to, in one place. Each handler translates and
 * delegates; every event is also offered to the webhook subscribers, after the handler (so the
 * recipients it knows of are current), and {@code WebhookAudience} decides which subscriptions may
 * receive it: nobody gets the contacts topic (personal data), address confirmations and password
 * links (their ids are half of a credential) or the coordinators' own events.
 */
@Configuration(proxyBeanMethods = false)
class EventSubscriptions {

	/** The consumer group: the service's name. */
	static final String CONSUMER = "notification-service";

	@Bean
	Subscriptions notificationSubscriptions(ProgrammeDirectory programmes, NotificationTriggers triggers,
			Onboarding onboarding, RecipientDirectory recipients, ReminderPlanner reminders, WebhookFanout webhooks,
			Erasure erasure, Clock clock) {
		return Subscriptions.forConsumer(CONSUMER)
			// participants topic
			.on(OrganisationRegistered.class, webhooks::offer)
			.on(OrganisationUpdated.class, webhooks::offer)
			// the platform's programme directory; review reminders follow the programme's current dates
			.on(ProgrammeCreated.class, also(webhooks, (e, m) -> {
				if (programmes.created(e, m)) {
					reminders.programmeChanged(e.programmeId());
				}
			}))
			.on(ProgrammeUpdated.class, also(webhooks, (e, m) -> {
				if (programmes.updated(e, m)) {
					reminders.programmeChanged(e.programmeId());
				}
			}))
			.on(ProgrammeStatusChanged.class, webhooks::offer)
			// onboarding: applications, decisions, invitations, password links, coordinators
			.on(ApplicationSubmitted.class, onboarding::applicationSubmitted)
			.on(ParticipantEnrolled.class, also(webhooks, onboarding::enrolled))
			.on(ParticipantAdmitted.class, also(webhooks, onboarding::admitted))
			.on(ParticipantRejected.class, also(webhooks, onboarding::rejected))
			.on(ParticipantInvited.class, also(webhooks, onboarding::invited))
			.on(PasswordLinkIssued.class, onboarding::passwordLinkIssued)
			.on(ReturnInvited.class, onboarding::returnInvited)
			.on(CoordinatorAppointed.class, onboarding::coordinatorAppointed)
			.on(CoordinatorRemoved.class, (e, m) -> erasure.erase(e.accountId(),
					e.removedAt() != null ? e.removedAt() : clock.instant()))
			.on(ParticipantProfileUpdated.class, also(webhooks, (e, m) -> triggers.profileUpdated(e)))
			.on(ParticipantWithdrawn.class, also(webhooks, (e, m) -> triggers.withdrawn(e.participantId())))
			.on(ParticipantErased.class,
					also(webhooks, (e, m) -> erasure.erase(e.participantId(), e.erasedAt() != null ? e.erasedAt() : clock.instant())))
			// contacts topic (compacted; personal data, never forwarded); keyed by participant id, or by a
			// coordinator's account id: a tombstone erases whichever it is
			.on(ParticipantContactChanged.class, (e, m) -> recipients.contactChanged(e))
			.on(CoordinatorContactChanged.class, (e, m) -> recipients.coordinatorContactChanged(e))
			.onTombstone(Topics.PARTICIPANT_CONTACTS, key -> erasure.contactRemoved(key, clock.instant()))
			// matching topic
			.on(MatchProposed.class, also(webhooks, triggers::matchProposed))
			.on(MatchAccepted.class, also(webhooks, triggers::matchAccepted))
			.on(MatchDeclined.class, also(webhooks, triggers::matchDeclined))
			.on(MatchExpired.class, also(webhooks, triggers::matchExpired))
			.on(MentorshipStarted.class, also(webhooks, triggers::mentorshipStarted))
			.on(MentorshipEnded.class, also(webhooks, (e, m) -> triggers.mentorshipEnded(e)))
			// sessions topic
			.on(SessionScheduled.class, also(webhooks, triggers::sessionScheduled))
			.on(SessionRescheduled.class, also(webhooks, triggers::sessionRescheduled))
			.on(SessionCancelled.class, also(webhooks, triggers::sessionCancelled))
			.on(SessionHeld.class, also(webhooks, triggers::sessionHeld))
			.on(FeedbackSubmitted.class, webhooks::offer)
			.on(MessagePosted.class, triggers::messagePosted)
			.on(ReviewSubmitted.class,
					also(webhooks, (e, m) -> reminders.reviewSubmitted(e.mentorshipId(), e.programmeId(),
							e.organisationId(), e.authorId(), e.kind())))
			.on(ProgrammeEventScheduled.class, also(webhooks, triggers::programmeEventScheduled))
			.on(ProgrammeEventRescheduled.class, also(webhooks, triggers::programmeEventRescheduled))
			.on(ProgrammeEventCancelled.class, also(webhooks, triggers::programmeEventCancelled))
			.on(ProgrammeEventTurnoutFlagged.class, also(webhooks, triggers::programmeEventTurnoutFlagged))
			.on(SurveyRequested.class, also(webhooks, triggers::surveyRequested))
			.on(SurveyAnswered.class, also(webhooks, (e, m) -> reminders.surveyAnswered(e.requestId(), e.programmeId(),
					e.organisationId(), e.participantId())));
	}

	/** The handler, then the event offered to webhooks. */
	private static <E extends MentoringEvent> EventHandler<E> also(WebhookFanout webhooks, EventHandler<E> handler) {
		return (event, metadata) -> {
			handler.handle(event, metadata);
			webhooks.offer(event, metadata);
		};
	}

}
