package com.kreativnomentorstvo.notifications.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.events.matching.Contribution;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.notifications.delivery.Deliveries;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Receiver;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.notifications.support.Smtp;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

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
		ServiceApi api = api();
		assertThat(api.put(preferences, menteeToken, Map.of("locale", "hr")).status()).isEqualTo(200);
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

	@Test
	void anEventAboutHerThatArrivesAfterHerErasureReachesNoInboxNoMailNoReminderAndNoWebhook() {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organisationId, List.of(), null));
		Person mentor = Fixtures.aMentor(programmeId, organisationId);
		Person mentee = Fixtures.aMentee(programmeId, organisationId);
		Person otherMentee = Fixtures.aMentee(programmeId, organisationId);
		for (Person person : List.of(mentor, mentee, otherMentee)) {
			Events.publish(person.enrolled());
			Events.publish(person.contact());
		}
		eventually().until(() -> List.of(mentor, mentee, otherMentee)
			.stream()
			.allMatch(p -> recipients.find(p.id).map(Recipient::email).isPresent()));
		try (Receiver receiver = new Receiver()) {
			subscribe(organisationId, receiver, EventType.SESSION_SCHEDULED, EventType.PARTICIPANT_PROFILE_UPDATED,
					EventType.PARTICIPANT_ERASED);
			Events.publish(new ParticipantErased(mentee.id, programmeId, organisationId, Instant.now()));
			eventually().until(() -> recipients.isErased(mentee.id));

			// late, and replayed from the topics' history, each followed by a marker on the same partition
			SessionScheduled late = Fixtures.session(mentor, mentee, clock.instant().plus(Duration.ofDays(3)));
			SessionScheduled marker = Fixtures.session(mentor, otherMentee, clock.instant().plus(Duration.ofDays(4)));
			Events.publish(late, "partition-of-the-late-events");
			Events.publish(marker, "partition-of-the-late-events");
			Events.publish(new ParticipantProfileUpdated(mentee.profile(), 7, Instant.now()), mentee.id);
			Events.publish(new ParticipantProfileUpdated(otherMentee.profile(), 7, Instant.now()), mentee.id);

			eventually().untilAsserted(() -> assertThat(received(receiver)).contains(
					EventType.PARTICIPANT_ERASED.typeName() + " " + mentee.id,
					EventType.SESSION_SCHEDULED.typeName() + " " + marker.sessionId(),
					EventType.PARTICIPANT_PROFILE_UPDATED.typeName() + " " + otherMentee.id));
			assertThat(received(receiver)).hasSize(3);
			assertThat(receiver.requests()).noneMatch(r -> new String(r.body(), StandardCharsets.UTF_8)
				.contains(late.sessionId()));
			assertThat(mongo.find(Query.query(Criteria.where("details.sessionId").is(late.sessionId())),
					Notification.class)).isEmpty();
			assertThat(mongo.exists(Query.query(Criteria.where("subjectId").is(late.sessionId())), "reminders")).isFalse();
			assertThat(mongo.exists(Query.query(Criteria.where("details.sessionId").is(marker.sessionId())),
					Notification.class)).isTrue();
		}
	}

	@Test
	void erasureWithdrawsWhatHasNotGoneOutAboutHerAndEmptiesWhatHas() {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organisationId, List.of(), null));
		Person mentor = Fixtures.aMentor(programmeId, organisationId);
		Person mentee = Fixtures.aMentee(programmeId, organisationId);
		for (Person person : List.of(mentor, mentee)) {
			Events.publish(person.enrolled());
			Events.publish(person.contact());
		}
		eventually().until(() -> recipients.find(mentee.id).map(Recipient::email).isPresent()
				&& recipients.find(mentor.id).map(Recipient::email).isPresent());
		// the mentor's quiet hours hold her e-mails that can wait, such as a proposal
		LocalTime now = clock.instant().atZone(ZoneId.of("Europe/Belgrade")).toLocalTime();
		assertThat(api().put("/api/v1/participants/" + mentor.id + "/notification-preferences", mentor.token(),
				Map.of("quietHours", Map.of("from", hhmm(now.minusHours(1)), "to", hhmm(now.plusHours(3)))))
			.status()).isEqualTo(200);
		try (Receiver answering = new Receiver(); Receiver failing = new Receiver().otherwise(503)) {
			String delivered = subscribe(organisationId, answering, EventType.PARTICIPANT_PROFILE_UPDATED);
			String pending = subscribe(organisationId, failing, EventType.PARTICIPANT_PROFILE_UPDATED);
			Events.publish(new ParticipantProfileUpdated(mentee.profile(), 3, Instant.now()));
			Events.publish(new MatchProposed(Fixtures.unique("match"), programmeId, organisationId, null, "MANUAL",
					mentor.id, mentee.id, 80, List.of(new Contribution("goals", 50, "Goals match")),
					Instant.now().plus(Duration.ofDays(7)), Instant.now()));
			eventually().until(() -> answering.requests().size() == 1 && failing.requests().size() >= 3);
			eventually().until(() -> mongo.exists(Query.query(Criteria.where("recipientId").is(mentor.id)
				.and("kind").is("match-proposed").and("status").is(Delivery.Status.PENDING)), Delivery.class));

			Events.publish(new ParticipantErased(mentee.id, programmeId, organisationId, Instant.now()));

			eventually().until(() -> "CANCELLED".equals(webhookDelivery(pending).getString("status")));
			assertThat(webhookDelivery(pending).getString("failureReason")).isEqualTo("ERASED");
			for (String webhook : List.of(delivered, pending)) {
				assertThat(webhookDelivery(webhook)).doesNotContainKeys("data", "subject");
			}
			assertThat(webhookDelivery(delivered).getString("status")).isEqualTo("DELIVERED");
			String deliveredId = webhookDelivery(delivered).getString("_id");
			Reply again = api().post("/api/v1/webhooks/" + delivered + "/deliveries/" + deliveredId + "/redeliver",
					TOKENS.coordinator(organisationId), "");
			assertThat(again.status()).isEqualTo(409);
			eventually().until(() -> mongo.exists(Query.query(Criteria.where("recipientId").is(mentor.id)
				.and("kind").is("match-proposed").and("status").is(Delivery.Status.CANCELLED)), Delivery.class));
		}
	}

	@Test
	void theDispatchersCheckAgainRightBeforeSending() {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organisationId, List.of(), null));
		Person mentee = Fixtures.aMentee(programmeId, organisationId);
		Events.publish(mentee.enrolled());
		eventually().until(() -> recipients.find(mentee.id).isPresent());
		try (Receiver failing = new Receiver().otherwise(503)) {
			String pending = subscribe(organisationId, failing, EventType.PARTICIPANT_PROFILE_UPDATED);
			Events.publish(new ParticipantProfileUpdated(mentee.profile(), 3, Instant.now()));
			// four failed requests open the endpoint's circuit: the delivery waits, due again in an hour
			eventually().until(() -> String.valueOf(webhookDelivery(pending).get("log")).contains("circuit open"));
			int requests = failing.requests().size();

			// her erasure as another instance recorded it a moment ago, its clean-up not run here
			mongo.insert(new Document("_id", mentee.id).append("erasedAt", new Date()), "erased_participants");
			clock.advance(Duration.ofHours(2));

			eventually().until(() -> "CANCELLED".equals(webhookDelivery(pending).getString("status")));
			assertThat(webhookDelivery(pending)).doesNotContainKeys("data", "subject");
			assertThat(failing.requests()).hasSize(requests);
		}
	}

	/** Each request as its type and the id it is about (the event's subject in its data). */
	private static List<String> received(Receiver receiver) {
		return receiver.requests().stream().map(r -> {
			String body = new String(r.body(), StandardCharsets.UTF_8);
			String about = body.replaceAll("(?s).*?\"(sessionId|participantId)\":\"([^\"]+)\".*", "$2");
			return r.header("ce-type") + " " + about;
		}).toList();
	}

	private Document webhookDelivery(String webhook) {
		return mongo.findOne(Query.query(Criteria.where("subscriptionId").is(webhook)), Document.class,
				"webhook_deliveries");
	}

	private String subscribe(String organisationId, Receiver receiver, EventType... types) {
		Reply created = api().post("/api/v1/webhooks", TOKENS.coordinator(organisationId),
				Map.of("url", receiver.url(), "eventTypes", Arrays.stream(types).map(EventType::typeName).toList(),
						"secret", "whsec-test-0123456789abcdef"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	private static String hhmm(LocalTime time) {
		return String.format("%02d:%02d", time.getHour(), time.getMinute());
	}

	private static String mentorInbox(ServiceApi api, Person mentor) {
		return api.get("/api/v1/notifications", TOKENS.participant(mentor.id, mentor.organisationId, "mentor")).body();
	}

}
