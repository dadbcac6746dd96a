package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.RunningStack.JSON;
import static com.kreativnomentorstvo.local.RunningStack.send;
import static com.kreativnomentorstvo.local.RunningStack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * Webhooks on the running stack, through the gateway, receive only what their organisation may read
 * through the API. The organiser and two partners of a programme each subscribe a system of theirs
 * (a real HTTP server of this test on loopback); two participants of partner 1 are enrolled and
 * admitted by partner 1, paired by the organiser, and book a session: its meeting link reaches
 * partner 1's system only. The organiser's system hears of the enrolments and the mentorship it
 * made, not of the admissions or the session; partner 2's of the enrolments (profile cards) only.
 */
@Order(5)
@ExtendWith(RunningStack.Extension.class)
class WebhookTenancyIT {

	private static final String ORGANISER = "org-creative-mentorship";

	private static final String PARTNER = "org-kultura-nova";

	private static final String OTHER_PARTNER = "org-skopje-creative-hub";

	private static final String ENROLLED = "mentoring.participant.enrolled.v1";

	private static final String ADMITTED = "mentoring.participant.admitted.v1";

	private static final String STARTED = "mentoring.mentorship.started.v1";

	private static final String SCHEDULED = "mentoring.session.scheduled.v1";

	private static final List<String> TYPES = List.of(ENROLLED, ADMITTED, STARTED, SCHEDULED);

	@Test
	void aPartnersPairsMeetingLinkReachesThatPartnersSystemOnly(RunningStack stack) throws Exception {
		String admin = token("admin");
		String organiser = token("coordinator.rs");
		String partner = token("coordinator.hr");
		String otherPartner = token("coordinator.mk");
		Map<String, String> coordinators = new LinkedHashMap<>(
				Map.of(ORGANISER, organiser, PARTNER, partner, OTHER_PARTNER, otherPartner));
		String programme = programme(organiser);
		Map<String, WebhookReceiver> systems = new LinkedHashMap<>();
		Map<String, String> hooks = new LinkedHashMap<>();
		try (WebhookReceiver organiserSystem = new WebhookReceiver();
				WebhookReceiver partnerSystem = new WebhookReceiver();
				WebhookReceiver otherPartnerSystem = new WebhookReceiver()) {
			systems.put(ORGANISER, organiserSystem);
			systems.put(PARTNER, partnerSystem);
			systems.put(OTHER_PARTNER, otherPartnerSystem);
			for (String organisation : systems.keySet()) {
				hooks.put(organisation, subscribe(coordinators.get(organisation), systems.get(organisation)));
			}

			// two participants of partner 1, admitted by partner 1's coordinator
			String mentor = enrol(admin, programme, "MENTOR");
			String mentee = enrol(admin, programme, "MENTEE");
			for (String participant : List.of(mentor, mentee)) {
				HttpResponse<String> accepted = send("POST", "/api/v1/participants/" + participant + "/accept", partner,
						"{}");
				assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
			}

			// the organiser's coordinator pairs them; the mentee books their first session
			String mentorship = pair(organiser, programme, mentor, mentee);
			String her = stack.sign(RunningStack.claims(accountOf(partner, mentee), PARTNER, "mentee").build());
			String mentorshipId = awaitMentorship(her, programme, mentorship);
			String start = LocalDateTime.now(ZoneId.of("Europe/Zagreb")).plusDays(7).withHour(18)
				.truncatedTo(ChronoUnit.HOURS).toString();
			HttpResponse<String> booked = send("POST", "/api/v1/mentorships/" + mentorshipId + "/sessions", her, """
					{"start": "%s", "timeZone": "Europe/Zagreb", "durationMinutes": 60}""".formatted(start));
			assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
			String session = JSON.readTree(booked.body()).path("id").asString();

			await("partner 1's system has the session with its meeting link").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(partnerSystem.typesAbout(session)).contains(SCHEDULED));
			String meetingUrl = partnerSystem.received().stream()
				.filter(r -> SCHEDULED.equals(r.type()) && r.data().contains(session))
				.map(r -> JSON.readTree(r.data()).path("meetingUrl").asString())
				.findFirst()
				.orElseThrow();
			assertThat(meetingUrl).startsWith("https://");
			await("the organiser's system has the mentorship").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(organiserSystem.typesAbout(mentee)).contains(STARTED));

