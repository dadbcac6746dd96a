package com.kreativnomentorstvo.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.participants.OrganisationUpdated;
import com.kreativnomentorstvo.notifications.delivery.DeliveryRetention;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Receiver;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.notifications.support.Smtp;
import com.kreativnomentorstvo.notifications.webhook.WebhookRetention;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/**
 * Nothing grows without bound: the inbox keeps the newest items per recipient and lets read ones go
 * sooner than unread ones; the e-mail and webhook delivery logs forget finished deliveries; and
 * every list a request can make longer has a limit, answered with a 4xx that names the field. The
 * tests' settings: at most 20 notifications per recipient, read ones kept 2 days, unread ones and
 * finished deliveries 5 days.
 */
class BoundedGrowthIT extends ServiceUnderTest {

	private static final TestTokens TOKENS = TestTokens.shared();

	@Autowired
	InboxRetention inbox;

	@Autowired
	DeliveryRetention deliveries;

	@Autowired
	WebhookRetention webhookDeliveries;

	@Autowired
	MongoOperations mongo;

	@Test
	void aRecipientKeepsHerNewestNotificationsAndTheOldestGoFirst() {
		String programmeId = Fixtures.unique("programme");
		String organisation = Fixtures.unique("org");
		Person mentor = Fixtures.aMentor(programmeId, organisation);
		Person mentee = Fixtures.aMentee(programmeId, organisation);
		Events.publish(mentee.enrolled());
		String token = TOKENS.participant(mentee.id, organisation, "mentee");
		eventually().until(() -> total(token) == 1);
		List<String> matches = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			String match = Fixtures.unique("match");
			matches.add(match);
			Events.publish(new MatchExpired(match, programmeId, organisation, mentor.id, mentee.id, Instant.now()),
					mentee.id); // one key: applied in this order
		}

		eventually().until(() -> mongo.count(Query.query(Criteria.where("recipientId").is(mentee.id)
			.and("details.matchId").is(matches.get(23))), Notification.class) == 1);

