package com.kreativnomentorstvo.participants.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.events.participants.ApplicationSubmitted;
import com.kreativnomentorstvo.events.participants.ParticipantAdmitted;
import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantInvited;
import com.kreativnomentorstvo.events.participants.ParticipantRejected;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.events.participants.PasswordLinkIssued;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.web.ConflictException;

/** The participant aggregate guards her way through a programme and records what happened. */
class ParticipantTests {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	@Test
	void enrolmentRecordsHerProfileWithoutPersonalDataAndHerContactSeparately() {
		Participant participant = aMentee();

		List<MentoringEvent> events = participant.recordedEvents();

		assertThat(events).hasSize(2);
		assertThat(events.get(0)).isInstanceOf(ParticipantEnrolled.class);
		assertThat(new String(EventJson.write(events.get(0)))).doesNotContain("Jovana")
			.doesNotContain("jovana@example.org")
			.doesNotContain("museum");
		ParticipantContactChanged contact = (ParticipantContactChanged) events.get(1);
		assertThat(contact.email()).isEqualTo("jovana@example.org");
		assertThat(contact.preferredLocale()).isEqualTo("sr-Cyrl");
		assertThat(participant.getStatus()).isEqualTo(ParticipantStatus.APPLIED);
		assertThat(participant.profile().capacity()).as("a mentee's capacity is 0 in events").isZero();
	}

	@Test
	void rejectingKeepsTheReasonHereAndAnnouncesOnlyTheStatus() {
		Participant participant = aMentee();

		assertThat(participant.reject("PROGRAMME_FULL", "Not this year", "coordinator", NOW)).isTrue();

		assertThat(participant.getReview().reason()).isEqualTo("Not this year");
		ParticipantProfileUpdated updated = (ParticipantProfileUpdated) last(participant);
		assertThat(updated.profile().status()).isEqualTo(ParticipantStatus.REJECTED);
		assertThat(new String(EventJson.write(updated))).doesNotContain("Not this year");
		assertThat(participant.recordedEvents()).filteredOn(ParticipantRejected.class::isInstance)
			.singleElement()
			.satisfies(rejected -> {
				assertThat(((ParticipantRejected) rejected).reason()).isEqualTo("PROGRAMME_FULL");
				assertThat(new String(EventJson.write(rejected))).doesNotContain("Not this year");
			});
	}

	@Test
	void admittingLinksTheEnrolmentToTheAccountAndAnnouncesTheLinkToSetItsPassword() {
		Participant participant = aMentee();

		assertThat(participant.admit("welcome", "coordinator", false, "acc-new", "lnk-1", NOW.plusSeconds(60), NOW))
			.isTrue();

		assertThat(participant.getAccountId()).isEqualTo("acc-new");
		assertThat(participant.recordedEvents()).filteredOn(ParticipantAdmitted.class::isInstance)
			.singleElement()
			.isEqualTo(new ParticipantAdmitted("p-demo-mentee-1", "prog-1", "org-1", Role.MENTEE, "acc-new", "lnk-1",
					NOW.plusSeconds(60), NOW));
		assertThat(((ParticipantProfileUpdated) last(participant)).profile().accountId()).isEqualTo("acc-new");
	}

	@Test
	void anApplicationThroughTheCallIsAnnouncedOnlyOnceHerAddressIsConfirmed() {
		Participant participant = Participant.apply("p-applicant-1", "prog-1", "org-1", Role.MENTEE,
				details("Mila", "mila@example.org"), new Consent("2026-10", List.of("programme-participation"), NOW),
				List.of(), "lnk-confirm", NOW.plusSeconds(3600), NOW);

		assertThat(participant.recordedEvents()).hasExactlyElementsOfTypes(ParticipantContactChanged.class,
				ApplicationSubmitted.class);
		assertThat(participant.getPending()).isEqualTo(Pending.ADDRESS_CONFIRMATION);
		assertThatThrownBy(() -> participant.admit(null, "coordinator", false, "acc-1", null, null, NOW))
			.isInstanceOf(ConflictException.class);

		assertThat(participant.confirmAddress(NOW)).isTrue();
		assertThat(participant.confirmAddress(NOW)).isFalse();

		assertThat(participant.isAnnounced()).isTrue();
		assertThat(last(participant)).isInstanceOf(ParticipantEnrolled.class);
		assertThat(((ParticipantEnrolled) last(participant)).profile().status()).isEqualTo(ParticipantStatus.APPLIED);
	}

