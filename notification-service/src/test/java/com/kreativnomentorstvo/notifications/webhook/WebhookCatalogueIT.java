package com.kreativnomentorstvo.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.matching.Contribution;
import com.kreativnomentorstvo.events.matching.MatchAccepted;
import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.events.participants.OrganisationRegistered;
import com.kreativnomentorstvo.events.participants.OrganisationUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.events.participants.ProgrammeStatusChanged;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.FeedbackSubmitted;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventCancelled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventRescheduled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventScheduled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventTurnoutFlagged;
import com.kreativnomentorstvo.events.sessions.ReviewSubmitted;
import com.kreativnomentorstvo.events.sessions.SessionCancelled;
import com.kreativnomentorstvo.events.sessions.SessionHeld;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.events.sessions.SessionRescheduled;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.events.sessions.SurveyAnswered;
import com.kreativnomentorstvo.events.sessions.SurveyRequested;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.reminder.Mentorships;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Receiver;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * Every event type a webhook may subscribe to is passed on: an admin subscribes a real HTTP
 * receiver to every type {@code GET /webhooks/event-types} offers, one event of each type is
 * published on the broker as its producer would, and each of them arrives. A type offered to
 * subscribers but never consumed or never handed to the fan-out would be missing here.
 */
class WebhookCatalogueIT extends ServiceUnderTest {

	private static final TestTokens TOKENS = TestTokens.shared();

	private static final String ADMIN = TOKENS.admin("org-operator");

	private static final List<String> BOTH_ROLES = List.of("MENTOR", "MENTEE");

	@Autowired
	ProgrammeDirectory programmes;

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	Mentorships mentorships;

	private final Receiver receiver = new Receiver();

	private String webhook;

	@AfterEach
	void unsubscribe() {
		// an instance-wide subscription hears of every test's events: not beyond this one
		if (webhook != null) {
			assertThat(api().delete("/api/v1/webhooks/" + webhook, ADMIN).status()).isEqualTo(204);
		}
		receiver.close();
	}

