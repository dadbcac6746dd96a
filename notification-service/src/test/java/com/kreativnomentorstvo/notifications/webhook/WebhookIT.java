package com.kreativnomentorstvo.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventSchemas;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.participants.OrganisationRegistered;
import com.kreativnomentorstvo.events.participants.OrganisationUpdated;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Mail;
import com.kreativnomentorstvo.notifications.support.Receiver;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.notifications.support.Smtp;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

class WebhookIT extends ServiceUnderTest {

	private static final TestTokens TOKENS = TestTokens.shared();

	private static final String SECRET = "whsec-test-0123456789abcdef";

	private static final String SCHEDULED = EventType.SESSION_SCHEDULED.typeName();

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	MongoOperations mongo;

	private final Receiver receiver = new Receiver();

	private final String organisation = Fixtures.unique("org");

	private final String coordinator = TOKENS.coordinator(organisation);

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void anEndpointReceivesSignedCloudEventsInHttpBinaryMode() throws Exception {
		String webhook = subscribe(receiver.url(), List.of(SCHEDULED), "ops@" + organisation + ".org");
		SessionScheduled ofAnotherOrganisation = session(Fixtures.unique("org"));
		Events.publish(ofAnotherOrganisation);
		Events.publish(new OrganisationRegistered(organisation, "Kultura Nova", "HR", "ngo", Instant.now()));
		SessionScheduled session = session(organisation);

		Events.Published published = Events.publish(session);

		eventually().until(() -> receiver.requests().size() == 1);
		Receiver.Request request = receiver.requests().get(0);
		assertThat(request.header("ce-specversion")).isEqualTo("1.0");
		assertThat(request.header("ce-id")).isEqualTo(published.id());
		assertThat(request.header("ce-type")).isEqualTo(SCHEDULED);
		assertThat(request.header("ce-source")).isEqualTo("/test/" + Topics.SESSIONS);
		assertThat(request.header("ce-subject")).isEqualTo(session.sessionId());
		assertThat(OffsetDateTime.parse(request.header("ce-time"))).isNotNull();
		assertThat(request.header("ce-organisationid")).isEqualTo(organisation);
		assertThat(request.header("ce-programmeid")).isEqualTo(session.programmeId());
		assertThat(request.header("ce-dataschema")).endsWith("/" + SCHEDULED + ".json");
		assertThat(request.header("content-type")).startsWith("application/json");
		String body = new String(request.body(), StandardCharsets.UTF_8);
		assertThat(body).contains("\"sessionId\":\"" + session.sessionId() + "\"").contains("\"sequence\":0");

		// signed as Standard Webhooks defines it: its library verifies the delivery as a subscriber would
		assertThat(request.header("webhook-signature")).matches("v1,[A-Za-z0-9+/]{43}=");
		Map<String, List<String>> headers = new HashMap<>();
		request.headers().forEach((name, value) -> headers.put(name, List.of(value)));
		new Webhook(SECRET.getBytes(StandardCharsets.UTF_8)).verify(body, headers);
		assertThatThrownBy(() -> new Webhook("another-secret-0123456789".getBytes(StandardCharsets.UTF_8))
			.verify(body, headers)).isInstanceOf(WebhookVerificationException.class);

		JsonNode log = api().get("/api/v1/webhooks/" + webhook + "/deliveries", coordinator).json();
		assertThat(log.path("total").asLong()).isEqualTo(1);
		JsonNode delivery = log.path("items").get(0);
		assertThat(delivery.path("eventId").asString()).isEqualTo(published.id());
		assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED");
		assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(200);
		assertThat(request.header("webhook-id")).isEqualTo(delivery.path("id").asString());
		EventAssertions.assertContractKept(EventRecords.await(Topics.NOTIFICATIONS,
				r -> delivery.path("id").asString().equals(r.key())
						&& EventType.NOTIFICATION_DELIVERED.typeName().equals(EventRecords.header(r, "ce_type"))
						&& EventRecords.value(r).contains("\"WEBHOOK\"")
						&& EventRecords.value(r).contains("\"kind\":\"session-scheduled\"")));
		assertThat(receiver.requests()).hasSize(1); // neither the other organisation's event nor another type
		assertThat(counter("mentoring_notifications_webhook_total", "delivered")).isGreaterThanOrEqualTo(1.0);
		for (String outcome : List.of("failed", "held-back", "abandoned")) {
			assertThat(counter("mentoring_notifications_webhook_total", outcome)).as(outcome).isNotNull();
		}
	}

