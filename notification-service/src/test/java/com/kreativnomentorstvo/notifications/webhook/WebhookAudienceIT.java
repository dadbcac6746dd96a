package com.kreativnomentorstvo.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.matching.Contribution;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Receiver;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * Webhooks of the organisations of one regional programme receive what each may read through the
 * API: a pair stewarded by partner 1 books a session, and its meeting link reaches partner 1's
 * system only; the organiser's system hears of the proposal (it runs the matching) but not of the
 * session; partner 2's system sees the enrolments (profile cards) and nothing else of the pair; an
 * organisation outside the programme hears nothing; an admin's instance-wide subscription everything.
 */
class WebhookAudienceIT extends ServiceUnderTest {

	private static final TestTokens TOKENS = TestTokens.shared();

	private static final String ENROLLED = EventType.PARTICIPANT_ENROLLED.typeName();

	private static final String ADMITTED = EventType.PARTICIPANT_ADMITTED.typeName();

	private static final String PROPOSED = EventType.MATCH_PROPOSED.typeName();

	private static final String SCHEDULED = EventType.SESSION_SCHEDULED.typeName();

	private static final List<String> TYPES = List.of(ENROLLED, ADMITTED, PROPOSED, SCHEDULED);

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	ProgrammeDirectory programmes;

	private final List<Receiver> receivers = new ArrayList<>();

	@AfterEach
	void stopReceivers() {
		receivers.forEach(Receiver::close);
	}

	@Test
	void eachOrganisationsWebhookReceivesWhatItMayReadThroughTheApi() {
		String programmeId = Fixtures.unique("programme");
		String organiser = Fixtures.unique("org-organiser");
		String partner = Fixtures.unique("org-partner");
		String otherPartner = Fixtures.unique("org-other-partner");
		String outsider = Fixtures.unique("org-outside");
		Events.publish(Fixtures.programme(programmeId, organiser, List.of(partner, otherPartner), null));
		eventually().until(() -> programmes.find(programmeId).isPresent());
		Map<String, Receiver> systems = new LinkedHashMap<>();
		Map<String, String> hooks = new LinkedHashMap<>();
		for (String organisation : List.of(organiser, partner, otherPartner, outsider)) {
			Receiver receiver = new Receiver();
			receivers.add(receiver);
			systems.put(organisation, receiver);
			hooks.put(organisation, subscribe(TOKENS.coordinator(organisation), receiver, null));
		}
		Receiver instanceWide = new Receiver();
		receivers.add(instanceWide);
		String instanceHook = subscribe(TOKENS.admin("org-operator"), instanceWide, null);

		Person mentor = Fixtures.aMentor(programmeId, partner);
		Person mentee = Fixtures.aMentee(programmeId, partner);
		Events.publish(mentor.enrolled());
		Events.publish(mentee.enrolled());
		eventually().until(() -> recipients.find(mentor.id).isPresent() && recipients.find(mentee.id).isPresent());
		Events.publish(mentee.admitted(mentee.accountId(), null, null));
		Events.publish(new MatchProposed(Fixtures.unique("match"), programmeId, organiser, "run-1", "RUN", mentor.id,
				mentee.id, 81, List.of(new Contribution("goals", 40, "Goals match skills")),
				Instant.now().plus(Duration.ofDays(7)), Instant.now()));
		SessionScheduled session = Fixtures.session(mentor, mentee, clock.instant().plus(Duration.ofDays(10)));
		Events.publish(new SessionScheduled(session.sessionId(), session.mentorshipId(), programmeId, organiser,
				mentor.id, mentee.id, session.start(), session.timeZone(), 60, session.mode(),
				"https://meet.example.org/partner-pair-room", null, 0, Instant.now()));

		eventually().until(() -> types(systems.get(partner)).containsAll(TYPES) && types(instanceWide).containsAll(TYPES));
		// every subscription's deliveries of an event are queued at once, so what is not queued now never will be
		assertThat(logged(hooks.get(partner), TOKENS.coordinator(partner))).containsOnlyKeys(TYPES)
			.containsEntry(ENROLLED, 2L);
		assertThat(logged(hooks.get(organiser), TOKENS.coordinator(organiser))).containsOnlyKeys(ENROLLED, PROPOSED);
		assertThat(logged(hooks.get(otherPartner), TOKENS.coordinator(otherPartner))).containsOnlyKeys(ENROLLED)
			.containsEntry(ENROLLED, 2L);
		assertThat(logged(hooks.get(outsider), TOKENS.coordinator(outsider))).isEmpty();
		assertThat(logged(instanceHook, TOKENS.admin("org-operator"))).containsOnlyKeys(TYPES);
		for (String organisation : List.of(organiser, otherPartner, outsider)) {
			assertThat(systems.get(organisation).requests()).as(organisation)
				.noneMatch(r -> new String(r.body(), StandardCharsets.UTF_8).contains("partner-pair-room"));
		}
		assertThat(systems.get(partner).requests())
			.anyMatch(r -> new String(r.body(), StandardCharsets.UTF_8).contains("partner-pair-room"));
		// an instance-wide subscription hears of every test's events: not beyond this one
		assertThat(api().delete("/api/v1/webhooks/" + instanceHook, TOKENS.admin("org-operator")).status())
			.isEqualTo(204);
	}

