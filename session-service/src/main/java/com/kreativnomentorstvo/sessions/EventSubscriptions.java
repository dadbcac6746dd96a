package com.kreativnomentorstvo.sessions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.matching.MatchAccepted;
import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.events.participants.OrganisationRegistered;
import com.kreativnomentorstvo.events.participants.OrganisationUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantAdmitted;
import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantRejected;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeStatusChanged;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.platform.messaging.Subscriptions;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.programmes.ProgrammeStatuses;
import com.kreativnomentorstvo.sessions.departure.Departures;
import com.kreativnomentorstvo.sessions.mentorship.MentorshipLifecycle;
import com.kreativnomentorstvo.sessions.privacy.Erasure;
import com.kreativnomentorstvo.sessions.programmeevent.PreviousCycleTrainings;
import com.kreativnomentorstvo.sessions.projection.Projections;

/** Everything session-service listens to, in one place. Each handler translates and delegates. */
@Configuration(proxyBeanMethods = false)
class EventSubscriptions {

	/** The consumer group: the service's name. */
	static final String CONSUMER = "session-service";

	@Bean
	Subscriptions sessionServiceSubscriptions(ProgrammeDirectory programmes, ProgrammeStatuses statuses,
			Projections projections, MentorshipLifecycle mentorships, Departures departures, Erasure erasure,
			PreviousCycleTrainings trainings) {
		return Subscriptions.forConsumer(CONSUMER)
			// participant-service: programmes (access, milestones), organisations and participants (zones,
			// membership, the funder report's groups)
			.on(ProgrammeCreated.class, (event, meta) -> {
				programmes.created(event, meta);
				// a next cycle: the previous cycle's trainings, planned once whatever the deliveries
				trainings.carryOver(event.programme());
			})
			.on(ProgrammeUpdated.class, programmes::updated)
			// an ARCHIVED programme is read-only here too
			.on(ProgrammeStatusChanged.class, (event, meta) -> statuses.changed(event))
			.on(OrganisationRegistered.class, (event, meta) -> projections.organisationRegistered(event))
			.on(OrganisationUpdated.class, (event, meta) -> projections.organisationUpdated(event))
			.on(ParticipantEnrolled.class, (event, meta) -> projections.participantEnrolled(event))
			.on(ParticipantProfileUpdated.class, (event, meta) -> projections.participantProfileUpdated(event))
			.on(ParticipantAdmitted.class,
					(event, meta) -> projections.participantDecided(event.participantId(), ParticipantStatus.ACCEPTED))
			.on(ParticipantRejected.class,
					(event, meta) -> projections.participantDecided(event.participantId(), ParticipantStatus.REJECTED))
			.on(ParticipantWithdrawn.class, (event, meta) -> departures.withdrawn(event))
			.on(ParticipantErased.class, (event, meta) -> erasure.erase(event))
			// the compacted contacts topic: display names only, dropped on its tombstone
			.on(ParticipantContactChanged.class, (event, meta) -> projections.contactChanged(event))
			.onTombstone(Topics.PARTICIPANT_CONTACTS, projections::contactErased)
			// matching-service: pairs begin and end; proposals for the "unanswered" report
			.on(MentorshipStarted.class, (event, meta) -> mentorships.started(event))
			.on(MentorshipEnded.class, (event, meta) -> mentorships.ended(event))
			.on(MatchProposed.class, (event, meta) -> projections.matchProposed(event))
			.on(MatchAccepted.class, (event, meta) -> projections.matchAccepted(event))
			.on(MatchDeclined.class, (event, meta) -> projections.matchDeclined(event))
			.on(MatchExpired.class, (event, meta) -> projections.matchExpired(event));
	}

}