	@Test
	void anInvitedPersonIsEnrolledAcceptedOnceSheCompletesHerProfile() {
		Participant participant = Participant.invite("p-invited-1", "prog-1", "org-1", Role.MENTEE,
				new ProfileDetails("Ivana", "ivana@example.org", "HR", null, List.of("hr"), "hr", List.of(), List.of(),
						null, null, "Europe/Zagreb", List.of(), null, List.of(), List.of()),
				"acc-ivana", null, null, "coordinator", NOW);
		assertThat(participant.recordedEvents()).hasExactlyElementsOfTypes(ParticipantContactChanged.class,
				ParticipantInvited.class);

		participant.completeInvitation(details("Ivana", "ivana@example.org"),
				new Consent("2026-10", List.of("programme-participation"), NOW), List.of(), false, NOW);

		ParticipantEnrolled enrolled = (ParticipantEnrolled) participant.recordedEvents().get(2);
		assertThat(enrolled.profile().status()).isEqualTo(ParticipantStatus.ACCEPTED);
		assertThat(enrolled.profile().accountId()).isEqualTo("acc-ivana");
		assertThatThrownBy(() -> participant.completeInvitation(details("Ivana", "ivana@example.org"),
				new Consent("2026-10", List.of("programme-participation"), NOW), List.of(), false, NOW))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void withdrawingAnInvitationNobodyElseHeardOfErasesIt() {
		Participant participant = Participant.invite("p-invited-2", "prog-1", "org-1", Role.MENTOR,
				new ProfileDetails("Ana", "ana@example.org", "RS", null, List.of("sr-Latn"), "sr-Latn", List.of(),
						List.of(), null, null, "Europe/Belgrade", List.of(), null, List.of(), List.of()),
				"acc-ana", "lnk-2", NOW.plusSeconds(60), "coordinator", NOW);

		assertThat(participant.withdraw("REMOVED", NOW)).isTrue();

		assertThat(participant.isErased()).isTrue();
		assertThat(participant.recordedEvents()).noneMatch(ParticipantWithdrawn.class::isInstance);
		assertThat(last(participant)).isInstanceOf(ParticipantErased.class);
	}

	@Test
	void acceptingTwiceChangesNothingTheSecondTime() {
		Participant participant = aMentee();
		participant.admit(null, "coordinator", false, "acc-jovana", null, null, NOW);
		int events = participant.recordedEvents().size();

		assertThat(participant.admit(null, "coordinator", false, "acc-jovana", null, null, NOW)).isFalse();
		assertThat(participant.recordedEvents()).hasSize(events);
	}

	@Test
	void aWithdrawnParticipantCannotBeAcceptedOrChanged() {
		Participant participant = aMentee();
		participant.withdraw("PERSONAL", NOW);

		assertThatThrownBy(() -> participant.admit(null, "coordinator", false, "acc-jovana", null, null, NOW))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> participant.revise(details("Jovana", "jovana@example.org"), NOW))
			.isInstanceOf(ConflictException.class);
		assertThat(participant.recordedEvents()).anySatisfy(
				event -> assertThat(event).isInstanceOf(ParticipantWithdrawn.class)
					.extracting("reason")
					.isEqualTo("PERSONAL"));
	}

	@Test
	void anApplicantCannotBeActivatedButAnAcceptedOneCan() {
		Participant participant = aMentee();
		assertThatThrownBy(() -> participant.activate(NOW)).isInstanceOf(ConflictException.class);

		participant.admit(null, "coordinator", false, "acc-jovana", null, null, NOW);
		assertThat(participant.activate(NOW)).isTrue();
		assertThat(participant.getStatus()).isEqualTo(ParticipantStatus.ACTIVE);
	}

	@Test
	void aNameChangeTravelsOnlyOnTheContactsTopic() {
		Participant participant = aMentee();
		int before = participant.recordedEvents().size();

		participant.revise(details("Jovana N.", "jovana@example.org"), NOW);

		List<MentoringEvent> recorded = participant.recordedEvents().subList(before, participant.recordedEvents().size());
		assertThat(recorded).singleElement().isInstanceOf(ParticipantContactChanged.class);
	}

	@Test
	void erasureScrubsHerDataAndAnnouncesItOnce() {
		Participant participant = aMentee();
		participant.reject("OTHER", "Private reason", "coordinator", NOW);

		assertThat(participant.erase(true, NOW)).isTrue();
		assertThat(participant.erase(true, NOW)).isFalse();

		assertThat(participant.isErased()).isTrue();
		assertThat(participant.getDetails()).isNull();
		assertThat(participant.getConsent()).isNull();
		assertThat(participant.getAccountId()).isNull();
		assertThat(participant.getAnswers()).isEmpty();
		assertThat(participant.getReview().reason()).isNull();
		assertThat(participant.getStatus()).isEqualTo(ParticipantStatus.WITHDRAWN);
		assertThat(participant.recordedEvents()).filteredOn(ParticipantErased.class::isInstance).hasSize(1);
		assertThat(participant.recordedEvents()).anySatisfy(event -> assertThat(event)
			.isInstanceOf(ParticipantWithdrawn.class)
			.extracting("reason")
			.isEqualTo("CONSENT_WITHDRAWN"));
	}

