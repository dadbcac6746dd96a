package com.kreativnomentorstvo.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.matching.Contribution;
import com.kreativnomentorstvo.events.matching.MatchAccepted;
import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.events.notifications.NotificationDelivered;
import com.kreativnomentorstvo.events.notifications.NotificationFailed;
import com.kreativnomentorstvo.events.participants.ReturnInvited;
import com.kreativnomentorstvo.events.participants.ApplicationSubmitted;
import com.kreativnomentorstvo.events.participants.CoordinatorAppointed;
import com.kreativnomentorstvo.events.participants.CoordinatorContactChanged;
import com.kreativnomentorstvo.events.participants.CoordinatorRemoved;
import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.events.participants.OrganisationRegistered;
import com.kreativnomentorstvo.events.participants.OrganisationUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantAdmitted;
import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantInvited;
import com.kreativnomentorstvo.events.participants.ParticipantProfile;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantRejected;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.events.participants.PasswordLinkIssued;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.FeedbackSubmitted;
import com.kreativnomentorstvo.events.sessions.MessagePosted;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventCancelled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventRescheduled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventScheduled;
import com.kreativnomentorstvo.events.sessions.ReviewSubmitted;
import com.kreativnomentorstvo.events.sessions.SessionCancelled;
import com.kreativnomentorstvo.events.sessions.SessionHeld;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.events.sessions.SessionRescheduled;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.events.sessions.SurveyAnswered;
import com.kreativnomentorstvo.events.sessions.SurveyRequested;
import com.kreativnomentorstvo.platform.programmes.Programme;

/**
 * The webhook audience of every type of the catalogue, in a regional programme run by an organiser
 * with two partners: who may receive it, and who may not. A pair stewarded by partner 1 (both of its
 * members are hers) and a mixed pair (a mentor of partner 1, a mentee who came through an
 * organisation outside the programme, so the organiser stewards her).
 */
class WebhookAudienceTests {

	private static final String PROGRAMME = "prog-reg-lab";

	private static final String ORGANISER = "org-organiser";

	private static final String PARTNER = "org-partner-1";

	private static final String OTHER_PARTNER = "org-partner-2";

	private static final String OUTSIDER = "org-outside";

	private static final List<String> EVERYBODY = List.of(ORGANISER, PARTNER, OTHER_PARTNER, OUTSIDER);

	private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

	private static final OffsetDateTime START = OffsetDateTime.of(2027, 3, 8, 18, 0, 0, 0, ZoneOffset.ofHours(1));

	/** Partner 1's pair. */
	private static final String MENTOR = "p-mentor-partner";

	private static final String MENTEE = "p-mentee-partner";

	/** A mentee through an organisation outside the programme: the organiser's to look after. */
	private static final String OUTSIDE_MENTEE = "p-mentee-outside";

	private static final String MENTORSHIP = "mentorship-partner";

	private final WebhookAudience audience = new WebhookAudience(new WebhookAudience.Facts() {

		@Override
		public Optional<Programme> programme(String programmeId) {
			return PROGRAMME.equals(programmeId)
					? Optional.of(new Programme(PROGRAMME, details(List.of(PARTNER, OTHER_PARTNER)), 0))
					: Optional.empty();
		}

		@Override
		public Optional<String> organisationOf(String participantId) {
			return Optional.ofNullable(
					Map.of(MENTOR, PARTNER, MENTEE, PARTNER, OUTSIDE_MENTEE, OUTSIDER).get(participantId));
		}

		@Override
		public List<String> membersOf(String mentorshipId) {
			return MENTORSHIP.equals(mentorshipId) ? List.of(MENTOR, MENTEE) : List.of();
		}

	});

	// organisations

	@Test
	void anOrganisationsRegistrationGoesToThatOrganisationOnly() {
		assertReceivedBy(new OrganisationRegistered(PARTNER, "Kultura Nova", "HR", "ngo", NOW), PARTNER);
	}

	@Test
	void anOrganisationsCorrectionGoesToThatOrganisationOnly() {
		assertReceivedBy(new OrganisationUpdated(PARTNER, "Kultura Nova", "HR", "ngo", List.of("name"), 2, NOW),
				PARTNER);
	}

	// programmes and trainings: every organisation of the programme

