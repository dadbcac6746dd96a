package com.kreativnomentorstvo.notifications.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.events.matching.Contribution;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.notifications.delivery.Deliveries;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.support.Api;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.notifications.support.Smtp;
import com.kreativnomentorstvo.testkit.TestTokens;

class ErasureIT extends ServiceUnderTest {

	private static final TestTokens TOKENS = TestTokens.shared();

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	Deliveries deliveries;

	@Autowired
	MongoOperations mongo;

	@Test
	void anErasedParticipantLeavesNothingBehindAndReplayedEventsDoNotBringHerBack() {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organisationId, List.of(), null));
		Person mentor = Fixtures.aMentor(programmeId, organisationId);
		Person mentee = Fixtures.aMentee(programmeId, organisationId).speaking("hr").named("Ivana Erased");
		for (Person person : List.of(mentor, mentee)) {
			Events.publish(person.enrolled());
			Events.publish(person.contact());
		}
		eventually().until(() -> recipients.find(mentee.id).map(Recipient::email).isPresent()
				&& recipients.find(mentor.id).map(Recipient::email).isPresent());
		Events.publish(new MatchProposed(Fixtures.unique("match"), programmeId, organisationId, null, "MANUAL",
				mentor.id, mentee.id, 80, List.of(new Contribution("goals", 50, "Goals match")),
				Instant.now().plus(Duration.ofDays(7)), Instant.now()));
		Events.publish(Fixtures.session(mentor, mentee, clock.instant().plus(Duration.ofDays(4))));
		String menteeToken = TOKENS.participant(mentee.id, organisationId, "mentee");
		String preferences = "/api/v1/participants/" + mentee.id + "/notification-preferences";
		Api api = api();
		assertThat(api.put(preferences, menteeToken, Map.of("locale", "hr"), Map.of()).status()).isEqualTo(200);
		eventually().until(() -> Smtp.to(mentee.email()).size() >= 3 && mentorInbox(api, mentor).contains("Ivana Erased"));
		eventually().until(() -> mongo.exists(Query.query(Criteria.where("recipients").is(mentee.id)), "reminders"));

		Events.publish(new ParticipantErased(mentee.id, programmeId, organisationId, Instant.now()));

		eventually().until(() -> recipients.find(mentee.id).isEmpty() && recipients.isErased(mentee.id));
		eventually().until(() -> !mentorInbox(api, mentor).contains("Ivana Erased"));
		assertThat(mongo.find(Query.query(Criteria.where("recipientId").is(mentee.id).and("inApp").is(true)),
				Notification.class)).isEmpty();
		assertThat(deliveries.findByRecipientId(mentee.id, Pageable.unpaged()))
			.allSatisfy(d -> {
				assertThat(d.address()).isNull();
				assertThat(d.lastError()).isNull();
				assertThat(d.status()).isNotIn(Delivery.Status.PENDING, Delivery.Status.AWAITING_CONTACT);
			});
		assertThat(mongo.exists(Query.query(Criteria.where("_id").is(mentee.id)), Preferences.class)).isFalse();
		assertThat(mongo.exists(Query.query(Criteria.where("recipients").is(mentee.id)), "reminders")).isFalse();
		assertThat(api.get("/api/v1/notifications?recipientId=" + mentee.id, TOKENS.admin(organisationId)).json()
			.path("total").asLong()).isZero();
		assertThat(mentorInbox(api, mentor)).contains("Proposed mentee: see the platform");

		// the topics keep their history: a replay of her enrolment and contact record changes nothing
		Events.publish(mentee.enrolled());
		Events.publish(mentee.contact());
		Person marker = Fixtures.aMentee(programmeId, organisationId);
		Events.publish(marker.enrolled(), mentee.id); // same keys, so applied after the replays
		Events.publish(marker.contact(), mentee.id);
		eventually().until(() -> recipients.find(marker.id).map(Recipient::email).isPresent());
		assertThat(recipients.find(mentee.id)).isEmpty();
		assertThat(mongo.find(Query.query(Criteria.where("recipientId").is(mentee.id)), Notification.class)).isEmpty();
	}

	@Test
	void aTombstoneOnTheContactsTopicErasesTheParticipantToo() {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Person mentor = Fixtures.aMentor(programmeId, organisationId);
		Events.publish(mentor.enrolled());
		Events.publish(mentor.contact());
		eventually().until(() -> recipients.find(mentor.id).map(Recipient::email).isPresent()
				&& !mongo.find(Query.query(Criteria.where("recipientId").is(mentor.id)), Notification.class).isEmpty());

		Events.tombstone(mentor.id);

		eventually().until(() -> recipients.isErased(mentor.id) && recipients.find(mentor.id).isEmpty());
		eventually().until(() -> mongo.find(Query.query(Criteria.where("recipientId").is(mentor.id).and("inApp").is(true)),
				Notification.class).isEmpty());
		assertThat(deliveries.findByRecipientId(mentor.id, Pageable.unpaged())).allMatch(d -> d.address() == null);
	}

	private static String mentorInbox(Api api, Person mentor) {
		return api.get("/api/v1/notifications", TOKENS.participant(mentor.id, mentor.organisationId, "mentor")).text();
	}

}