	@Test
	void aDeliveryThatWentOutIsRecordedOnceNotSentAgainWhenItChangedWhileOnItsWay() {
		String webhook = subscribe(receiver.url(), List.of(SCHEDULED), null);
		// another writer changes the delivery while the endpoint answers: the sender's copy is stale
		receiver.beforeAnswering(request -> mongo.updateFirst(
				Query.query(Criteria.where("_id").is(request.header("webhook-id"))), new Update().inc("version", 1),
				"webhook_deliveries"));
		Events.publish(new OrganisationRegistered(organisation, "Kultura Nova", "HR", "ngo", Instant.now()));

		Events.Published published = Events.publish(session(organisation));

		eventually().until(() -> "DELIVERED".equals(api().get("/api/v1/webhooks/" + webhook + "/deliveries", coordinator)
			.json()
			.path("items")
			.path(0)
			.path("status")
			.asString()));
		JsonNode delivery = api().get("/api/v1/webhooks/" + webhook + "/deliveries", coordinator).json().path("items").get(0);
		assertThat(delivery.path("eventId").asString()).isEqualTo(published.id());
		assertThat(delivery.path("requests").asInt()).isEqualTo(1);
		assertThat(receiver.requests()).hasSize(1);
		EventRecords.await(Topics.NOTIFICATIONS, r -> delivery.path("id").asString().equals(r.key())
				&& EventType.NOTIFICATION_DELIVERED.typeName().equals(EventRecords.header(r, "ce_type")));
	}

	@Test
	void decisionsOnApplicationsAndInvitationsAreOfferedButLinksAndStaffAccountsAreNot() {
		List<String> offered = List.of(EventType.PARTICIPANT_ADMITTED.typeName(),
				EventType.PARTICIPANT_REJECTED.typeName(), EventType.PARTICIPANT_INVITED.typeName());
		List<String> withheld = List.of(EventType.APPLICATION_SUBMITTED.typeName(),
				EventType.PASSWORD_LINK_ISSUED.typeName(), EventType.COORDINATOR_APPOINTED.typeName(),
				EventType.COORDINATOR_REMOVED.typeName(), EventType.COORDINATOR_CONTACT_CHANGED.typeName(),
				EventType.PARTICIPANT_CONTACT_CHANGED.typeName());
		List<String> listed = new ArrayList<>();
		api().get("/api/v1/webhooks/event-types", coordinator).json().forEach(type -> listed.add(type.asString()));
		assertThat(listed).containsAll(offered).doesNotContainAnyElementsOf(withheld);
		for (String type : withheld) {
			assertThat(api().post("/api/v1/webhooks", coordinator, request(receiver.url(), List.of(type))).status())
				.as(type).isEqualTo(422);
		}
		subscribe(receiver.url(), offered, null);
		String programmeId = Fixtures.unique("programme");
		Events.publish(Fixtures.programme(programmeId, organisation, List.of(), null));
		Person applicant = Fixtures.aMentee(programmeId, organisation).applying();
		Events.publish(applicant.applied(Fixtures.linkId(), Instant.now().plus(Duration.ofDays(2))));
		Events.publish(applicant.passwordLink("RESET", Fixtures.linkId(), Instant.now().plus(Duration.ofHours(1))));

		Events.Published admitted = Events.publish(applicant.admitted("account-1", Fixtures.linkId(),
				Instant.now().plus(Duration.ofDays(7))));

		// the same key, so the events before it were applied (and not forwarded) by then
		eventually().until(() -> receiver.requests().size() == 1);
		assertThat(receiver.requests().get(0).header("ce-id")).isEqualTo(admitted.id());
		assertThat(receiver.requests().get(0).header("ce-type")).isEqualTo(EventType.PARTICIPANT_ADMITTED.typeName());
	}

	@Test
	void anOrganisationsOwnSubscriberHearsOfItsCorrection() {
		String updated = EventType.ORGANISATION_UPDATED.typeName();
		subscribe(receiver.url(), List.of(updated), null);
		Events.publish(new OrganisationUpdated(Fixtures.unique("org"), "Another", "SI", "ngo", List.of("name"), 1,
				Instant.now()));

		Events.Published published = Events.publish(new OrganisationUpdated(organisation, "Kultura Nova", "HR",
				"network", List.of("kind"), 1, Instant.now()));

		eventually().until(() -> receiver.requests().size() == 1);
		Receiver.Request request = receiver.requests().get(0);
		assertThat(request.header("ce-id")).isEqualTo(published.id());
		assertThat(request.header("ce-type")).isEqualTo(updated);
		assertThat(request.header("ce-organisationid")).isEqualTo(organisation);
		assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains("\"changedFields\":[\"kind\"]");
	}