	@Test
	void aNewProgrammeGoesToItsOrganiserAndPartners() {
		assertReceivedBy(new ProgrammeCreated(details(List.of(PARTNER, OTHER_PARTNER)), NOW), ORGANISER, PARTNER,
				OTHER_PARTNER);
	}

	@Test
	void aChangedProgrammeGoesToItsOrganisersAndPartnersAsTheChangeNamesThem() {
		assertReceivedBy(new ProgrammeUpdated(details(List.of(PARTNER, OTHER_PARTNER, OUTSIDER)), 3, NOW), ORGANISER,
				PARTNER, OTHER_PARTNER, OUTSIDER);
	}

	@Test
	void aTrainingGoesToEveryOrganisationOfTheProgramme() {
		assertReceivedBy(new ProgrammeEventScheduled("pev-1", PROGRAMME, ORGANISER, "TRAINING", "Digital tools",
				START, START.plusHours(3), "Europe/Belgrade", SessionMode.ONLINE, "https://meet.example.org/t", null,
				List.of("MENTOR", "MENTEE"), NOW), ORGANISER, PARTNER, OTHER_PARTNER);
	}

	@Test
	void aMovedTrainingGoesToEveryOrganisationOfTheProgramme() {
		assertReceivedBy(new ProgrammeEventRescheduled("pev-1", PROGRAMME, ORGANISER, "TRAINING", "Digital tools",
				START, START.plusDays(1), START.plusDays(1).plusHours(3), "Europe/Belgrade", SessionMode.IN_PERSON,
				null, "Kulturni centar", List.of("MENTEE"), 1, NOW), ORGANISER, PARTNER, OTHER_PARTNER);
	}

	@Test
	void aCancelledTrainingGoesToEveryOrganisationOfTheProgramme() {
		assertReceivedBy(new ProgrammeEventCancelled("pev-1", PROGRAMME, ORGANISER, "TRAINING", "Digital tools",
				START, START.plusHours(3), "Europe/Belgrade", List.of("MENTOR"), "acc-1", "ILLNESS", 2, NOW), ORGANISER,
				PARTNER, OTHER_PARTNER);
	}

	// profile cards: every organisation of the programme

	@Test
	void anEnrolmentIsAProfileCardForEveryOrganisationOfTheProgramme() {
		assertReceivedBy(new ParticipantEnrolled(profile(MENTEE, PARTNER), NOW), ORGANISER, PARTNER, OTHER_PARTNER);
	}

	@Test
	void anEnrolmentInAProgrammeNotYetKnownWaitsForItAndMeanwhileWouldGoToHerOrganisationOnly() {
		ParticipantProfile profile = new ParticipantProfile("p-x", "prog-unknown", PARTNER, Role.MENTEE,
				ParticipantStatus.APPLIED, "HR", "Split", List.of("hr"), "hr", List.of(), List.of(), Format.ONLINE,
				"Europe/Zagreb", List.of(), 0, List.of(), List.of(), null);
		assertReceivedWithoutBy(new ParticipantEnrolled(profile, NOW), List.of("programme:prog-unknown"), PARTNER);
	}

	@Test
	void aDecisionInAProgrammeNotYetKnownWaitsForIt() {
		assertReceivedWithoutBy(new ParticipantAdmitted("p-x", "prog-unknown", OUTSIDER, Role.MENTEE, "acc-x", null,
				null, NOW), List.of("programme:prog-unknown"), OUTSIDER);
	}

	@Test
	void aProposalInAProgrammeNotYetKnownWaitsForIt() {
		assertReceivedWithoutBy(new MatchProposed("m-1", "prog-unknown", ORGANISER, "run-1", "RUN", MENTOR, MENTEE,
				82.5, List.of(), NOW.plusSeconds(86_400), NOW), List.of("programme:prog-unknown"), ORGANISER, PARTNER);
	}

	@Test
	void aProfileUpdateIsAProfileCardForEveryOrganisationOfTheProgramme() {
		assertReceivedBy(new ParticipantProfileUpdated(profile(OUTSIDE_MENTEE, OUTSIDER), 4, NOW), ORGANISER, PARTNER,
				OTHER_PARTNER);
	}

	@Test
	void aWithdrawalGoesToEveryOrganisationOfTheProgramme() {
		assertReceivedBy(new ParticipantWithdrawn(MENTEE, PROGRAMME, PARTNER, Role.MENTEE, "PERSONAL", NOW), ORGANISER,
				PARTNER, OTHER_PARTNER);
	}

