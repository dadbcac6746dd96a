package com.kreativnomentorstvo.matching;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeStatusChanged;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.matching.config.MatchingProperties;
import com.kreativnomentorstvo.matching.privacy.Erasure;
import com.kreativnomentorstvo.matching.projection.ParticipantProjection;
import com.kreativnomentorstvo.platform.messaging.Subscriptions;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;

/** Every event the matching service consumes, in one place. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingProperties.class)
class EventSubscriptions {

	@Bean
	Subscriptions matchingSubscriptions(ProgrammeDirectory programmes, ParticipantProjection projection,
			Departures departures, Closings closings, Erasure erasure) {
		return Subscriptions.forConsumer("matching-service")
			.on(ProgrammeCreated.class, programmes::created)
			.on(ProgrammeUpdated.class, programmes::updated)
			.on(ProgrammeStatusChanged.class, (event, meta) -> closings.statusChanged(event))
			.on(ParticipantEnrolled.class, (event, meta) -> projection.enrolled(event.profile()))
			.on(ParticipantProfileUpdated.class,
					(event, meta) -> projection.profileUpdated(event.profile(), event.version()))
			.on(ParticipantWithdrawn.class,
					(event, meta) -> departures.withdrawn(event.participantId(), event.programmeId()))
			.on(ParticipantErased.class, (event, meta) -> erasure.erase(event.participantId(), event.programmeId()));
	}

}
