package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.RunningStack.JSON;
import static com.kreativnomentorstvo.local.RunningStack.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The steps of a pair's journey through the gateway that several system tests take: admit, pair,
 * find her account and their mentorship, book a session, subscribe a system to webhooks. Each step
 * asserts its answer; steps that depend on an event reaching another service wait for it.
 */
final class Journeys {

	private Journeys() {
	}

	/** Her steward admits her. */
	static void accept(String coordinator, String participant) throws Exception {
		HttpResponse<String> accepted = send("POST", "/api/v1/participants/" + participant + "/accept", coordinator,
				"{}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
	}

	/**
	 * A coordinator of the organisation enrols a mentor (speaking Serbian and English, hybrid, from the
	 * given place) and admits her at once; the enrolment's id.
	 */
	static String enrolAndAdmitMentor(String coordinator, String programme, String organisation, String name,
			String email, String country, String city, int capacity) throws Exception {
		HttpResponse<String> enrolled = send("POST", "/api/v1/participants", coordinator, """
				{"programmeId": "%s", "role": "MENTOR", "displayName": "%s", "email": "%s",
				 "organisationId": "%s", "country": "%s", "city": "%s", "languages": ["sr-Latn", "en"],
				 "preferredLocale": "sr-Latn", "skills": [{"code": "digital-tools", "level": 5}], "capacity": %d,
				 "format": "HYBRID", "timeZone": "Europe/Belgrade",
				 "consent": {"version": "2026-10", "scopes": ["programme-participation", "matching", "notifications"]}}
				""".formatted(programme, name, email, organisation, country, city, capacity));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		String mentor = JSON.readTree(enrolled.body()).path("id").asString();
		accept(coordinator, mentor);
		return mentor;
	}

	/** Waits until her confirmed application is in the coordinators' queue. */
	static void awaitApplication(String coordinator, String programme, String participant) {
		await("her confirmed application in the coordinators' queue").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(ids(send("GET",
					"/api/v1/participants?programmeId=" + programme + "&status=APPLIED", coordinator, null), "items"))
				.contains(participant));
	}

	/** Pairs them by hand, started at once, as soon as matching knows both as admitted; the match id. */
	static String pair(String organiser, String programme, String mentor, String mentee) {
		String[] match = new String[1];
		await("both admitted in matching's view").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				HttpResponse<String> created = send("POST", "/api/v1/programmes/" + programme + "/matches", organiser,
						"{\"mentorId\": \"%s\", \"menteeId\": \"%s\", \"startNow\": true}".formatted(mentor, mentee));
				assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
				match[0] = JSON.readTree(created.body()).path("id").asString();
			});
		return match[0];
	}

	/** The account her admission linked to her enrolment, as her steward sees it. */
	static String accountOf(String steward, String participant) {
		String[] account = new String[1];
		await("her account").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			HttpResponse<String> view = send("GET", "/api/v1/participants/" + participant, steward, null);
			assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
			account[0] = JSON.readTree(view.body()).path("accountId").asString();
			assertThat(account[0]).isNotBlank();
		});
		return account[0];
	}

	/** The one mentorship the caller has in the programme, once the session service has it. */
	static String awaitMentorship(String token, String programme) {
		String[] mentorship = new String[1];
		await("the mentorship").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			List<String> found = ids(send("GET", "/api/v1/mentorships?programmeId=" + programme, token, null), "items");
			assertThat(found).hasSize(1);
			mentorship[0] = found.get(0);
		});
		return mentorship[0];
	}

	/** A start in Zagreb at 18:00, the given number of days from now, as a local date-time. */
	static String inZagreb(int days) {
		return LocalDateTime.now(ZoneId.of("Europe/Zagreb")).plusDays(days).withHour(18).truncatedTo(ChronoUnit.HOURS)
			.toString();
	}

	/** Books an hour's session of the mentorship a week from now; the session id. */
	static String book(String token, String mentorship) throws Exception {
		HttpResponse<String> booked = send("POST", "/api/v1/mentorships/" + mentorship + "/sessions", token, """
				{"start": "%s", "timeZone": "Europe/Zagreb", "durationMinutes": 60}""".formatted(inZagreb(7)));
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		return JSON.readTree(booked.body()).path("id").asString();
	}

	/** Every event type the platform offers to webhook subscribers. */
	static List<String> offeredTypes(String coordinator) throws Exception {
		HttpResponse<String> types = send("GET", "/api/v1/webhooks/event-types", coordinator, null);
		assertThat(types.statusCode()).as(types.body()).isEqualTo(200);
		List<String> offered = new ArrayList<>();
		JSON.readTree(types.body()).forEach(type -> offered.add(type.asString()));
		return offered;
	}

	/** Subscribes the system to the types for the coordinator's organisation; the subscription id. */
	static String subscribe(String coordinator, WebhookReceiver system, List<String> types, String description)
			throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/webhooks", coordinator, JSON.writeValueAsString(Map.of(
				"url", system.url(), "eventTypes", types, "secret", WebhookReceiver.SECRET,
				"description", description)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).path("id").asString();
	}

	/** The ids of the items of a list answered 200. */
	static List<String> ids(HttpResponse<String> response, String list) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		JSON.readTree(response.body()).path(list).forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

	/** Eight characters that make a test's names its own. */
	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