	@Test
	void theEmailKeyIgnoresCaseAndSpaces() {
		assertThat(Participant.emailKey("prog-1", " Jovana@Example.org ")).isEqualTo(
				Participant.emailKey("prog-1", "jovana@example.org"));
		assertThat(Participant.emailKey("prog-1", "jovana@example.org")).isNotEqualTo(
				Participant.emailKey("prog-2", "jovana@example.org"));
	}

	@Test
	void anApplicantWhoHasNotConfirmedHerAddressCannotBeDecidedOnAndConfirmingTwiceChangesNothing() {
		Participant applicant = anApplicant();

		assertThatThrownBy(() -> applicant.admit(null, "coordinator", false, "acc-sara", null, null, NOW))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("address-not-confirmed");
		assertThatThrownBy(() -> applicant.reject("OTHER", null, "coordinator", NOW))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> applicant.activate(NOW)).isInstanceOf(ConflictException.class);

		assertThat(applicant.confirmAddress(NOW)).isTrue();
		int events = applicant.recordedEvents().size();
		assertThat(applicant.confirmAddress(NOW)).isFalse();
		assertThat(applicant.recordedEvents()).hasSize(events);
		assertThat(applicant.reject("NOT_ELIGIBLE", null, "coordinator", NOW)).isTrue();
	}

	@Test
	void anInvitedPersonWhoseProgrammeHasStartedIsActiveOnceSheCompletesHerProfile() {
		Participant participant = Participant.invite("p-invited-3", "prog-1", "org-1", Role.MENTEE,
				details("Luka", "luka@example.org"), "acc-luka", null, null, "coordinator", NOW);
		int before = participant.recordedEvents().size();

		participant.completeInvitation(details("Luka", "luka.new@example.org"),
				new Consent("2026-10", List.of("programme-participation"), NOW), List.of(), true, NOW);

		assertThat(participant.getStatus()).isEqualTo(ParticipantStatus.ACTIVE);
		assertThat(participant.recordedEvents().subList(before, participant.recordedEvents().size()))
			.hasExactlyElementsOfTypes(ParticipantEnrolled.class, ParticipantContactChanged.class);
	}

	@Test
	void admittingAfterTheProgrammeStartedMakesHerActiveAtOnce() {
		Participant participant = aMentee();

		assertThat(participant.admit("Welcome", "coordinator", true, "acc-jovana", "lnk-1", NOW.plusSeconds(3600),
				NOW)).isTrue();

		assertThat(participant.getStatus()).isEqualTo(ParticipantStatus.ACTIVE);
		assertThat(participant.getAccountId()).isEqualTo("acc-jovana");
		assertThat(participant.recordedEvents()).anySatisfy(event -> assertThat(event)
			.isInstanceOf(ParticipantAdmitted.class)
			.extracting("passwordLinkId")
			.isEqualTo("lnk-1"));
		assertThat(participant.activate(NOW)).as("active already").isFalse();
	}

	@Test
	void rejectingIsRefusedForAnUnknownReasonOrOnceSheTakesPartAndChangesNothingTwice() {
		Participant participant = aMentee();
		assertThatThrownBy(() -> participant.reject("BAD_LUCK", null, "coordinator", NOW))
			.isInstanceOf(IllegalArgumentException.class);

		assertThat(participant.reject("OTHER", null, "coordinator", NOW)).isTrue();
		int events = participant.recordedEvents().size();
		assertThat(participant.reject("OTHER", null, "coordinator", NOW)).isFalse();
		assertThat(participant.recordedEvents()).hasSize(events);

		Participant active = aMentee();
		active.admit(null, "coordinator", true, "acc-jovana", null, null, NOW);
		assertThatThrownBy(() -> active.reject("OTHER", null, "coordinator", NOW))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("ACTIVE");
	}

	@Test
	void withdrawingIsRefusedForAnUnknownReasonAndChangesNothingTwice() {
		Participant participant = aMentee();
		assertThatThrownBy(() -> participant.withdraw("BORED", NOW)).isInstanceOf(IllegalArgumentException.class);

		assertThat(participant.withdraw("PERSONAL", NOW)).isTrue();
		int events = participant.recordedEvents().size();

		assertThat(participant.withdraw("PERSONAL", NOW)).isFalse();
		assertThat(participant.recordedEvents()).hasSize(events);
		assertThat(participant.getStatus()).isEqualTo(ParticipantStatus.WITHDRAWN);
	}

	@Test
	void aProfileChangeIsAnnouncedOnlyWhenTheProfileChangedAndNotWhileTheEnrolmentIsPending() {
		Participant participant = aMentee();
		int before = participant.recordedEvents().size();
		participant.revise(details("Jovana", "jovana@example.org"), NOW);
		assertThat(participant.recordedEvents()).as("the same details").hasSize(before);

		ProfileDetails otherCity = new ProfileDetails("Jovana", "jovana@example.org", "RS", "Beograd",
				List.of("sr-Latn", "sr-Cyrl"), "sr-Cyrl", List.of(), List.of(new SkillLevel("digital-tools", 5)),
				"Works in a museum", Format.ONLINE, "Europe/Belgrade",
				List.of(new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(19, 0))), null, List.of(),
				List.of());
		participant.revise(otherCity, NOW);
		assertThat(last(participant)).isInstanceOf(ParticipantProfileUpdated.class);

		Participant applicant = anApplicant();
		int pendingBefore = applicant.recordedEvents().size();
		applicant.revise(otherCity, NOW);
		assertThat(applicant.recordedEvents().subList(pendingBefore, applicant.recordedEvents().size()))
			.as("nobody heard of her enrolment yet").noneMatch(ParticipantProfileUpdated.class::isInstance);
	}

	@Test
	void aPasswordLinkIsAnnouncedOnlyForAParticipantWithAnAccount() {
		Participant applicant = anApplicant();
		assertThatThrownBy(() -> applicant.passwordLinkIssued("RESET", "lnk-9", NOW.plusSeconds(60), NOW))
			.isInstanceOf(IllegalStateException.class);

		Participant participant = aMentee();
		participant.passwordLinkIssued("RESET", "lnk-9", NOW.plusSeconds(60), NOW);
		assertThat(last(participant)).isInstanceOf(PasswordLinkIssued.class).extracting("purpose").isEqualTo("RESET");
	}

	@Test
	void aRenewedConsentIsKeptInItsHistoryAndNothingIsDoneForAnErasedParticipant() {
		Participant participant = aMentee();
		Consent renewed = new Consent("2027-01", List.of("programme-participation", "photos"), NOW);

		participant.renewConsent(renewed, NOW);

		assertThat(participant.getConsent()).isEqualTo(renewed);
		assertThat(participant.getConsentHistory()).extracting(ConsentChange::action).containsExactly("GIVEN", "CHANGED");

		participant.erase(false, NOW);
		assertThat(participant.getStatus()).isEqualTo(ParticipantStatus.WITHDRAWN);
		assertThat(participant.recordedEvents()).as("erasure without a withdrawal of consent announces no withdrawal")
			.noneMatch(ParticipantWithdrawn.class::isInstance);
		assertThatThrownBy(() -> participant.renewConsent(renewed, NOW)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> participant.confirmAddress(NOW)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> participant.withdraw("PERSONAL", NOW)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> participant.revise(details("Jovana", "jovana@example.org"), NOW))
			.isInstanceOf(IllegalStateException.class);
	}

	private static Participant anApplicant() {
		return Participant.apply("p-applicant-1", "prog-1", "org-1", Role.MENTEE, details("Sara", "sara@example.org"),
				new Consent("2026-10", List.of("programme-participation"), NOW), List.of(), "lnk-confirm",
				NOW.plusSeconds(86_400), NOW);
	}

	private static Participant aMentee() {
		return Participant.enrol("p-demo-mentee-1", "prog-1", "org-1", Role.MENTEE,
				details("Jovana", "jovana@example.org"),
				new Consent("2026-10", List.of("programme-participation"), NOW), "acc-jovana",
				List.of(new Answer("project-idea", "A travelling archive", List.of())), NOW);
	}

	private static ProfileDetails details(String name, String email) {
		return new ProfileDetails(name, email, "RS", "Novi Sad", List.of("sr-Latn", "sr-Cyrl"), "sr-Cyrl", List.of(),
				List.of(new SkillLevel("digital-tools", 5)), "Works in a museum", Format.ONLINE, "Europe/Belgrade",
				List.of(new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(19, 0))), null, List.of(),
				List.of());
	}

	private static MentoringEvent last(Participant participant) {
		List<MentoringEvent> events = participant.recordedEvents();
		return events.get(events.size() - 1);
	}

}
