package com.kreativnomentorstvo.participants;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.participants.participant.Pairs;
import com.kreativnomentorstvo.platform.messaging.Subscriptions;

/**
 * Everything participant-service listens to, in one place: which pairs matching-service formed, so
 * that the two of a pair see each other's profile cards. Each handler translates and delegates.
 */
@Configuration(proxyBeanMethods = false)
class EventSubscriptions {

	/** The consumer group: the service's name. */
	static final String CONSUMER = "participant-service";

	@Bean
	Subscriptions participantServiceSubscriptions(Pairs pairs) {
		return Subscriptions.forConsumer(CONSUMER)
			.on(MatchProposed.class, (event, meta) -> pairs.proposed(event))
			.on(MatchDeclined.class, (event, meta) -> pairs.declined(event))
			.on(MatchExpired.class, (event, meta) -> pairs.expired(event))
			.on(MentorshipStarted.class, (event, meta) -> pairs.started(event));
	}

}
