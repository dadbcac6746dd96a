package com.kreativnomentorstvo.participants;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.participants.certificate.Certificates;
import com.kreativnomentorstvo.participants.participant.Pairs;
import com.kreativnomentorstvo.platform.messaging.Subscriptions;

/**
 * Everything participant-service listens to, in one place: which pairs matching-service formed, so
 * that the two of a pair see each other's profile cards, and which mentorships ended, so that both
 * members of a completed one get a participation certificate. Each handler translates and delegates.
 */
@Configuration(proxyBeanMethods = false)
class EventSubscriptions {

	/** The consumer group: the service's name. */
	static final String CONSUMER = "participant-service";

	@Bean
	Subscriptions participantServiceSubscriptions(Pairs pairs, Certificates certificates) {
		return Subscriptions.forConsumer(CONSUMER)
			.on(MatchProposed.class, (event, meta) -> pairs.proposed(event))
			.on(MatchDeclined.class, (event, meta) -> pairs.declined(event))
			.on(MatchExpired.class, (event, meta) -> pairs.expired(event))
			.on(MentorshipStarted.class, (event, meta) -> pairs.started(event))
			.on(MentorshipEnded.class, (event, meta) -> certificates.mentorshipEnded(event));
	}

}