	@Test
	void theDataGoesOutAsItsProducerWroteItWithFieldsThisServiceDoesNotKnow() {
		subscribe(receiver.url(), List.of(SCHEDULED), null);
		SessionScheduled session = session(organisation);
		String newerSchema = EventSchemas.SCHEMA_BASE + "2027/" + SCHEDULED + ".json";
		String newerData = new String(EventJson.write(session), StandardCharsets.UTF_8).replaceFirst("}$",
				",\"addedByANewerProducer\":{\"room\":\"B-12\"}}");

		Events.Published published = Events.publish(session, newerData, newerSchema);

		eventually().until(() -> receiver.requests().size() == 1);
		Receiver.Request request = receiver.requests().get(0);
		assertThat(request.header("ce-id")).isEqualTo(published.id());
		assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(newerData)
			.contains("\"addedByANewerProducer\":{\"room\":\"B-12\"}");
		assertThat(request.header("ce-dataschema")).isEqualTo(newerSchema);
	}

	@Test
	void failedRequestsAreRetriedWithBackOffUntilTheEndpointAnswers() {
		receiver.answering(500, 503);
		String webhook = subscribe(receiver.url(), List.of(SCHEDULED), null);

		Events.Published published = Events.publish(session(organisation));

		eventually().until(() -> deliveries(webhook).path("items").path(0).path("status").asString().equals("DELIVERED"));
		assertThat(receiver.requests()).hasSize(3)
			.allMatch(r -> published.id().equals(r.header("ce-id")));
		JsonNode delivery = deliveries(webhook).path("items").get(0);
		assertThat(delivery.path("requests").asInt()).isEqualTo(3);
		assertThat(delivery.path("attempts").findValuesAsString("statusCode")).containsExactly("500", "503", "200");
		JsonNode subscription = api().get("/api/v1/webhooks/" + webhook, coordinator).json();
		assertThat(subscription.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(subscription.path("consecutiveFailures").asInt()).isZero();
		assertThat(subscription.path("circuit").asString()).isEqualTo("CLOSED");
	}

	@Test
	void aFailingEndpointOpensItsCircuitAndIsDisabledAfterAWhileWithANoticeToItsOwner() {
		receiver.otherwise(500);
		String owner = Fixtures.unique("ops") + "@example.org";
		String webhook = subscribe(receiver.url(), List.of(SCHEDULED), owner);

		Events.publish(session(organisation));

		eventually().until(() -> "OPEN".equals(api().get("/api/v1/webhooks/" + webhook, coordinator).json()
			.path("circuit").asString()));
		assertThat(receiver.requests()).hasSize(4); // three in the first dispatch, one more opens the breaker
		Events.publish(session(organisation));
		eventually().until(() -> deliveries(webhook).path("items").findValuesAsString("error").contains("circuit open"));
		assertThat(receiver.requests()).hasSize(4); // held back: the open circuit spares the endpoint
		assertThat(api().get("/api/v1/webhooks/" + webhook, coordinator).json().path("status").asString())
			.isEqualTo("ACTIVE");

		clock.advance(Duration.ofHours(2));

		eventually().until(() -> "DISABLED".equals(api().get("/api/v1/webhooks/" + webhook, coordinator).json()
			.path("status").asString()));
		JsonNode disabled = api().get("/api/v1/webhooks/" + webhook, coordinator).json();
		assertThat(disabled.path("disabledReason").asString()).startsWith("failed 4 requests in a row");
		eventually().until(() -> !Smtp.to(owner).isEmpty());
		MimeMessage notice = Smtp.to(owner).get(0);
		assertThat(Mail.subject(notice)).isEqualTo("Webhook disabled after repeated failures");
		assertThat(Mail.part(notice, "text/plain").text()).contains(receiver.url())
			.contains("Failed requests in a row: 4");
		assertThat(Mail.header(notice, "List-Unsubscribe")).isNull();
		assertThat(receiver.requests()).hasSize(4);

		String anyDelivery = deliveries(webhook).path("items").get(0).path("id").asString();
		assertThat(api().post("/api/v1/webhooks/" + webhook + "/deliveries/" + anyDelivery + "/redeliver", coordinator, "")
			.status()).isEqualTo(409);
	}

	@Test
	void theOwnerCanAskForAnEventAgain() {
		String webhook = subscribe(receiver.url(), List.of(SCHEDULED), null);
		Events.Published published = Events.publish(session(organisation));
		eventually().until(() -> receiver.requests().size() == 1);
		eventually().until(() -> deliveries(webhook).path("items").path(0).path("status").asString().equals("DELIVERED"));
		String delivery = deliveries(webhook).path("items").get(0).path("id").asString();

		Reply asked = api().post("/api/v1/webhooks/" + webhook + "/deliveries/" + delivery + "/redeliver",
				coordinator, "");

		assertThat(asked.status()).isEqualTo(202);
		eventually().until(() -> receiver.requests().size() == 2);
		Receiver.Request again = receiver.requests().get(1);
		assertThat(again.header("ce-id")).isEqualTo(published.id());
		assertThat(again.header("webhook-id")).isEqualTo(delivery);
		assertThat(again.body()).isEqualTo(receiver.requests().get(0).body());
		eventually().until(() -> api().get("/api/v1/webhooks/" + webhook + "/deliveries/" + delivery, coordinator).json()
			.path("requests").asInt() == 2);
		JsonNode log = api().get("/api/v1/webhooks/" + webhook + "/deliveries/" + delivery, coordinator).json();
		assertThat(log.path("attempts").findValuesAsString("trigger")).containsExactly("event", "redelivery");
		assertThat(api().post("/api/v1/webhooks/" + webhook + "/deliveries/no-such/redeliver", coordinator, "").status())
			.isEqualTo(404);
	}

	@Test
	void loopbackPrivateAndNonHttpUrlsAreRefusedUnlessTheOperatorAllowsTheRange() {
		for (String refused : List.of("http://127.0.0.2:" + receiver.port() + "/hook", "http://[::1]:8080/hook",
				"http://10.0.0.1/hook", "http://192.168.0.10/hook", "http://169.254.169.254/latest/meta-data/",
				"ftp://127.0.0.1/hook", "file:///etc/passwd")) {
			Reply response = api().post("/api/v1/webhooks", coordinator, request(refused, List.of(SCHEDULED)));
			assertThat(response.status()).as(refused).isEqualTo(422);
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
		}
		assertThat(receiver.requests()).isEmpty();
		// the tests' operator setting allows 127.0.0.1/32, and only that
		assertThat(api().post("/api/v1/webhooks", coordinator, request(receiver.url(), List.of(SCHEDULED))).status())
			.isEqualTo(201);
	}

	@Test
	void webhooksAreForAdminsAndCoordinatorsOfTheirOwnOrganisation() {
		String webhook = subscribe(receiver.url(), List.of(SCHEDULED), null);
		ServiceApi api = api();
		String stranger = TOKENS.coordinator(Fixtures.unique("org"));

		assertThat(api.get("/api/v1/webhooks/" + webhook, stranger).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/webhooks/" + webhook + "/deliveries", stranger).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/webhooks/" + webhook, stranger).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/webhooks", stranger).json().path("items").findValuesAsString("id"))
			.doesNotContain(webhook);
		assertThat(api.get("/api/v1/webhooks", TOKENS.participant("p-1", organisation, "mentee")).status())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/webhooks/" + webhook, TOKENS.admin("org-operator")).status()).isEqualTo(200);
		JsonNode view = api.get("/api/v1/webhooks/" + webhook, coordinator).json();
		assertThat(view.has("secret")).isFalse();
		assertThat(view.path("organisationId").asString()).isEqualTo(organisation);

		Reply unknownType = api.post("/api/v1/webhooks", coordinator,
				request(receiver.url(), List.of("mentoring.participant.contact-changed.v1")));
		assertThat(unknownType.status()).isEqualTo(422);
		assertThat(unknownType.json().path("errors").get(0).path("field").asString()).isEqualTo("eventTypes[0]");
		Map<String, Object> weakSecret = new HashMap<>(request(receiver.url(), List.of(SCHEDULED)));
		weakSecret.put("secret", "short");
		Reply weak = api.post("/api/v1/webhooks", coordinator, weakSecret);
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().path("errors").get(0).path("field").asString()).isEqualTo("secret");
		assertThat(api.delete("/api/v1/webhooks/" + webhook, coordinator).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/webhooks/" + webhook, coordinator).status()).isEqualTo(404);
	}

	private String subscribe(String url, List<String> types, String contactEmail) {
		Map<String, Object> request = new HashMap<>(request(url, types));
		if (contactEmail != null) {
			request.put("contactEmail", contactEmail);
		}
		Reply created = api().post("/api/v1/webhooks", coordinator, request);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith(created.json().path("id").asString());
		return created.json().path("id").asString();
	}

	private static Map<String, Object> request(String url, List<String> types) {
		return Map.of("url", url, "eventTypes", types, "secret", SECRET, "description", "Partner CRM");
	}

	private JsonNode deliveries(String webhook) {
		return api().get("/api/v1/webhooks/" + webhook + "/deliveries", coordinator).json();
	}

	/**
	 * A session of a pair of the organisation in a programme it runs, whose members the service
	 * knows (so it knows their steward).
	 */
	private SessionScheduled session(String organisationId) {
		String programmeId = Fixtures.unique("programme");
		Events.publish(Fixtures.programme(programmeId, organisationId, List.of(), null));
		Person mentor = Fixtures.aMentor(programmeId, organisationId);
		Person mentee = Fixtures.aMentee(programmeId, organisationId);
		Events.publish(mentor.enrolled());
		Events.publish(mentee.enrolled());
		eventually().until(() -> recipients.find(mentor.id).isPresent() && recipients.find(mentee.id).isPresent());
		return Fixtures.session(mentor, mentee, clock.instant().plus(Duration.ofDays(30)));
	}


}
