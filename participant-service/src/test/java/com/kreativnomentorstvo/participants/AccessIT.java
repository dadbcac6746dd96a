package com.kreativnomentorstvo.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * Every endpoint refuses what the caller may not see with 404, as if it did not exist: a
 * coordinator of an organisation outside the programme, and a participant asking about another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIT extends ServiceIT {

	String organiser;

	String partner;

	String outsider;

	String programme;

	String mentor;

	String mentee;

	String otherMentee;

	String outsiderCoordinator;

	String menteeToken;

	@BeforeAll
	void aProgrammeWithParticipantsAndAnOrganisationOutsideIt() {
		connect();
		organiser = newOrganisation("RS");
		partner = newOrganisation("HR");
		outsider = newOrganisation("SI");
		programme = newProgramme(Fixtures.aProgramme(organiser, partner));
		mentor = enrol(Fixtures.aMentor(programme, organiser));
		mentee = enrol(Fixtures.aMentee(programme, partner));
		otherMentee = enrol(Fixtures.aMentee(programme, partner));
		outsiderCoordinator = TOKENS.coordinator(outsider);
		menteeToken = TOKENS.participant(mentee, partner, "mentee");
		// an outsider coordinating her own programme must still not see this one
		newProgramme(Fixtures.aProgramme(outsider));
	}

	/** A request against the scenario: (scenario, token) → reply. */
	interface Call extends BiFunction<AccessIT, String, Reply> {
	}

	static Stream<Named<Call>> endpointsAboutAParticipant() {
		return Stream.of(
				Named.of("GET participant", (Call) (s, t) -> s.api.get(s.participant(s.mentor), t)),
				Named.of("PATCH participant", (Call) (s, t) -> s.api.patch(s.participant(s.mentor), t,
						Map.of("city", "Elsewhere"), s.etagOf(s.participant(s.mentor)))),
				Named.of("POST accept", (Call) (s, t) -> s.api.post(s.participant(s.mentor) + "/accept", t, "{}")),
				Named.of("POST reject", (Call) (s, t) -> s.api.post(s.participant(s.mentor) + "/reject", t,
						Map.of("reason", "no"))),
				Named.of("POST activate", (Call) (s, t) -> s.api.post(s.participant(s.mentor) + "/activate", t, null)),
				Named.of("POST withdraw", (Call) (s, t) -> s.api.post(s.participant(s.mentor) + "/withdraw", t, null)),
				Named.of("GET export", (Call) (s, t) -> s.api.get(s.participant(s.mentor) + "/export", t)),
				Named.of("DELETE participant", (Call) (s, t) -> s.api.delete(s.participant(s.mentor), t)),
				Named.of("GET consent", (Call) (s, t) -> s.api.get(s.participant(s.mentor) + "/consent", t)),
				Named.of("PUT consent", (Call) (s, t) -> s.api.put(s.participant(s.mentor) + "/consent", t,
						Map.of("version", "2026-11", "scopes", List.of("programme-participation")), null)),
				Named.of("DELETE consent", (Call) (s, t) -> s.api.delete(s.participant(s.mentor) + "/consent", t)));
	}

	static Stream<Named<Call>> endpointsAboutTheProgramme() {
		return Stream.of(
				Named.of("GET organisation", (Call) (s, t) -> s.api.get("/api/v1/organisations/" + s.organiser, t)),
				Named.of("PATCH organisation", (Call) (s, t) -> s.api.patch("/api/v1/organisations/" + s.organiser, t,
						Map.of("name", "Taken over"), s.etagOf("/api/v1/organisations/" + s.organiser))),
				Named.of("GET programme", (Call) (s, t) -> s.api.get("/api/v1/programmes/" + s.programme, t)),
				Named.of("PATCH programme", (Call) (s, t) -> s.api.patch("/api/v1/programmes/" + s.programme, t,
						Map.of("name", "Taken over"), s.etagOf("/api/v1/programmes/" + s.programme))),
				Named.of("GET milestones", (Call) (s, t) -> s.api.get("/api/v1/programmes/" + s.programme
						+ "/milestones", t)),
				Named.of("POST milestone", (Call) (s, t) -> s.api.post("/api/v1/programmes/" + s.programme
						+ "/milestones", t, Map.of("kind", "TRAINING", "date", s.programmeDay(60)))),
				Named.of("PUT milestones", (Call) (s, t) -> s.api.put("/api/v1/programmes/" + s.programme
						+ "/milestones", t, List.of(), s.etagOf("/api/v1/programmes/" + s.programme))),
				Named.of("POST participant", (Call) (s, t) -> s.api.post("/api/v1/participants", t,
						Fixtures.aMentee(s.programme, s.outsider))),
				Named.of("GET participants of the programme", (Call) (s, t) -> s.api.get(
						"/api/v1/participants?programmeId=" + s.programme, t)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource({ "endpointsAboutAParticipant", "endpointsAboutTheProgramme" })
	void aCoordinatorOfAnotherOrganisationFindsNothing(Call call) {
		long versionBefore = version(mentor);

		Reply reply = call.apply(this, outsiderCoordinator);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
		assertThat(reply.problemType()).isEqualTo("urn:mentoring:problem:not-found");
		assertUntouched(versionBefore);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("endpointsAboutAParticipant")
	void aParticipantFindsNothingAboutAnother(Call call) {
		long versionBefore = version(mentor);

		Reply reply = call.apply(this, menteeToken);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
		assertUntouched(versionBefore);
	}

	@Test
	void aParticipantReadsHerselfButNotTheOthersOfHerProgramme() {
		assertThat(api.get(participant(mentee), menteeToken).status()).isEqualTo(200);
		assertThat(api.get(participant(otherMentee), menteeToken).status()).isEqualTo(404);
		assertThat(api.get(participant(otherMentee) + "/export", menteeToken).status()).isEqualTo(404);

		Reply list = api.get("/api/v1/participants?programmeId=" + programme, menteeToken);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().path("items")).extracting(item -> item.path("id").asString()).containsExactly(mentee);
		assertThat(list.json().path("total").asLong()).isEqualTo(1);
	}

	@Test
	void aParticipantMayNotReviewHerself() {
		for (String action : List.of("accept", "activate")) {
			Reply reply = api.post(participant(mentee) + "/" + action, menteeToken, null);
			assertThat(reply.status()).as(action + " " + reply).isEqualTo(403);
		}
		assertThat(api.post(participant(mentee) + "/reject", menteeToken, Map.of("reason", "x")).status())
			.isEqualTo(403);
		assertThat(api.get(participant(mentee), admin).text("status")).isEqualTo("APPLIED");
	}

	@Test
	void listsLeaveOutWhatTheCallerMayNotSee() {
		assertThat(ids(api.get("/api/v1/organisations?size=100", outsiderCoordinator))).contains(outsider)
			.doesNotContain(organiser, partner);
		assertThat(ids(api.get("/api/v1/programmes?size=100", outsiderCoordinator))).doesNotContain(programme)
			.hasSize(1);
		assertThat(ids(api.get("/api/v1/participants?size=100", outsiderCoordinator))).doesNotContain(mentor, mentee);

		String partnerCoordinator = TOKENS.coordinator(partner);
		assertThat(ids(api.get("/api/v1/organisations?size=100", partnerCoordinator))).contains(organiser, partner);
		assertThat(ids(api.get("/api/v1/programmes?size=100", partnerCoordinator))).containsExactly(programme);
		assertThat(ids(api.get("/api/v1/participants?programmeId=" + programme, partnerCoordinator)))
			.containsExactlyInAnyOrder(mentor, mentee, otherMentee);
	}

	@Test
	void onlyAdministratorsRegisterOrganisationsAndOnlyTheOrganiserSetsUpItsProgrammes() {
		Reply organisation = api.post("/api/v1/organisations", outsiderCoordinator,
				Fixtures.anOrganisation("org-" + Fixtures.unique(), "SI"));
		assertThat(organisation.status()).isEqualTo(403);
		Reply foreignProgramme = api.post("/api/v1/programmes", outsiderCoordinator, Fixtures.aProgramme(organiser));
		assertThat(foreignProgramme.status()).isEqualTo(403);
		assertThat(api.post("/api/v1/programmes", menteeToken, Fixtures.aProgramme(partner)).status()).isEqualTo(403);
		Reply partnerChange = api.patch("/api/v1/programmes/" + programme, TOKENS.coordinator(partner),
				Map.of("name", "Renamed by a partner"), etagOf("/api/v1/programmes/" + programme));
		assertThat(partnerChange.status()).as("a partner sees the programme but does not run it").isEqualTo(403);
	}

	@Test
	void aProgrammesPolicyIsForItsCoordinators() {
		assertThat(api.get("/api/v1/programmes/" + programme, TOKENS.coordinator(partner)).json().has("matchingPolicy"))
			.isTrue();
		Reply asMentee = api.get("/api/v1/programmes/" + programme, menteeToken);
		assertThat(asMentee.status()).isEqualTo(200);
		assertThat(asMentee.json().has("matchingPolicy")).isFalse();
	}

	String participant(String id) {
		return "/api/v1/participants/" + id;
	}

	String etagOf(String path) {
		return api.get(path, admin).etag();
	}

	String programmeDay(int days) {
		return Fixtures.today().plusDays(days).toString();
	}

	private long version(String participant) {
		return api.get(participant(participant), admin).json().path("version").asLong();
	}

	private void assertUntouched(long mentorVersion) {
		Reply mentorNow = api.get(participant(mentor), admin);
		assertThat(mentorNow.status()).isEqualTo(200);
		assertThat(mentorNow.json().path("version").asLong()).isEqualTo(mentorVersion);
		assertThat(mentorNow.text("status")).isEqualTo("APPLIED");
		Reply programmeNow = api.get("/api/v1/programmes/" + programme, admin);
		assertThat(programmeNow.json().path("version").asLong()).isZero();
		assertThat(programmeNow.json().path("milestones")).hasSize(3);
		Reply organiserNow = api.get("/api/v1/organisations/" + organiser, admin);
		assertThat(organiserNow.etag()).isEqualTo("\"0\"");
		assertThat(organiserNow.text("name")).isEqualTo("Organisation " + organiser);
	}

	private static List<String> ids(Reply list) {
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return java.util.stream.StreamSupport.stream(list.json().path("items").spliterator(), false)
			.map(item -> item.path("id").asString())
			.toList();
	}


}
