package com.kreativnomentorstvo.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Receiver;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.platform.messaging.EventMetadata;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * Events of different keys arrive in any order: an event whose webhook audience needs a fact this
 * service has not heard of yet (its programme, a member of the pair) waits for it instead of going to
 * too few, goes to its whole audience once the fact arrives, and after the deadline goes to whom the
 * known facts allow. Erasure wins over waiting, and an event offered twice is delivered once.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookAudienceFactsIT extends ServiceUnderTest {

	private static final TestTokens TOKENS = TestTokens.shared();

	private static final String ENROLLED = EventType.PARTICIPANT_ENROLLED.typeName();

	private static final String ERASED = EventType.PARTICIPANT_ERASED.typeName();

	private static final String SCHEDULED = EventType.SESSION_SCHEDULED.typeName();

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	ProgrammeDirectory programmes;

	@Autowired
	WebhookFanout fanout;

	@Autowired
	MongoOperations mongo;

	private final List<Receiver> receivers = new ArrayList<>();

	@AfterEach
	void stopReceivers() {
		receivers.forEach(Receiver::close);
	}

	@Test
	void anEnrolmentAppliedBeforeItsProgrammeReachesTheOrganiserOnceTheProgrammeIsKnown() {
		String programmeId = Fixtures.unique("programme");
		String organiser = Fixtures.unique("org-organiser");
		String partner = Fixtures.unique("org-partner");
		Receiver organiserSystem = receiver();
		Receiver partnerSystem = receiver();
		String organiserHook = subscribe(organiser, organiserSystem, ENROLLED);
		String partnerHook = subscribe(partner, partnerSystem, ENROLLED);
		Person mentee = Fixtures.aMentee(programmeId, partner);

		ParticipantEnrolled enrolment = mentee.enrolled();
		Events.Published enrolled = Events.publish(enrolment);

		eventually().until(() -> recipients.find(mentee.id).isPresent() && waiting(enrolled.id()));
		// offered again while it waits (a replay the platform's inbox did not catch): it waits once
		fanout.offer(enrolment, metadata(enrolled.id(), ENROLLED, mentee.id, programmeId, partner));
		assertThat(logged(organiserHook, organiser)).isEmpty();
		assertThat(logged(partnerHook, partner)).isEmpty();

		Events.publish(Fixtures.programme(programmeId, organiser, List.of(partner), null));

		eventually().until(() -> organiserSystem.requests().size() == 1 && partnerSystem.requests().size() == 1);
		assertThat(organiserSystem.requests().get(0).header("ce-id")).isEqualTo(enrolled.id());
		assertThat(partnerSystem.requests().get(0).header("ce-id")).isEqualTo(enrolled.id());
		assertThat(waiting(enrolled.id())).isFalse();

		// offered again once decided: no second delivery
		fanout.offer(enrolment, metadata(enrolled.id(), ENROLLED, mentee.id, programmeId, partner));
		enrolled.again();
		assertThat(waiting(enrolled.id())).isFalse();
		assertThat(logged(organiserHook, organiser)).containsExactly(Map.entry(ENROLLED, 1L));
		assertThat(logged(partnerHook, partner)).containsExactly(Map.entry(ENROLLED, 1L));
	}

	@Test
	void aSessionWithAMemberNotKnownYetWaitsForHerSoThatHerStewardHearsOfItToo() {
		String programmeId = Fixtures.unique("programme");
		String organiser = Fixtures.unique("org-organiser");
		String partner = Fixtures.unique("org-partner");
		Events.publish(Fixtures.programme(programmeId, organiser, List.of(partner), null));
		eventually().until(() -> programmes.find(programmeId).isPresent());
		Receiver organiserSystem = receiver();
		Receiver partnerSystem = receiver();
		String organiserHook = subscribe(organiser, organiserSystem, SCHEDULED);
		subscribe(partner, partnerSystem, SCHEDULED);
		Person mentor = Fixtures.aMentor(programmeId, partner);
		Person mentee = Fixtures.aMentee(programmeId, Fixtures.unique("org-not-in-the-programme"));
		Events.publish(mentor.enrolled());
		eventually().until(() -> recipients.find(mentor.id).isPresent());

		Events.Published session = Events.publish(Fixtures.session(mentor, mentee, clock.instant().plus(Duration.ofDays(3))));

		eventually().until(() -> waiting(session.id()));
		assertThat(logged(organiserHook, organiser)).isEmpty();
		assertThat(partnerSystem.requests()).isEmpty();

		Events.publish(mentee.enrolled());

		// the organiser stewards the mentee from outside the programme, partner 1 the mentor
		eventually().until(() -> organiserSystem.requests().size() == 1 && partnerSystem.requests().size() == 1);
		assertThat(organiserSystem.requests().get(0).header("ce-id")).isEqualTo(session.id());
		assertThat(waiting(session.id())).isFalse();
	}

	@Test
	void anEventWhoseProgrammeNeverArrivesGoesToWhomTheKnownFactsAllowAtTheDeadline(CapturedOutput output) {
		String programmeId = Fixtures.unique("programme");
		String organisation = Fixtures.unique("org");
		Receiver ownSystem = receiver();
		String ownHook = subscribe(organisation, ownSystem, ENROLLED);
		Person mentee = Fixtures.aMentee(programmeId, organisation);

		Events.Published enrolled = Events.publish(mentee.enrolled());

		eventually().until(() -> waiting(enrolled.id()));
		clock.advance(Duration.ofMinutes(14));
		assertThat(waiting(enrolled.id())).isTrue();
		assertThat(logged(ownHook, organisation)).isEmpty();

		clock.advance(Duration.ofMinutes(2)); // past webhooks.pending.deadline (15m)

		eventually().until(() -> ownSystem.requests().size() == 1);
		assertThat(ownSystem.requests().get(0).header("ce-id")).isEqualTo(enrolled.id());
		assertThat(waiting(enrolled.id())).isFalse();
		assertThat(output.getAll()).containsPattern("WARN .*Webhook event " + enrolled.id() + " \\("
				+ ENROLLED.replace(".", "\\.") + "\\) waited since .* for \\[programme:" + programmeId + "]");
	}

	@Test
	void anEventAboutHerWaitingForItsProgrammeIsDeletedAtHerErasureAndNeverSent() {
		String programmeId = Fixtures.unique("programme");
		String organisation = Fixtures.unique("org");
		Receiver system = receiver();
		String hook = subscribe(organisation, system, ENROLLED, ERASED);
		Person mentee = Fixtures.aMentee(programmeId, organisation);
		Events.Published enrolled = Events.publish(mentee.enrolled());
		eventually().until(() -> waiting(enrolled.id()));

		Events.Published erased = Events.publish(new ParticipantErased(mentee.id, programmeId, organisation,
				Instant.now()));

		eventually().until(() -> !waiting(enrolled.id()) && waiting(erased.id()));
		// only her erasure, which carries ids and which subscribers need, waits about her
		assertThat(mongo.find(Query.query(Criteria.where("about").is(mentee.id)), PendingWebhookEvent.class))
			.extracting(PendingWebhookEvent::eventType)
			.containsExactly(ERASED);

		Events.publish(Fixtures.programme(programmeId, organisation, List.of(), null));

		eventually().until(() -> system.requests().size() == 1);
		assertThat(system.requests().get(0).header("ce-id")).isEqualTo(erased.id());
		assertThat(logged(hook, organisation)).containsExactly(Map.entry(ERASED, 1L));
	}

	private boolean waiting(String eventId) {
		return mongo.exists(Query.query(Criteria.where("_id").is(eventId)), PendingWebhookEvent.class);
	}

	private static EventMetadata metadata(String id, String type, String subject, String programmeId,
			String organisationId) {
		return new EventMetadata(id, type, "/test/replayed", subject, Instant.now(), programmeId, organisationId, null,
				"replayed", 0, 0);
	}

	private Receiver receiver() {
		Receiver receiver = new Receiver();
		receivers.add(receiver);
		return receiver;
	}

	/** How many deliveries of each type the subscription's log holds. */
	private Map<String, Long> logged(String webhook, String organisation) {
		Map<String, Long> counts = new LinkedHashMap<>();
		api().get("/api/v1/webhooks/" + webhook + "/deliveries?size=100", TOKENS.coordinator(organisation))
			.json()
			.path("items")
			.forEach(item -> counts.merge(item.path("eventType").asString(), 1L, Long::sum));
		return counts;
	}

	private String subscribe(String organisation, Receiver receiver, String... types) {
		Reply created = api().post("/api/v1/webhooks", TOKENS.coordinator(organisation),
				Map.of("url", receiver.url(), "eventTypes", List.of(types), "secret", "whsec-test-0123456789abcdef"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asString();
	}

}
