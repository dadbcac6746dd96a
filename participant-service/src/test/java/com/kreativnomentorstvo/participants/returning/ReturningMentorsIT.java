package com.kreativnomentorstvo.participants.returning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.participants.ParticipantAdmitted;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.ReturnInvited;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.participants.account.AccountLink;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.Participants;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.platform.links.SignedLinks;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * Mentors of the cycle a programme was copied from, invited back with one link each: who may invite,
 * who is invited (once), the page the link opens, and the click that enrols her with her profile
 * and account.
 */
class ReturningMentorsIT extends ServiceIT {

	@Autowired
	SignedLinks signedLinks;

	/** The store's participants, real, but able to fail one save on purpose. */
	@MockitoSpyBean
	Participants participants;

	@Test
	void eachActiveMentorOfThePreviousCycleIsInvitedOnceAndNeitherAWithdrawnMentorNorAMenteeIs() {
		Cycles cycles = cycles();
		String mentor = enrol(Fixtures.aMentor(cycles.previous, cycles.organiser));
		String other = enrol(Fixtures.aMentor(cycles.previous, cycles.organiser).with("preferredLocale", "hr"));
		String withdrawn = enrol(Fixtures.aMentor(cycles.previous, cycles.organiser));
		Reply left = api.post("/api/v1/participants/" + withdrawn + "/withdraw", admin, null);
		assertThat(left.status()).as(left.toString()).isLessThan(300);
		String mentee = enrol(Fixtures.aMentee(cycles.previous, cycles.organiser));

		Reply first = api.post(path(cycles.next), cycles.coordinator, null);
		Reply second = api.post(path(cycles.next), cycles.coordinator, null);

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().path("invited").asInt()).isEqualTo(2);
		assertThat(first.json().path("invitedBefore").asInt()).isZero();
		assertThat(first.text("previousCycleId")).isEqualTo(cycles.previous);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().path("invited").asInt()).as("asked again, nobody is invited twice").isZero();
		assertThat(second.json().path("invitedBefore").asInt()).isEqualTo(2);
		ReturnInvited invitation = invitationOf(mentor);
		assertThat(invitation.nextProgrammeId()).isEqualTo(cycles.next);
		assertThat(invitation.programmeId()).isEqualTo(cycles.previous);
		assertThat(invitation.accountId()).isEqualTo(TestTokens.accountOf(mentor));
		invitationOf(other);
		assertThat(linksTo(mentor)).as("one link each, also when asked twice").isEqualTo(1);
		assertThat(linksTo(other)).isEqualTo(1);
		assertThat(linksTo(withdrawn)).isZero();
		assertThat(linksTo(mentee)).isZero();
		assertThat(invitations(mentor)).as("one invitation each").hasSize(1);
		assertThat(invitations(other)).hasSize(1);
		assertThat(invitations(withdrawn)).as("a withdrawn mentor is not invited").isEmpty();
		assertThat(invitations(mentee)).as("a mentee is not invited").isEmpty();
	}

	@Test
	void anInvitationWhoseAnnouncementFailedIsForgottenSoThatTheNextClickSendsIt() {
		Cycles cycles = cycles();
		String mentor = enrol(Fixtures.aMentor(cycles.previous, cycles.organiser));
		Mockito.doThrow(new DataAccessResourceFailureException("the store went away"))
			.when(participants)
			.save(ArgumentMatchers.argThat((Participant p) -> p != null && mentor.equals(p.getId())));

		Reply failed = api.post(path(cycles.next), cycles.coordinator, null);

		assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);
		assertThat(mongo.count(Query.query(Criteria.where("participantId").is(mentor)), ReturnInvitation.class))
			.as("no invitation kept without its announcement").isZero();
		assertThat(invitations(mentor)).isEmpty();
		Mockito.reset(participants); // the store is back

		Reply again = api.post(path(cycles.next), cycles.coordinator, null);

		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().path("invited").asInt()).as("she is invited now, not counted as invited before")
			.isEqualTo(1);
		assertThat(invitationOf(mentor).nextProgrammeId()).isEqualTo(cycles.next);
	}

	@Test
	void erasingHerForgetsHerInvitationAndItsLink() {
		Cycles cycles = cycles();
		String mentor = enrol(Fixtures.aMentor(cycles.previous, cycles.organiser));
		assertThat(api.post(path(cycles.next), cycles.coordinator, null).status()).isEqualTo(200);
		ReturnInvited invitation = invitationOf(mentor);
		assertThat(mongo.count(Query.query(Criteria.where("participantId").is(mentor)), ReturnInvitation.class))
			.isEqualTo(1);

		assertThat(api.delete("/api/v1/participants/" + mentor, admin).status()).isEqualTo(204);

		assertThat(mongo.count(Query.query(Criteria.where("participantId").is(mentor)), ReturnInvitation.class))
			.as("her invitation is forgotten").isZero();
		assertThat(linksTo(mentor)).isZero();
		Reply page = api.page("/account/return?token=" + tokenOf(invitation), "en");
		assertThat(page.status()).isEqualTo(422);
	}

	@Test
	void onlyTheNewProgrammesOrganiserOrAnAdministratorInvitesAndOnlyForANextCycle() {
		Cycles cycles = cycles();
		enrol(Fixtures.aMentor(cycles.previous, cycles.organiser));
		String outsider = newOrganisation("SI");

		Reply byPartner = api.post(path(cycles.next), TOKENS.coordinator(cycles.partner), null);
		Reply byOutsider = api.post(path(cycles.next), TOKENS.coordinator(outsider), null);
		Reply anonymous = api.post(path(cycles.next), null, null);
		Reply firstCycle = api.post(path(cycles.previous), cycles.coordinator, null);
		Reply byAdmin = api.post(path(cycles.next), admin, null);

		assertThat(byPartner.status()).as(byPartner.toString()).isEqualTo(403);
		assertThat(byOutsider.status()).as(byOutsider.toString()).isEqualTo(404);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(firstCycle.status()).as(firstCycle.toString()).isEqualTo(422);
		assertThat(firstCycle.body()).contains("programmeId");
		assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
		assertThat(byAdmin.json().path("invited").asInt()).as("the refused requests invited nobody").isEqualTo(1);
	}

	@Test
	void theLinkShowsWhatCarriesOverAndOneClickEnrolsHerWithHerProfileAndAccountOnce() {
		Cycles cycles = cycles();
		String mentor = enrol(Fixtures.aMentor(cycles.previous, cycles.organiser).with("preferredLocale", "sl"));
		assertThat(api.post(path(cycles.next), cycles.coordinator, null).status()).isEqualTo(200);
		String token = tokenOf(invitationOf(mentor));

		Reply page = api.page("/account/return?token=" + token, "en");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("lang=\"sl\"").contains("Reg. Lab again").contains("transnational-programmes")
			.contains("Belgrade").contains("kombinirano (na spletu in v živo)").contains("privolitev").contains("name=\"token\"");
		assertThat(participants.existsByProgrammeIdAndAccountIdAndErasedAtIsNull(cycles.next,
				TestTokens.accountOf(mentor))).as("opening the page enrols nobody").isFalse();

		Reply done = api.submit("/account/return", Map.of("token", token));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.body()).contains("Dobrodošli nazaj");
		Participant was = participants.findById(mentor).orElseThrow();
		Participant now = participants
			.findFirstByProgrammeIdAndAccountIdAndErasedAtIsNull(cycles.next, TestTokens.accountOf(mentor))
			.orElseThrow();
		assertThat(now.getId()).isNotEqualTo(mentor);
		assertThat(now.getRole()).isEqualTo(Role.MENTOR);
		assertThat(now.getStatus()).isEqualTo(ParticipantStatus.ACCEPTED);
		assertThat(now.getOrganisationId()).isEqualTo(cycles.organiser);
		assertThat(now.getAccountId()).isEqualTo(TestTokens.accountOf(mentor));
		assertThat(now.getDetails().skills()).isEqualTo(was.getDetails().skills());
		assertThat(now.getDetails().languages()).isEqualTo(was.getDetails().languages());
		assertThat(now.getDetails().country()).isEqualTo(was.getDetails().country());
		assertThat(now.getDetails().city()).isEqualTo(was.getDetails().city());
		assertThat(now.getDetails().format()).isEqualTo(was.getDetails().format());
		assertThat(now.getDetails().timeZone()).isEqualTo(was.getDetails().timeZone());
		assertThat(now.getDetails().availability()).isEqualTo(was.getDetails().availability());
		assertThat(now.getDetails().capacity()).isEqualTo(2);
		assertThat(now.getDetails().preferredLocale()).isEqualTo("sl");
		assertThat(now.getConsent()).as("her click is her consent").isNotNull();
		assertThat(now.getConsentHistory()).extracting(c -> c.action()).containsExactly("GIVEN");

		ParticipantEnrolled enrolled = EventAssertions.assertContractKept(
				EventRecords.awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_ENROLLED.typeName(), now.getId()),
				ParticipantEnrolled.class);
		assertThat(enrolled.profile().accountId()).isEqualTo(TestTokens.accountOf(mentor));
		assertThat(enrolled.profile().programmeId()).isEqualTo(cycles.next);
		ParticipantAdmitted admitted = EventAssertions.assertContractKept(
				EventRecords.awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_ADMITTED.typeName(), now.getId()),
				ParticipantAdmitted.class);
		assertThat(admitted.passwordLinkId()).as("no new password").isNull();
		EventRecords.awaitEvent(Topics.PARTICIPANT_CONTACTS, EventType.PARTICIPANT_CONTACT_CHANGED.typeName(),
				now.getId());

		Reply twice = api.submit("/account/return", Map.of("token", token));
		assertThat(twice.status()).isEqualTo(200);
		assertThat(twice.body()).contains("Že ste vpisani").doesNotContain("Exception");
		assertThat(participants.findByProgrammeIdAndRole(cycles.next, Role.MENTOR))
			.filteredOn(p -> TestTokens.accountOf(mentor).equals(p.getAccountId()))
			.as("a second click enrols her no more")
			.hasSize(1);
		Reply pageAgain = api.page("/account/return?token=" + token, "en");
		assertThat(pageAgain.status()).as("a used link says so").isEqualTo(422);
		assertThat(pageAgain.body()).contains("lang=\"sl\"");
	}

	@Test
	void anExpiredForgedOrOtherPurposesLinkIsRefusedWithAPageNotAnError() {
		Cycles cycles = cycles();
		String mentor = enrol(Fixtures.aMentor(cycles.previous, cycles.organiser).with("preferredLocale", "en"));
		assertThat(api.post(path(cycles.next), cycles.coordinator, null).status()).isEqualTo(200);
		ReturnInvited invitation = invitationOf(mentor);
		mongo.updateFirst(Query.query(Criteria.where("_id").is(invitation.linkId())),
				new Update().set("expiresAt", Instant.now().minusSeconds(1)), AccountLink.class);

		Reply expired = api.submit("/account/return", Map.of("token", tokenOf(invitation)));
		Reply expiredPage = api.page("/account/return?token=" + tokenOf(invitation), "en");
		Reply forged = api.submit("/account/return", Map.of("token", "nonsense"));
		Reply otherPurpose = api.submit("/account/return",
				Map.of("token", signedLinks.token("SET_PASSWORD", invitation.linkId())));

		assertThat(expired.status()).isEqualTo(422);
		assertThat(expired.body()).contains("This link has expired");
		assertThat(expiredPage.status()).isEqualTo(422);
		assertThat(forged.status()).isEqualTo(422);
		assertThat(forged.body()).contains("This link is not valid");
		assertThat(otherPurpose.status()).isEqualTo(422);
		assertThat(otherPurpose.body()).contains("This link is not valid");
		assertThat(participants.existsByProgrammeIdAndAccountIdAndErasedAtIsNull(cycles.next,
				TestTokens.accountOf(mentor))).as("nothing was enrolled").isFalse();
	}

	private record Cycles(String organiser, String partner, String coordinator, String previous, String next) {
	}

	private Cycles cycles() {
		String organiser = newOrganisation("RS");
		String partner = newOrganisation("HR");
		String previous = newProgramme(Fixtures.aProgramme(organiser, partner));
		String coordinator = TOKENS.coordinator(organiser);
		Reply copied = api.post("/api/v1/programmes/" + previous + "/next-cycle", coordinator,
				Map.of("startsOn", Fixtures.today().plusDays(400).toString(), "name", "Reg. Lab again"));
		assertThat(copied.status()).as(copied.toString()).isEqualTo(201);
		return new Cycles(organiser, partner, coordinator, previous, copied.text("id"));
	}

	private static String path(String programme) {
		return "/api/v1/programmes/" + programme + "/returning-mentors";
	}

	private ReturnInvited invitationOf(String participant) {
		ConsumerRecord<String, byte[]> record = EventRecords.awaitEvent(Topics.PARTICIPANTS,
				EventType.RETURN_INVITED.typeName(), participant);
		return EventAssertions.assertContractKept(record, ReturnInvited.class);
	}

	private List<ConsumerRecord<String, byte[]>> invitations(String participant) {
		return records(Topics.PARTICIPANTS, EventRecords.event(EventType.RETURN_INVITED.typeName(), participant));
	}

	private long linksTo(String participant) {
		return mongo.count(Query.query(Criteria.where("recipientId").is(participant).and("purpose").is("RETURN_AS_MENTOR")),
				AccountLink.class);
	}

	private String tokenOf(ReturnInvited invitation) {
		return signedLinks.token("RETURN_AS_MENTOR", invitation.linkId());
	}

}