	@Test
	void anErasureGoesToEveryOrganisationOfTheProgrammeSoThatEachForgetsHer() {
		assertReceivedBy(new ParticipantErased(MENTEE, PROGRAMME, PARTNER, NOW), ORGANISER, PARTNER, OTHER_PARTNER);
	}

	// decisions on one person: her steward only

	@Test
	void anAdmissionGoesToHerStewardOnly() {
		assertReceivedBy(new ParticipantAdmitted(MENTEE, PROGRAMME, PARTNER, Role.MENTEE, "acc-1", "lnk-1",
				NOW.plusSeconds(3600), NOW), PARTNER);
		assertReceivedBy(new ParticipantAdmitted(OUTSIDE_MENTEE, PROGRAMME, OUTSIDER, Role.MENTEE, "acc-2", null,
				null, NOW), ORGANISER);
	}

	@Test
	void aRejectionWithItsReasonGoesToHerStewardOnly() {
		assertReceivedBy(new ParticipantRejected(MENTEE, PROGRAMME, PARTNER, Role.MENTEE, "NOT_ELIGIBLE", NOW), PARTNER);
	}

	@Test
	void anInvitationGoesToHerStewardOnly() {
		assertReceivedBy(new ParticipantInvited(OUTSIDE_MENTEE, PROGRAMME, OUTSIDER, Role.MENTEE, "acc-2", "lnk-2",
				NOW.plusSeconds(3600), NOW), ORGANISER);
	}

	// matches and mentorships: the organiser, who runs the programme, and the stewards of the pair

	@Test
	void aProposalGoesToTheOrganiserAndThePairsStewards() {
		assertReceivedBy(new MatchProposed("m-1", PROGRAMME, ORGANISER, "run-1", "RUN", MENTOR, MENTEE, 82.5,
				List.of(new Contribution("goals", 40, "Goals match skills")), NOW.plusSeconds(86_400), NOW), ORGANISER,
				PARTNER);
	}

	@Test
	void anAcceptanceGoesToTheOrganiserAndThePairsStewards() {
		assertReceivedBy(new MatchAccepted("m-1", PROGRAMME, ORGANISER, MENTOR, OUTSIDE_MENTEE, MENTOR, NOW), ORGANISER,
				PARTNER);
	}

	@Test
	void aDeclineGoesToTheOrganiserAndThePairsStewards() {
		assertReceivedBy(new MatchDeclined("m-1", PROGRAMME, ORGANISER, MENTOR, MENTEE, MENTEE, "NO_TIME", NOW),
				ORGANISER, PARTNER);
	}

	@Test
	void anExpiredProposalGoesToTheOrganiserAndThePairsStewards() {
		assertReceivedBy(new MatchExpired("m-1", PROGRAMME, ORGANISER, MENTOR, MENTEE, NOW), ORGANISER, PARTNER);
	}

	@Test
	void aStartedMentorshipGoesToTheOrganiserAndThePairsStewards() {
		assertReceivedBy(new MentorshipStarted(MENTORSHIP, "m-1", PROGRAMME, ORGANISER, MENTOR, MENTEE, NOW),
				ORGANISER, PARTNER);
	}

	@Test
	void anEndedMentorshipGoesToTheOrganiserAndThePairsStewards() {
		assertReceivedBy(new MentorshipEnded(MENTORSHIP, PROGRAMME, ORGANISER, MENTOR, MENTEE, "COMPLETED", NOW),
				ORGANISER, PARTNER);
	}

	// sessions, feedback and reviews: the stewards of the pair only (meeting links, venues)

	@Test
	void aScheduledSessionWithItsMeetingLinkGoesToThePairsStewardOnlyNotToTheOrganiserNorTheOtherPartner() {
		assertReceivedBy(scheduled(MENTOR, MENTEE), PARTNER);
	}

	@Test
	void aScheduledSessionOfAMixedPairGoesToBothStewards() {
		assertReceivedBy(scheduled(MENTOR, OUTSIDE_MENTEE), PARTNER, ORGANISER);
	}

	@Test
	void aSessionOfMembersThisServiceDoesNotKnowWaitsForThemAndMeanwhileWouldGoToNobody() {
		assertReceivedWithoutBy(scheduled("p-unknown-1", "p-unknown-2"),
				List.of("participant:p-unknown-1", "participant:p-unknown-2"));
		assertReceivedWithoutBy(scheduled(MENTOR, "p-unknown-2"), List.of("participant:p-unknown-2"), PARTNER);
	}