	@Test
	void aPairWithAMemberFromOutsideTheProgrammeIsAlsoTheOrganisersToHearOf() {
		String programmeId = Fixtures.unique("programme");
		String organiser = Fixtures.unique("org-organiser");
		String partner = Fixtures.unique("org-partner");
		Events.publish(Fixtures.programme(programmeId, organiser, List.of(partner), null));
		eventually().until(() -> programmes.find(programmeId).isPresent());
		Receiver organiserSystem = new Receiver();
		Receiver partnerSystem = new Receiver();
		receivers.add(organiserSystem);
		receivers.add(partnerSystem);
		String organiserHook = subscribe(TOKENS.coordinator(organiser), organiserSystem, List.of(SCHEDULED));
		String partnerHook = subscribe(TOKENS.coordinator(partner), partnerSystem, List.of(SCHEDULED));
		Person mentor = Fixtures.aMentor(programmeId, partner);
		Person mentee = Fixtures.aMentee(programmeId, Fixtures.unique("org-not-in-the-programme"));
		Events.publish(mentor.enrolled());
		Events.publish(mentee.enrolled());
		eventually().until(() -> recipients.find(mentor.id).isPresent() && recipients.find(mentee.id).isPresent());

		Events.publish(Fixtures.session(mentor, mentee, clock.instant().plus(Duration.ofDays(3))));

		eventually().until(() -> organiserSystem.requests().size() == 1 && partnerSystem.requests().size() == 1);
		assertThat(logged(organiserHook, TOKENS.coordinator(organiser))).containsOnlyKeys(SCHEDULED);
		assertThat(logged(partnerHook, TOKENS.coordinator(partner))).containsOnlyKeys(SCHEDULED);
	}

	private List<String> types(Receiver receiver) {
		return receiver.requests().stream().map(r -> r.header("ce-type")).toList();
	}

	/** How many deliveries of each type the subscription's log holds. */
	private Map<String, Long> logged(String webhook, String token) {
		Map<String, Long> counts = new LinkedHashMap<>();
		api().get("/api/v1/webhooks/" + webhook + "/deliveries?size=100", token)
			.json()
			.path("items")
			.forEach(item -> counts.merge(item.path("eventType").asString(), 1L, Long::sum));
		return counts;
	}

	private String subscribe(String token, Receiver receiver, List<String> types) {
		Reply created = api().post("/api/v1/webhooks", token, Map.of("url", receiver.url(), "eventTypes",
				types == null ? TYPES : types, "secret", "whsec-test-0123456789abcdef"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asString();
	}

}