		assertThat(total(token)).isEqualTo(20);
		List<String> kept = new ArrayList<>();
		api().get("/api/v1/notifications?size=100", token).json().path("items").forEach(item -> kept.add(item.path("kind")
			.asString()));
		assertThat(kept).containsOnly("match-expired");
		List<String> keptMatches = mongo.find(Query.query(Criteria.where("recipientId").is(mentee.id)), Notification.class)
			.stream()
			.map(n -> n.details().matchId())
			.toList();
		assertThat(keptMatches).containsExactlyInAnyOrderElementsOf(matches.subList(4, 24));
	}

	@Test
	void readNotificationsGoSoonerThanUnreadOnesAndFinishedDeliveriesAreForgotten() {
		String programmeId = Fixtures.unique("programme");
		String organisation = Fixtures.unique("org");
		Person mentor = Fixtures.aMentor(programmeId, organisation);
		Person mentee = Fixtures.aMentee(programmeId, organisation);
		Events.publish(mentee.enrolled());
		Events.publish(mentee.contact());
		String token = TOKENS.participant(mentee.id, organisation, "mentee");
		Events.publish(new MatchExpired(Fixtures.unique("match"), programmeId, organisation, mentor.id, mentee.id,
				Instant.now()), mentee.id);
		eventually().until(() -> total(token) == 2 && Smtp.to(mentee.email()).size() == 2);
		eventually().until(() -> deliveryStatuses(mentee).equals(List.of("DELIVERED", "DELIVERED")));
		String readOne = api().get("/api/v1/notifications", token).json().path("items").get(1).path("id").asString();
		assertThat(api().post("/api/v1/notifications/" + readOne + "/read", token, "").status()).isEqualTo(200);
		Receiver receiver = new Receiver();
		try {
			String coordinator = TOKENS.coordinator(organisation);
			Reply hook = api().post("/api/v1/webhooks", coordinator, Map.of("url", receiver.url(), "eventTypes",
					List.of(EventType.ORGANISATION_UPDATED.typeName()), "secret", "whsec-test-0123456789abcdef"));
			Events.publish(new OrganisationUpdated(organisation, "Kultura Nova", "HR", "ngo", List.of("name"), 1,
					Instant.now()));
			String webhook = hook.json().path("id").asString();
			eventually().until(() -> api().get("/api/v1/webhooks/" + webhook + "/deliveries", coordinator).json()
				.path("items").findValuesAsString("status").equals(List.of("DELIVERED")));

			clock.advance(Duration.ofDays(3));
			inbox.purge();
			deliveries.purge();
			webhookDeliveries.purge();

			// read for more than 2 days: gone; unread, and the logs, within their 5 days: still there
			assertThat(ids(token)).doesNotContain(readOne).hasSize(1);
			assertThat(deliveryStatuses(mentee)).hasSize(2);
			assertThat(api().get("/api/v1/webhooks/" + webhook + "/deliveries", coordinator).json().path("total")
				.asLong()).isEqualTo(1);

			clock.advance(Duration.ofDays(3));
			inbox.purge();
			deliveries.purge();
			webhookDeliveries.purge();

			assertThat(total(token)).isZero();
			assertThat(deliveryStatuses(mentee)).isEmpty();
			assertThat(api().get("/api/v1/webhooks/" + webhook + "/deliveries", coordinator).json().path("total")
				.asLong()).isZero();
		}
		finally {
			receiver.close();
		}
	}

	@Test
	void aRequestPastALimitIsRefusedNamingTheField() {
		String organisation = Fixtures.unique("org");
		String coordinator = TOKENS.coordinator(organisation);
		Map<String, Object> webhook = Map.of("url", "https://hooks.example.org/in", "eventTypes",
				List.of(EventType.ORGANISATION_UPDATED.typeName()), "secret", "whsec-test-0123456789abcdef");
		for (int i = 0; i < 20; i++) {
			assertThat(api().post("/api/v1/webhooks", coordinator, webhook).status()).isEqualTo(201);
		}

		Reply full = api().post("/api/v1/webhooks", coordinator, webhook);
		assertField(full, 409, "webhooks");
		assertThat(full.json().path("type").asString()).isEqualTo("urn:mentoring:problem:limit-reached");
		assertThat(full.json().path("limit").asInt()).isEqualTo(20);
		assertThat(api().get("/api/v1/webhooks", coordinator).json().path("total").asLong()).as("none past the limit")
			.isEqualTo(20);
		Map<String, Object> longList = new HashMap<>(webhook);
		longList.put("eventTypes", Collections.nCopies(101, EventType.ORGANISATION_UPDATED.typeName()));
		assertField(api().post("/api/v1/webhooks", TOKENS.coordinator(Fixtures.unique("org")), longList), 400,
				"eventTypes");

		Person mentee = Fixtures.aMentee(Fixtures.unique("programme"), organisation);
		Events.publish(mentee.enrolled());
		String token = TOKENS.participant(mentee.id, organisation, "mentee");
		eventually().until(() -> total(token) == 1);
		Map<String, Object> kinds = new HashMap<>();
		for (int i = 0; i < 200; i++) {
			kinds.put("kind-" + i, Map.of("email", true, "inApp", true));
		}
		assertField(api().put("/api/v1/participants/" + mentee.id + "/notification-preferences", token,
				Map.of("kinds", kinds)), 422, "kinds");
	}

	private List<String> deliveryStatuses(Person person) {
		return api().get("/api/v1/notifications/deliveries?recipientId=" + person.id,
				TOKENS.coordinator(person.organisationId)).json().path("items").findValuesAsString("status");
	}

	private long total(String token) {
		return api().get("/api/v1/notifications", token).json().path("total").asLong();
	}

	private List<String> ids(String token) {
		return api().get("/api/v1/notifications", token).json().path("items").findValuesAsString("id");
	}

	private static void assertField(Reply response, int status, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		JsonNode errors = response.json().path("errors");
		assertThat(errors.findValuesAsString("field")).contains(field);
	}

}