	@Test
	void aSubscriptionToEveryOfferedTypeReceivesAnEventOfEachType() {
		List<String> offered = new ArrayList<>();
		api().get("/api/v1/webhooks/event-types", ADMIN).json().forEach(type -> offered.add(type.asString()));
		assertThat(offered).isNotEmpty().doesNotHaveDuplicates();
		Reply created = api().post("/api/v1/webhooks", ADMIN,
				Map.of("url", receiver.url(), "eventTypes", offered, "secret", "whsec-test-0123456789abcdef"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		webhook = created.json().path("id").asString();

		String organisation = Fixtures.unique("org");
		String programmeId = Fixtures.unique("programme");
		Person mentor = Fixtures.aMentor(programmeId, organisation);
		Person mentee = Fixtures.aMentee(programmeId, organisation);
		Person leaver = Fixtures.aMentee(programmeId, organisation);
		String mentorshipId = Fixtures.unique("mentorship");
		ProgrammeCreated programme = Fixtures.programme(programmeId, organisation, List.of(), null);
		Instant now = Instant.now();

		// the facts the audiences need first, so that nothing waits for them
		Map<String, String> sent = new LinkedHashMap<>();
		publish(sent, programme);
		eventually().until(() -> programmes.find(programmeId).isPresent());
		publish(sent, mentor.enrolled(), mentee.enrolled(), leaver.enrolled(),
				new MentorshipStarted(mentorshipId, Fixtures.unique("match"), programmeId, organisation, mentor.id,
						mentee.id, now));
		eventually().until(() -> recipients.find(leaver.id).isPresent() && recipients.find(mentee.id).isPresent()
				&& recipients.find(mentor.id).isPresent() && !mentorships.membersOf(mentorshipId).isEmpty());

		publish(sent, new OrganisationRegistered(organisation, "Kultura Nova", "HR", "ngo", now),
				new OrganisationUpdated(organisation, "Kultura Nova", "HR", "ngo", List.of("name"), 2, now),
				new ProgrammeUpdated(programme.programme(), 2, now),
				new ProgrammeStatusChanged(programmeId, organisation, ProgrammeStatus.OPEN, ProgrammeStatus.RUNNING,
						"DATES", now),
				new ParticipantProfileUpdated(mentee.profile(), 1, now),
				mentee.admitted(mentee.accountId(), null, null),
				Fixtures.aMentee(programmeId, organisation).applying().rejected("PROGRAMME_FULL"),
				Fixtures.aMentor(programmeId, organisation)
					.invited(TestTokens.accountOf(Fixtures.unique("invitee")), Fixtures.linkId(),
							now.plus(Duration.ofDays(3))),
				new ParticipantWithdrawn(leaver.id, programmeId, organisation, Role.MENTEE, "OTHER", now));
		publish(sent, pairEvents(programmeId, organisation, mentor, mentee, mentorshipId, now));
		publish(sent, trainingEvents(programmeId, organisation, now));
		eventually().untilAsserted(() -> assertThat(arrived(sent)).containsExactlyInAnyOrderEntriesOf(sent));

		// her erasure last: nothing about her goes out once she is erased, her erasure itself does
		publish(sent, new ParticipantErased(leaver.id, programmeId, organisation, Instant.now()));
		eventually().untilAsserted(() -> assertThat(arrived(sent)).containsExactlyInAnyOrderEntriesOf(sent));

		assertThat(new TreeSet<>(sent.values())).as("one event of every offered type was published")
			.containsExactlyInAnyOrderElementsOf(offered);
	}

	/**
	 * A match proposed, declined, expired and accepted, the mentorship's sessions, feedback, a review, a
	 * survey asked and answered, its end.
	 */
	private static List<MentoringEvent> pairEvents(String programmeId, String organisation, Person mentor,
			Person mentee, String mentorshipId, Instant now) {
		String sessionId = Fixtures.unique("session");
		OffsetDateTime start = OffsetDateTime.ofInstant(now.plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS),
				ZoneId.of("Europe/Belgrade"));
		String matchId = Fixtures.unique("match");
		return List.of(
				new MatchProposed(matchId, programmeId, organisation, "run-1", "RUN", mentor.id, mentee.id, 81,
						List.of(new Contribution("goals", 40, "Goals match skills")), now.plus(Duration.ofDays(7)), now),
				new MatchDeclined(Fixtures.unique("match"), programmeId, organisation, mentor.id, mentee.id, mentee.id,
						"OTHER", now),
				new MatchExpired(Fixtures.unique("match"), programmeId, organisation, mentor.id, mentee.id, now),
				new MatchAccepted(matchId, programmeId, organisation, mentor.id, mentee.id, mentee.id, now),
				new SessionScheduled(sessionId, mentorshipId, programmeId, organisation, mentor.id, mentee.id, start,
						"Europe/Belgrade", 60, SessionMode.ONLINE, "https://meet.example.org/catalogue", null, 0, now),
				new SessionRescheduled(sessionId, mentorshipId, programmeId, organisation, mentor.id, mentee.id, start,
						start.plusDays(1), "Europe/Belgrade", 60, SessionMode.ONLINE, "https://meet.example.org/catalogue",
						null, 1, now),
				new SessionCancelled(sessionId, mentorshipId, programmeId, organisation, mentor.id, mentee.id,
						start.plusDays(1), "Europe/Belgrade", mentor.id, "OTHER", 2, now),
				new SessionHeld(Fixtures.unique("session"), mentorshipId, programmeId, organisation, mentor.id, mentee.id,
						start.minusDays(20), 60, now),
				new FeedbackSubmitted(Fixtures.unique("feedback"), sessionId, mentorshipId, programmeId, organisation,
						mentee.id, "MENTEE", 5, now),
				new ReviewSubmitted(Fixtures.unique("review"), mentorshipId, programmeId, organisation, mentor.id,
						"MENTOR", "MIDTERM", now),
				new SurveyRequested("sr-" + sessionId, "sv-1", programmeId, organisation, mentee.id, "AFTER_SESSION",
						now.plus(Duration.ofDays(14)), now),
				new SurveyAnswered("sr-" + sessionId, "sv-1", programmeId, organisation, mentee.id, now),
				new MentorshipEnded(mentorshipId, programmeId, organisation, mentor.id, mentee.id, "COMPLETED", now));
	}

	/** A training scheduled, moved and called off. */
	private static List<MentoringEvent> trainingEvents(String programmeId, String organisation, Instant now) {
		String trainingId = Fixtures.unique("training");
		OffsetDateTime start = OffsetDateTime.ofInstant(now.plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS),
				ZoneId.of("Europe/Belgrade"));
		return List.of(
				new ProgrammeEventScheduled(trainingId, programmeId, organisation, "TRAINING", "Giving feedback", start,
						start.plusHours(2), "Europe/Belgrade", SessionMode.IN_PERSON, null, "Hall A", BOTH_ROLES, now),
				new ProgrammeEventRescheduled(trainingId, programmeId, organisation, "TRAINING", "Giving feedback",
						start, start.plusDays(1), start.plusDays(1).plusHours(2), "Europe/Belgrade",
						SessionMode.IN_PERSON, null, "Hall A", BOTH_ROLES, 1, now),
				new ProgrammeEventCancelled(trainingId, programmeId, organisation, "TRAINING", "Giving feedback",
						start.plusDays(1), start.plusDays(1).plusHours(2), "Europe/Belgrade", BOTH_ROLES, null, "OTHER", 2,
						now),
				new ProgrammeEventTurnoutFlagged(trainingId, programmeId, organisation, "TRAINING", "Giving feedback",
						start.plusDays(1), "Europe/Belgrade", 12, 3, 2, now));
	}

	private static void publish(Map<String, String> sent, MentoringEvent... events) {
		publish(sent, List.of(events));
	}

	/** Publishes the events, noting each one's CloudEvents id and type. */
	private static void publish(Map<String, String> sent, List<MentoringEvent> events) {
		for (MentoringEvent event : events) {
			sent.put(Events.publish(event).id(), event.eventType().typeName());
		}
	}

	/** The published events that reached the receiver: CloudEvents id and type as received. */
	private Map<String, String> arrived(Map<String, String> sent) {
		Map<String, String> arrived = new LinkedHashMap<>();
		receiver.requests()
			.stream()
			.filter(request -> sent.containsKey(request.header("ce-id")))
			.forEach(request -> arrived.put(request.header("ce-id"), request.header("ce-type")));
		return arrived;
	}

}