			// every subscription's deliveries of an event are queued together: once none waits, none comes
			for (String organisation : systems.keySet()) {
				await(organisation + "'s deliveries all made").atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofSeconds(1))
					.untilAsserted(() -> assertThat(statuses(hooks.get(organisation), coordinators.get(organisation)))
						.doesNotContain("PENDING"));
			}
			assertThat(partnerSystem.typesAbout(mentor)).contains(ENROLLED, ADMITTED, STARTED, SCHEDULED);
			assertThat(partnerSystem.typesAbout(mentee)).contains(ENROLLED, ADMITTED, STARTED, SCHEDULED);
			assertThat(organiserSystem.typesAbout(mentor)).containsExactlyInAnyOrder(ENROLLED, STARTED);
			assertThat(organiserSystem.typesAbout(mentee)).containsExactlyInAnyOrder(ENROLLED, STARTED);
			assertThat(otherPartnerSystem.typesAbout(mentor)).containsExactly(ENROLLED);
			assertThat(otherPartnerSystem.typesAbout(mentee)).containsExactly(ENROLLED);
			for (String organisation : List.of(ORGANISER, OTHER_PARTNER)) {
				assertThat(systems.get(organisation).received()).as(organisation)
					.noneMatch(r -> r.data().contains(session))
					.noneMatch(r -> r.data().contains(meetingUrl));
			}
		}
		finally {
			hooks.forEach((organisation, hook) -> {
				try {
					send("DELETE", "/api/v1/webhooks/" + hook, coordinators.get(organisation), null);
				}
				catch (Exception ex) {
					// the stack stops after the tests anyway
				}
			});
		}
	}

	/** The statuses of the subscription's newest deliveries. */
	private static List<String> statuses(String hook, String token) throws Exception {
		HttpResponse<String> log = send("GET", "/api/v1/webhooks/" + hook + "/deliveries?size=100", token, null);
		assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
		List<String> statuses = new ArrayList<>();
		JSON.readTree(log.body()).path("items").forEach(item -> statuses.add(item.path("status").asString()));
		return statuses;
	}

	private static String subscribe(String coordinator, WebhookReceiver system) throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/webhooks", coordinator, JSON.writeValueAsString(Map.of(
				"url", system.url(), "eventTypes", TYPES, "secret", "whsec-system-test-0123456789",
				"description", "system test")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).path("id").asString();
	}

	/** A programme of the organiser with both partners, whose policy lets one organisation's people pair. */
	private static String programme(String organiser) throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Belgrade"));
		HttpResponse<String> created = send("POST", "/api/v1/programmes", organiser, """
				{"name": "Webhook tenancy %s", "organiserId": "%s", "partnerIds": ["%s", "%s"], "startsOn": "%s",
				 "endsOn": "%s", "timeZone": "Europe/Belgrade", "languages": ["en", "hr"],
				 "enrolmentOpensOn": "%s", "enrolmentClosesOn": "%s",
				 "matchingPolicy": {"sameOrganisationAllowed": true}}
				""".formatted(unique(), ORGANISER, PARTNER, OTHER_PARTNER, today.plusDays(1), today.plusDays(180),
				today.minusDays(1), today.plusDays(30)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).path("id").asString();
	}

	private static String enrol(String admin, String programme, String role) throws Exception {
		String id = "p-webhooks-" + unique();
		String levels = "MENTOR".equals(role) ? "\"skills\": [{\"code\": \"digital-tools\", \"level\": 4}]"
				: "\"goals\": [{\"code\": \"digital-tools\", \"level\": 5}]";
		HttpResponse<String> enrolled = send("POST", "/api/v1/participants", admin, """
				{"id": "%s", "programmeId": "%s", "role": "%s", "displayName": "Webhook %s",
				 "email": "%s@example.org", "organisationId": "%s", "country": "HR", "city": "Zagreb",
				 "languages": ["hr", "en"], "preferredLocale": "hr", %s, "format": "ONLINE",
				 "timeZone": "Europe/Zagreb", "availability": [{"day": "TUESDAY", "from": "17:00", "to": "20:00"}],
				 "consent": {"version": "2026-10", "scopes": ["programme-participation", "matching", "notifications"]}}
				""".formatted(id, programme, role, role.toLowerCase(), id, PARTNER, levels));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		return id;
	}

	/** Pairs them by hand, started at once, as soon as matching knows both as admitted. */
	private static String pair(String organiser, String programme, String mentor, String mentee) {
		String[] match = new String[1];
		await("both admitted in matching's view").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				HttpResponse<String> created = send("POST", "/api/v1/programmes/" + programme + "/matches", organiser,
						"""
								{"mentorId": "%s", "menteeId": "%s", "startNow": true}""".formatted(mentor, mentee));
				assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
				match[0] = JSON.readTree(created.body()).path("id").asString();
			});
		return match[0];
	}

	/** The account her admission linked to her enrolment, as her steward sees it. */
	private static String accountOf(String steward, String participant) {
		String[] account = new String[1];
		await("her account").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			HttpResponse<String> view = send("GET", "/api/v1/participants/" + participant, steward, null);
			assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
			account[0] = JSON.readTree(view.body()).path("accountId").asString();
			assertThat(account[0]).isNotBlank();
		});
		return account[0];
	}

	private static String awaitMentorship(String token, String programme, String match) {
		String[] mentorship = new String[1];
		await("the mentorship").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			HttpResponse<String> found = send("GET", "/api/v1/mentorships?programmeId=" + programme, token, null);
			assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
			List<String> ids = new ArrayList<>();
			for (JsonNode item : JSON.readTree(found.body()).path("items")) {
				ids.add(item.path("id").asString());
			}
			assertThat(ids).hasSize(1);
			mentorship[0] = ids.get(0);
		});
		return mentorship[0];
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
