package com.kreativnomentorstvo.notifications.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Receiver;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.notifications.support.Smtp;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/participants/{id}/personal-data/notifications}: everything this service holds
 * about her, in the export contract every service answers with: her recipient record, her
 * preferences, her inbox as she reads it, the metadata of the e-mails sent to her, which
 * organisations' systems were sent events about her, and the reminders planned for her; never a
 * link's id or token.
 */
class PersonalDataIT extends ServiceUnderTest {

	private static final TestTokens TOKENS = TestTokens.shared();

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	ProgrammeDirectory programmes;

	@Test
	void theExportHoldsWhatTheServiceKeepsAboutHerAndNoLink() {
		String programmeId = Fixtures.unique("programme");
		String organiser = Fixtures.unique("org-organiser");
		String partner = Fixtures.unique("org-partner");
		Events.publish(Fixtures.programme(programmeId, organiser, List.of(partner), null));
		eventually().until(() -> programmes.find(programmeId).isPresent());
		try (Receiver partnerSystem = new Receiver()) {
			assertThat(api().post("/api/v1/webhooks", TOKENS.coordinator(partner),
					Map.of("url", partnerSystem.url(), "eventTypes", List.of(EventType.PARTICIPANT_ENROLLED.typeName()),
							"secret", "whsec-test-0123456789abcdef"))
				.status()).isEqualTo(201);
			Person mentor = Fixtures.aMentor(programmeId, organiser);
			Person mentee = Fixtures.aMentee(programmeId, partner).speaking("hr").named("Ivana Izvoz");
			for (Person person : List.of(mentor, mentee)) {
				Events.publish(person.enrolled());
				Events.publish(person.contact());
			}
			eventually().until(() -> recipients.find(mentee.id).map(r -> r.email() != null).orElse(false)
					&& recipients.find(mentor.id).isPresent());
			String linkId = Fixtures.linkId();
			Events.publish(mentee.passwordLink("RESET", linkId, Instant.now().plus(Duration.ofHours(2))));
			Events.publish(Fixtures.session(mentor, mentee, clock.instant().plus(Duration.ofDays(5))));
			assertThat(api().put("/api/v1/participants/" + mentee.id + "/notification-preferences", mentee.token(),
					Map.of("locale", "hr", "quietHours", Map.of("from", "23:00", "to", "06:00")))
				.status()).isEqualTo(200);
			eventually().until(() -> Smtp.to(mentee.email()).size() >= 3 && partnerSystem.requests().size() == 2);
			eventually().until(() -> deliveredKinds(mentee).containsAll(List.of("password-link", "session-scheduled")));

			Reply export = api().get("/api/v1/participants/" + mentee.id + "/personal-data/notifications",
					mentee.token());

			assertThat(export.status()).as(export.body()).isEqualTo(200);
			JsonNode body = export.json();
			assertThat(body.path("service").asString()).isEqualTo("notifications");
			assertThat(body.path("participantId").asString()).isEqualTo(mentee.id);
			assertThat(Instant.parse(body.path("exportedAt").asString())).isNotNull();
			JsonNode data = body.path("data");
			assertThat(data.path("recipient").path("email").asString()).isEqualTo(mentee.email());
			assertThat(data.path("recipient").path("displayName").asString()).isEqualTo("Ivana Izvoz");
			assertThat(data.path("recipient").path("organisationId").asString()).isEqualTo(partner);
			assertThat(data.path("recipient").path("accountId").asString()).isEqualTo(mentee.accountId());
			assertThat(data.path("preferences").path("locale").asString()).isEqualTo("hr");
			assertThat(data.path("preferences").path("quietFrom").asString()).startsWith("23:00");
			assertThat(data.path("inbox").findValuesAsString("kind")).contains("enrolment-confirmed",
					"session-scheduled");
			assertThat(data.path("inbox").get(0).path("title").asString()).isNotBlank();
			JsonNode passwordMail = null;
			for (JsonNode delivery : data.path("deliveries")) {
				if ("password-link".equals(delivery.path("kind").asString())) {
					passwordMail = delivery;
				}
			}
			assertThat(passwordMail).isNotNull();
			assertThat(passwordMail.path("channel").asString()).isEqualTo("EMAIL");
			assertThat(passwordMail.path("status").asString()).isEqualTo("DELIVERED");
			assertThat(passwordMail.path("deliveredAt").asString()).isNotBlank();
			assertThat(data.path("webhookDeliveries")).hasSize(1); // the mentor's enrolment is not about her
			JsonNode webhook = data.path("webhookDeliveries").get(0);
			assertThat(webhook.path("eventType").asString()).isEqualTo(EventType.PARTICIPANT_ENROLLED.typeName());
			assertThat(webhook.path("organisationId").asString()).isEqualTo(partner);
			assertThat(data.path("reminders").findValuesAsString("kind").stream().filter("session-reminder"::equals))
				.as("24 h and 1 h before her session").hasSize(2);
			assertThat(export.body()).doesNotContain(linkId).doesNotContain("token=");
			// her steward's coordinators and admins may read it too; the same answer
			assertThat(api().get("/api/v1/participants/" + mentee.id + "/personal-data/notifications",
					TOKENS.coordinator(partner)).json().path("data").path("recipient").path("email").asString())
				.isEqualTo(mentee.email());
		}
	}

	private List<String> deliveredKinds(Person person) {
		return api().get("/api/v1/notifications/deliveries?recipientId=" + person.id, person.token())
			.json()
			.path("items")
			.findValuesAsString("kind");
	}

}