	@Test
	void feedbackOnAMentorshipNotYetKnownWaitsForIt() {
		assertReceivedWithoutBy(new FeedbackSubmitted("f-1", "s-1", "mentorship-unknown", PROGRAMME, ORGANISER, MENTEE,
				"MENTEE", 5, NOW), List.of("mentorship:mentorship-unknown"), PARTNER);
	}

	@Test
	void aSurveyRequestAndItsAnswerGoToHerStewardOnly() {
		assertReceivedBy(new SurveyRequested("srq-1", "svy-1", PROGRAMME, ORGANISER, MENTEE, "DAY_30",
				NOW.plusSeconds(14 * 86_400), NOW), PARTNER);
		assertReceivedBy(new SurveyAnswered("srq-2", "svy-1", PROGRAMME, ORGANISER, OUTSIDE_MENTEE, NOW), ORGANISER);
	}

	@Test
	void aRescheduledSessionWithItsVenueGoesToThePairsStewardOnly() {
		assertReceivedBy(new SessionRescheduled("s-1", MENTORSHIP, PROGRAMME, ORGANISER, MENTOR, MENTEE, START,
				START.plusDays(1), "Europe/Belgrade", 60, SessionMode.IN_PERSON, null, "Café Kultura", 1, NOW), PARTNER);
	}

	@Test
	void aCancelledSessionGoesToThePairsStewardOnly() {
		assertReceivedBy(new SessionCancelled("s-1", MENTORSHIP, PROGRAMME, ORGANISER, MENTOR, MENTEE, START,
				"Europe/Belgrade", MENTOR, "ILLNESS", 2, NOW), PARTNER);
	}

	@Test
	void aHeldSessionGoesToThePairsStewardOnly() {
		assertReceivedBy(new SessionHeld("s-1", MENTORSHIP, PROGRAMME, ORGANISER, MENTOR, OUTSIDE_MENTEE, START, 60,
				NOW), PARTNER, ORGANISER);
	}

	@Test
	void feedbackGoesToThePairsStewardOnly() {
		assertReceivedBy(new FeedbackSubmitted("f-1", "s-1", MENTORSHIP, PROGRAMME, ORGANISER, MENTEE, "MENTEE", 5, NOW),
				PARTNER);
	}

	@Test
	void aReviewGoesToThePairsStewardOnly() {
		assertReceivedBy(new ReviewSubmitted("r-1", MENTORSHIP, PROGRAMME, ORGANISER, MENTOR, "MENTOR", "MIDTERM", NOW),
				PARTNER);
	}

	// never offered

	@Test
	void contactDetailsGoToNobody() {
		assertNeverOffered(new ParticipantContactChanged(MENTEE, PROGRAMME, PARTNER, "Ana", "ana@example.org", "hr",
				"Europe/Zagreb", NOW));
		assertNeverOffered(new CoordinatorContactChanged("acc-c", PARTNER, "Jelena", "jelena@example.org", "hr", NOW));
	}

	@Test
	void unconfirmedApplicationsAndPasswordLinksGoToNobody() {
		assertNeverOffered(new ApplicationSubmitted(MENTEE, PROGRAMME, PARTNER, Role.MENTEE, "lnk-1",
				NOW.plusSeconds(3600), NOW));
		assertNeverOffered(new PasswordLinkIssued(MENTEE, "acc-1", PROGRAMME, PARTNER, "RESET", "lnk-2",
				NOW.plusSeconds(3600), NOW));
	}

	@Test
	void coordinatorsOwnEventsGoToNobody() {
		assertNeverOffered(new CoordinatorAppointed("acc-c", PARTNER, null, null, NOW));
		assertNeverOffered(new CoordinatorRemoved("acc-c", PARTNER, NOW));
	}

	@Test
	void aReturnInvitationCarriesALinkAndGoesToNobody() {
		assertNeverOffered(new ReturnInvited(MENTEE, "acc-m", PROGRAMME, PARTNER, "prog-next", "lnk-1", NOW, NOW));
	}

