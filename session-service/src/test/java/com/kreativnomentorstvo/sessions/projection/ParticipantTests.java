package com.kreativnomentorstvo.sessions.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.events.participants.ParticipantProfile;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.participants.Skill;

/** The account an enrolment belongs to, and her goals, as the projection learns them from profiles. */
class ParticipantTests {

	@Test
	void aLaterProfileGivesAnApplicantHerAccount() {
		Participant marko = Participant.withId("par-1");
		marko.apply(profile(ParticipantStatus.APPLIED, null), 0);

		boolean changed = marko.apply(profile(ParticipantStatus.ACCEPTED, "account-marko"), 1);

		assertThat(changed).isTrue();
		assertThat(marko.getAccountId()).isEqualTo("account-marko");
	}

	@Test
	void anOlderProfileNamingTheAccountStillGivesItButChangesNothingElse() {
		Participant marko = Participant.withId("par-1");
		marko.apply(profile(ParticipantStatus.ACCEPTED, null, "Europe/Skopje"), 5);

		boolean changed = marko.apply(profile(ParticipantStatus.ACCEPTED, "account-marko", "Europe/Zagreb"), 2);

		assertThat(changed).isTrue();
		assertThat(marko.getAccountId()).isEqualTo("account-marko");
		assertThat(marko.getTimeZone()).isEqualTo("Europe/Skopje");
	}

	@Test
	void aProfileWithoutAnAccountDoesNotUnlinkHer() {
		Participant marko = Participant.withId("par-1");
		marko.apply(profile(ParticipantStatus.ACCEPTED, "account-marko"), 1);

		marko.apply(profile(ParticipantStatus.ACTIVE, null), 2);

		assertThat(marko.getAccountId()).isEqualTo("account-marko");
	}

	@Test
	void erasureDropsTheAccountForGood() {
		Participant marko = Participant.withId("par-1");
		marko.apply(profile(ParticipantStatus.ACCEPTED, "account-marko"), 1);

		marko.erased("prog-1", "org-1");

		assertThat(marko.getAccountId()).isNull();
		assertThat(marko.apply(profile(ParticipantStatus.ACTIVE, "account-marko"), 9)).isFalse();
		assertThat(marko.getAccountId()).isNull();
	}

	@Test
	void herGoalsAreTheCodesOfTheNewestProfileAndGoWithHerErasure() {
		Participant marko = Participant.withId("par-1");
		marko.apply(withGoals(profile(ParticipantStatus.ACTIVE, "account-marko"), "digital-tools"), 1);
		marko.apply(withGoals(profile(ParticipantStatus.ACTIVE, "account-marko"), "community-engagement",
				"digital-tools"), 2);
		marko.apply(withGoals(profile(ParticipantStatus.ACTIVE, "account-marko"), "older"), 0);

		assertThat(marko.getGoals()).containsExactly("community-engagement", "digital-tools");

		marko.erased("prog-1", "org-1");

		assertThat(marko.getGoals()).isEmpty();
	}

	private static ParticipantProfile withGoals(ParticipantProfile p, String... codes) {
		return new ParticipantProfile(p.participantId(), p.programmeId(), p.organisationId(), p.role(), p.status(),
				p.country(), p.city(), p.languages(), p.preferredLocale(), p.skills(),
				Arrays.stream(codes).map(code -> new Skill(code, 4)).toList(), p.format(), p.timeZone(),
				p.availability(), p.capacity(), p.preferredMentorIds(), p.avoidedParticipantIds(), p.accountId());
	}

	private static ParticipantProfile profile(ParticipantStatus status, String accountId) {
		return profile(status, accountId, "Europe/Belgrade");
	}

	private static ParticipantProfile profile(ParticipantStatus status, String accountId, String zone) {
		return new ParticipantProfile("par-1", "prog-1", "org-1", Role.MENTEE, status, "MK", "Skopje", List.of("en"),
				"en", List.of(), List.of(), Format.ONLINE, zone, List.of(), 0, List.of(), List.of(), accountId);
	}

}
