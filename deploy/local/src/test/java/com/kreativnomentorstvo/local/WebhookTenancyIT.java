package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.Journeys.accept;
import static com.kreativnomentorstvo.local.Journeys.accountOf;
import static com.kreativnomentorstvo.local.Journeys.awaitMentorship;
import static com.kreativnomentorstvo.local.Journeys.book;
import static com.kreativnomentorstvo.local.Journeys.inZagreb;
import static com.kreativnomentorstvo.local.Journeys.offeredTypes;
import static com.kreativnomentorstvo.local.Journeys.pair;
import static com.kreativnomentorstvo.local.Journeys.subscribe;
import static com.kreativnomentorstvo.local.Journeys.unique;
import static com.kreativnomentorstvo.local.RunningStack.JSON;
import static com.kreativnomentorstvo.local.RunningStack.send;
import static com.kreativnomentorstvo.local.RunningStack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.kreativnomentorstvo.local.WebhookReceiver.Received;

/**
 * Webhooks on the running stack, through the gateway, receive only what their organisation may read
 * through the API. The organiser and two partners of a programme each subscribe a system of theirs
 * (a real HTTP server of this test on loopback) to every type the platform offers; participants of
 * partner 1 are enrolled, admitted or rejected by partner 1, two are paired by the organiser and book,
 * move and call off a session: its meeting link reaches partner 1's system only. Every delivery the
 * three systems receive about them is checked against who may read it ({@link #mayReceive}, one rule
 * for each offered type: a type the platform offers and this test does not know fails it); the
 * organiser's and partner 2's systems never receive an address, a review reason or a meeting link.
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

	private static final String REJECTED = "mentoring.participant.rejected.v1";

	private static final String RESCHEDULED = "mentoring.session.rescheduled.v1";

	private static final String CANCELLED = "mentoring.session.cancelled.v1";

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
			List<String> offered = offeredTypes(partner);
			assertThat(offered).contains(ENROLLED, ADMITTED, REJECTED, STARTED, SCHEDULED, RESCHEDULED, CANCELLED);
			offered.forEach(type -> assertThat(mayReceive(type, Reader.STEWARD)).as(type + " reaches her steward").isTrue());
			for (String organisation : systems.keySet()) {
				hooks.put(organisation, subscribe(coordinators.get(organisation), systems.get(organisation), offered,
						"system test"));
			}

			// three participants of partner 1: two admitted by partner 1's coordinator, one rejected
			String mentor = enrol(admin, programme, "MENTOR");
			String mentee = enrol(admin, programme, "MENTEE");
			String rejected = enrol(admin, programme, "MENTEE");
			accept(partner, mentor);
			accept(partner, mentee);
			String reviewReason = "Review note " + unique() + ": not eligible this year";
			HttpResponse<String> refused = send("POST", "/api/v1/participants/" + rejected + "/reject", partner,
					JSON.writeValueAsString(Map.of("reasonCode", "NOT_ELIGIBLE", "reason", reviewReason)));
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);

			// the organiser's coordinator pairs them; the mentee books their first session
			pair(organiser, programme, mentor, mentee);
			String her = stack.sign(RunningStack.claims(accountOf(partner, mentee), PARTNER, "mentee").build());
			String session = book(her, awaitMentorship(her, programme));
			HttpResponse<String> moved = send("PATCH", "/api/v1/sessions/" + session, her, """
					{"start": "%s", "timeZone": "Europe/Zagreb", "durationMinutes": 60}""".formatted(inZagreb(8)));
			assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

			await("partner 1's system has the session with its meeting link").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(partnerSystem.typesAbout(session)).contains(SCHEDULED, RESCHEDULED));
			String meetingUrl = partnerSystem.received().stream()
				.filter(r -> SCHEDULED.equals(r.type()) && r.data().contains(session))
				.map(r -> JSON.readTree(r.data()).path("meetingUrl").asString())
				.findFirst()
				.orElseThrow();
			assertThat(meetingUrl).startsWith("https://");
			HttpResponse<String> calledOff = send("POST", "/api/v1/sessions/" + session + "/cancel", her,
					"{\"reason\": \"SCHEDULE_CONFLICT\"}");
			assertThat(calledOff.statusCode()).as(calledOff.body()).isEqualTo(200);
			await("the organiser's system has the mentorship").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(organiserSystem.typesAbout(mentee)).contains(STARTED));
			await("partner 1's system has the session called off").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(partnerSystem.typesAbout(session)).contains(CANCELLED));

			// every subscription's deliveries of an event are queued together: once none waits, none comes
			for (String organisation : systems.keySet()) {
				await(organisation + "'s deliveries all made").atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofSeconds(1))
					.untilAsserted(() -> assertThat(statuses(hooks.get(organisation), coordinators.get(organisation)))
						.doesNotContain("PENDING"));
			}
			assertThat(partnerSystem.typesAbout(mentor)).contains(ENROLLED, ADMITTED, STARTED, SCHEDULED, RESCHEDULED,
					CANCELLED);
			assertThat(partnerSystem.typesAbout(mentee)).contains(ENROLLED, ADMITTED, STARTED, SCHEDULED, RESCHEDULED,
					CANCELLED);
			assertThat(partnerSystem.typesAbout(rejected)).contains(ENROLLED, REJECTED);
			for (String participant : List.of(mentor, mentee)) {
				assertThat(organiserSystem.typesAbout(participant)).contains(ENROLLED, STARTED)
					.doesNotContain(ADMITTED, SCHEDULED, RESCHEDULED, CANCELLED);
				assertThat(otherPartnerSystem.typesAbout(participant)).contains(ENROLLED)
					.doesNotContain(ADMITTED, STARTED, SCHEDULED, RESCHEDULED, CANCELLED);
			}
			assertThat(organiserSystem.typesAbout(rejected)).contains(ENROLLED).doesNotContain(REJECTED);
			assertThat(otherPartnerSystem.typesAbout(rejected)).contains(ENROLLED).doesNotContain(REJECTED);

			// every delivery about them, whatever its type, went only where its reader may read it through the API
			Map<String, Reader> readers = Map.of(PARTNER, Reader.STEWARD, ORGANISER, Reader.RUNNER, OTHER_PARTNER,
					Reader.PARTNER);
			for (String organisation : systems.keySet()) {
				List<String> about = new ArrayList<>();
				for (String id : List.of(programme, mentor, mentee, rejected, session)) {
					about.addAll(systems.get(organisation).typesAbout(id));
				}
				assertThat(about).as(organisation).allSatisfy(type -> assertThat(
						mayReceive(type, readers.get(organisation))).as("%s may receive %s", organisation, type).isTrue());
			}
			for (WebhookReceiver system : systems.values()) {
				assertThat(system.received()).as("signed as Standard Webhooks defines it").allMatch(Received::verified);
			}
			List<String> secrets = List.of(session, meetingUrl, reviewReason, mentor + "@example.org",
					mentee + "@example.org", rejected + "@example.org");
			for (String organisation : List.of(ORGANISER, OTHER_PARTNER)) {
				assertThat(systems.get(organisation).received()).as(organisation)
					.allSatisfy(r -> assertThat(secrets).noneMatch(secret -> r.data().contains(secret)));
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

	/** Who reads a partner's participant through the API. */
	private enum Reader {

		/** Her organisation, taking part in the programme: everything about her. */
		STEWARD,
		/** The organiser, who runs the programme: her profile card and the pairs it makes. */
		RUNNER,
		/** Another partner of the programme: her profile card. */
		PARTNER

	}

	/**
	 * Whether a subscription of the reader's organisation may receive an event of the type about a
	 * participant of partner 1 (or about the programme), as the API lets that organisation read her; a
	 * type the platform offers that is not listed fails the test until it is given its readers here.
	 */
	private static boolean mayReceive(String type, Reader reader) {
		String name = type.substring("mentoring.".length(), type.lastIndexOf(".v"));
		return switch (name) {
			case "participant.enrolled", "participant.profile-updated", "participant.withdrawn", "participant.erased",
					"programme.created", "programme.updated", "programme.status-changed", "organisation.registered",
					"organisation.updated",
					"programme-event.scheduled", "programme-event.rescheduled", "programme-event.cancelled",
					"programme-event.turnout-flagged" ->
				true;
			case "match.proposed", "match.accepted", "match.declined", "match.expired", "mentorship.started",
					"mentorship.ended" ->
				reader != Reader.PARTNER;
			case "participant.admitted", "participant.rejected", "participant.invited", "session.scheduled",
					"session.rescheduled", "session.cancelled", "session.held", "feedback.submitted",
					"review.submitted", "survey.requested", "survey.answered" ->
				reader == Reader.STEWARD;
			default -> throw new AssertionError(type + " is offered to webhooks and has no readers in this test");
		};
	}

	/** The statuses of the subscription's newest deliveries. */
	private static List<String> statuses(String hook, String token) throws Exception {
		HttpResponse<String> log = send("GET", "/api/v1/webhooks/" + hook + "/deliveries?size=100", token, null);
		assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
		List<String> statuses = new ArrayList<>();
		JSON.readTree(log.body()).path("items").forEach(item -> statuses.add(item.path("status").asString()));
		return statuses;
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

}