	@Test
	void theServicesOwnDeliveryOutcomesGoToNobody() {
		assertNeverOffered(new NotificationDelivered("n-1", PROGRAMME, PARTNER, MENTEE, Channel.EMAIL, "admitted",
				"e-1", 1, NOW));
		assertNeverOffered(new NotificationFailed("n-1", PROGRAMME, PARTNER, MENTEE, Channel.WEBHOOK, "admitted",
				"e-1", 3, "RETRIES_EXHAUSTED", NOW));
	}

	@Test
	void theTypesOfferedToWebhooksAreExactlyThoseSomebodyMayReceive() {
		assertThat(WebhookFanout.offeredTypes()).containsExactlyElementsOf(Arrays.stream(EventType.values())
			.filter(WebhookAudience::offered)
			.map(EventType::typeName)
			.toList())
			.hasSize(EventType.values().length - 10);
	}

	@Test
	void aPairsPrivateMessageGoesToNoOrganisation() {
		assertNeverOffered(new MessagePosted("msg-1", "ms-1", PROGRAMME, PARTNER, MENTEE, "MENTEE", "p-mentor", NOW));
	}

	// what erasure withdraws

	@Test
	void anEventIsAboutTheParticipantsItNames() {
		assertThat(audience.about(scheduled(MENTOR, OUTSIDE_MENTEE))).containsExactlyInAnyOrder(MENTOR, OUTSIDE_MENTEE);
		assertThat(audience.about(new ParticipantEnrolled(profile(MENTEE, PARTNER), NOW))).containsExactly(MENTEE);
		assertThat(audience.about(
				new FeedbackSubmitted("f-1", "s-1", MENTORSHIP, PROGRAMME, ORGANISER, MENTEE, "MENTEE", 5, NOW)))
			.containsExactlyInAnyOrder(MENTOR, MENTEE);
		assertThat(audience.about(new ProgrammeCreated(details(List.of(PARTNER)), NOW))).isEmpty();
	}

	private void assertReceivedBy(MentoringEvent event, String... organisations) {
		assertReceivedWithoutBy(event, List.of(), organisations);
	}

	/** Who may receive the event with the facts known, and which facts it needed that are not. */
	private void assertReceivedWithoutBy(MentoringEvent event, List<String> missing, String... organisations) {
		WebhookAudience.Readers readers = audience.readersOf(event, event.programmeId(), event.organisationId());
		assertThat(readers.missing()).as(event.eventType().typeName() + " waits for")
			.containsExactlyInAnyOrderElementsOf(missing);
		assertThat(readers.complete()).isEqualTo(missing.isEmpty());
		for (String organisation : EVERYBODY) {
			assertThat(readers.admit(organisation)).as(event.eventType().typeName() + " to " + organisation)
				.isEqualTo(List.of(organisations).contains(organisation));
		}
		assertThat(readers.admit(null)).as("an instance-wide subscription (an admin's)").isTrue();
		assertThat(WebhookAudience.offered(event.eventType())).isTrue();
	}

	private void assertNeverOffered(MentoringEvent event) {
		WebhookAudience.Readers readers = audience.readersOf(event, event.programmeId(), event.organisationId());
		for (String organisation : EVERYBODY) {
			assertThat(readers.admit(organisation)).as(event.eventType().typeName() + " to " + organisation).isFalse();
		}
		assertThat(readers.admit(null)).isFalse();
		assertThat(WebhookAudience.offered(event.eventType())).isFalse();
	}

	private static SessionScheduled scheduled(String mentorId, String menteeId) {
		return new SessionScheduled("s-1", MENTORSHIP, PROGRAMME, ORGANISER, mentorId, menteeId, START,
				"Europe/Belgrade", 60, SessionMode.ONLINE, "https://meet.example.org/pair-room", null, 0, NOW);
	}

	private static ParticipantProfile profile(String participantId, String organisationId) {
		return new ParticipantProfile(participantId, PROGRAMME, organisationId, Role.MENTEE, ParticipantStatus.ACCEPTED,
				"HR", "Split", List.of("hr", "en"), "hr", List.of(), List.of(), Format.ONLINE, "Europe/Zagreb",
				List.of(), 0, List.of(), List.of(), "acc-" + participantId);
	}

	private static ProgrammeDetails details(List<String> partners) {
		return new ProgrammeDetails(PROGRAMME, ORGANISER, partners, "Reg. Lab", LocalDate.of(2027, 1, 15),
				LocalDate.of(2027, 7, 15), "Europe/Belgrade", List.of("en"), List.of(), null, null, List.of(), null);
	}

}
