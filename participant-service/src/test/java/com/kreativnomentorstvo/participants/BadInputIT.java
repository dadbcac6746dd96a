package com.kreativnomentorstvo.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.Json;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * Bad input of every kind is refused with a 4xx problem that names the field, and nothing is
 * stored: each case breaks one thing in a body that is otherwise accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT extends ServiceIT {

	String organiser;

	String partner;

	String programme;

	String mentor;

	String coordinator;

	@BeforeAll
	void aProgrammeWithAMentor() {
		connect();
		organiser = newOrganisation("RS");
		partner = newOrganisation("HR");
		programme = newProgramme(Fixtures.aProgramme(organiser, partner));
		mentor = enrol(Fixtures.aMentor(programme, organiser));
		coordinator = TOKENS.coordinator(organiser);
	}

	static Stream<Arguments> badEnrolments() {
		return Stream.of(
				bad("missing displayName", b -> b.without("displayName"), 400, "displayName"),
				bad("displayName of the wrong type", b -> b.with("displayName", 42), 400, "displayName"),
				bad("huge displayName", b -> b.with("displayName", "x".repeat(10_000)), 400, "displayName"),
				bad("blank displayName", b -> b.with("displayName", "   "), 400, "displayName"),
				bad("control character in displayName", b -> b.with("displayName", "Ana\u0007"), 400, "displayName"),
				bad("e-mail without @", b -> b.with("email", "not-an-address"), 400, "email"),
				bad("e-mail without a domain", b -> b.with("email", "ana@localhost"), 400, "email"),
				bad("status set by the client", b -> b.with("status", "ACCEPTED"), 400, "status"),
				bad("unknown field", b -> b.with("nickname", "Ana"), 400, "nickname"),
				bad("country as a name", b -> b.with("country", "Serbia"), 400, "country"),
				bad("country in lower case", b -> b.with("country", "rs"), 400, "country"),
				bad("country that does not exist", b -> b.with("country", "ZZ"), 400, "country"),
				bad("unknown time zone", b -> b.with("timeZone", "Mars/Olympus_Mons"), 400, "timeZone"),
				bad("offset instead of a time zone", b -> b.with("timeZone", "+01:00"), 400, "timeZone"),
				bad("no languages", b -> b.with("languages", List.of()), 400, "languages"),
				bad("unknown language", b -> b.with("languages", List.of("klingon")), 400, "languages[0]"),
				bad("languages as a string", b -> b.with("languages", "en"), 400, "languages"),
				bad("unsupported message locale", b -> b.with("preferredLocale", "de"), 400, "preferredLocale"),
				bad("unknown role", b -> b.with("role", "COACH"), 400, "role"),
				bad("unknown format", b -> b.with("format", "TELEPATHY"), 400, "format"),
				bad("negative capacity", b -> b.with("capacity", -1), 400, "capacity"),
				bad("zero capacity", b -> b.with("capacity", 0), 400, "capacity"),
				bad("capacity as text", b -> b.with("capacity", "two"), 400, "capacity"),
				bad("fractional capacity", b -> b.with("capacity", 1.5), 400, "capacity"),
				bad("skill outside the taxonomy", b -> skill(b, "juggling", 3), 422, "skills[0].code"),
				bad("skill level above 5", b -> skill(b, "digital-tools", 9), 400, "skills[0].level"),
				bad("mentor without skills", b -> b.with("skills", List.of()), 422, "skills"),
				bad("mentor with goals", b -> b.with("goals", List.of(Map.of("code", "digital-tools", "level", 3))), 422,
						"goals"),
				bad("window ending before it starts", b -> slot(b, "MONDAY", "19:00", "17:00"), 422, "availability[0].to"),
				bad("impossible time", b -> slot(b, "MONDAY", "25:00", "19:00"), 400, "availability[0].from"),
				bad("unknown day", b -> slot(b, "FUNDAY", "17:00", "19:00"), 400, "availability[0].day"),
				bad("overlapping windows", b -> {
					List<Object> slots = new ArrayList<>(List.of(Map.of("day", "MONDAY", "from", "17:00", "to", "19:00"),
							Map.of("day", "MONDAY", "from", "18:00", "to", "20:00")));
					return b.with("availability", slots);
				}, 422, "availability[1]"),
				bad("no consent", b -> b.without("consent"), 400, "consent"),
				bad("consent without the scope taking part needs", b -> consent(b, List.of("matching")), 422,
						"consent.scopes"),
				bad("unknown consent scope", b -> consent(b, List.of("programme-participation", "selling-data")), 422,
						"consent.scopes[1]"),
				bad("consent with a time of the client's", b -> {
					b.at("consent").with("givenAt", "2020-01-01T00:00:00Z");
					return b;
				}, 400, "consent.givenAt"),
				bad("organisation not registered", b -> b.with("organisationId", "org-nowhere-" + Fixtures.unique()),
						422, "organisationId"),
				bad("id in upper case", b -> b.with("id", "P-Mentor-Ana"), 400, "id"),
				bad("id too long", b -> b.with("id", "p-" + "a".repeat(80)), 400, "id"),
				bad("in person without a city", b -> b.with("format", "IN_PERSON").without("city"), 422, "city"),
				bad("no language the programme works in", b -> b.with("languages", List.of("de", "fr")), 422,
						"languages"),
				bad("preferred mentor who is not one", b -> mentee(b).with("preferredMentorIds", List.of("p-nobody")),
						422, "preferredMentorIds[0]"),
				bad("mentee with a capacity", b -> mentee(b).with("capacity", 2), 422, "capacity"),
				bad("mentee with skills", b -> mentee(b).with("skills", List.of(Map.of("code", "digital-tools",
						"level", 2))), 422, "skills"),
				bad("malformed date-like text in a list", b -> b.with("avoidedParticipantIds", List.of("Not An Id")),
						400, "avoidedParticipantIds[0]"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badEnrolments")
	void aBadEnrolmentIsRefusedNamingTheFieldAndNothingIsStored(String kind, UnaryOperator<Json> breakIt, int status,
			String field) {
		String id = "p-bad-" + Fixtures.unique();
		String email = "bad-" + Fixtures.unique() + "@example.org";
		Json body = breakIt.apply(Fixtures.aMentor(programme, organiser).with("email", email).with("id", id));
		if (!body.containsKey("id") || !id.equals(body.get("id"))) {
			id = null;
		}

		Reply reply = api.post("/api/v1/participants", admin, body);

		assertProblemNaming(reply, status, field);
		if (id != null) {
			assertThat(mongo.findById(id, Document.class, "participants")).isNull();
		}
		assertThat(api.get("/api/v1/participants?programmeId=" + programme + "&q=" + email, admin).json()
			.path("total")
			.asLong()).isZero();
	}

	static Stream<Arguments> badProgrammes() {
		return Stream.of(
				bad("end before start", b -> b.with("endsOn", Fixtures.today().plusDays(1).toString()), 422, "endsOn"),
				bad("enrolment closing before it opens", b -> b.with("enrolmentClosesOn",
						Fixtures.today().minusDays(20).toString()), 422, "enrolmentClosesOn"),
				bad("enrolment closing after the end", b -> b.with("enrolmentClosesOn",
						Fixtures.today().plusDays(400).toString()), 422, "enrolmentClosesOn"),
				bad("impossible date", b -> b.with("startsOn", "2026-13-01"), 400, "startsOn"),
				bad("milestone outside the programme", b -> b.with("milestones",
						List.of(Map.of("kind", "MIDTERM", "date", Fixtures.today().plusDays(400).toString()))), 422,
						"milestones[0].date"),
				bad("two kick-offs", b -> b.with("milestones", List.of(
						Map.of("kind", "KICK_OFF", "date", Fixtures.today().plusDays(30).toString()),
						Map.of("kind", "KICK_OFF", "date", Fixtures.today().plusDays(31).toString()))), 422,
						"milestones[1].kind"),
				bad("taxonomy code with spaces", b -> b.with("taxonomy", List.of("Digital Tools")), 400, "taxonomy[0]"),
				bad("partner that is not registered", b -> b.with("partnerIds", List.of("org-ghost-" + Fixtures.unique())),
						422, "partnerIds[0]"),
				bad("organiser as its own partner", b -> b.with("partnerIds", List.of(b.get("organiserId"))), 422,
						"partnerIds[0]"),
				bad("unknown cross-border preference", b -> b.with("matchingPolicy", Map.of("crossBorder", "SOMETIMES")),
						400, "matchingPolicy.crossBorder"),
				bad("negative default capacity", b -> b.with("matchingPolicy", Map.of("defaultMentorCapacity", -3)),
						400, "matchingPolicy.defaultMentorCapacity"),
				bad("all weights zero", b -> b.with("matchingPolicy", Map.of("weights", Map.of("goals", 0, "availability", 0,
						"timezone", 0, "country", 0, "preferences", 0))), 422, "matchingPolicy.weights"),
				bad("a criterion matching does not score", b -> b.with("matchingPolicy",
						Map.of("weights", Map.of("goals", 40, "language", 10))), 422, "matchingPolicy.weights.language"),
				bad("a criterion name that is no name", b -> b.with("matchingPolicy",
						Map.of("weights", Map.of("goals", 40, "Shared language!", 10))), 422, "matchingPolicy.weights"),
				bad("legacy time-zone alias", b -> b.with("timeZone", "CET"), 400, "timeZone"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badProgrammes")
	void aBadProgrammeIsRefusedNamingTheFieldAndNothingIsStored(String kind, UnaryOperator<Json> breakIt, int status,
			String field) {
		String id = "prog-bad-" + Fixtures.unique();
		Json body = breakIt.apply(Fixtures.aProgramme(organiser, partner).with("id", id));

		Reply reply = api.post("/api/v1/programmes", admin, body);

		assertProblemNaming(reply, status, field);
		assertThat(mongo.findById(id, Document.class, "programmes")).isNull();
	}

	static Stream<Arguments> badOrganisations() {
		return Stream.of(bad("unknown country code", b -> b.with("country", "XX"), 400, "country"),
				bad("unknown kind", b -> b.with("kind", "club"), 400, "kind"),
				bad("website that is not http", b -> b.with("website", "ftp://files.example.org"), 400, "website"),
				bad("contact e-mail without @", b -> b.with("contactEmail", "office"), 400, "contactEmail"),
				bad("missing name", b -> b.without("name"), 400, "name"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badOrganisations")
	void aBadOrganisationIsRefusedNamingTheFieldAndNothingIsStored(String kind, UnaryOperator<Json> breakIt,
			int status, String field) {
		String id = "org-bad-" + Fixtures.unique();

		Reply reply = api.post("/api/v1/organisations", admin, breakIt.apply(Fixtures.anOrganisation(id, "RS")));

		assertProblemNaming(reply, status, field);
		assertThat(mongo.findById(id, Document.class, "organisations")).isNull();
	}

	static Stream<Arguments> badOrganisationChanges() {
		return Stream.of(bad("name too long", b -> b.with("name", "x".repeat(201)), 400, "name"),
				bad("blank name", b -> b.with("name", "  "), 400, "name"),
				bad("name removed", b -> b.with("name", null), 422, "name"),
				bad("kind removed", b -> b.with("kind", null), 422, "kind"),
				bad("unknown kind", b -> b.with("kind", "club"), 400, "kind"),
				bad("website that is not a URL", b -> b.with("website", "www example org"), 400, "website"),
				bad("contact e-mail without @", b -> b.with("contactEmail", "office"), 400, "contactEmail"),
				bad("country changed by a patch", b -> b.with("country", "HR"), 400, "country"),
				bad("id changed by a patch", b -> b.with("id", "org-someone-else"), 400, "id"),
				bad("unknown field", b -> b.with("motto", "Together"), 400, "motto"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badOrganisationChanges")
	void aBadOrganisationChangeIsRefusedNamingTheFieldAndChangesNothing(String kind, UnaryOperator<Json> breakIt,
			int status, String field) {
		Reply before = api.get("/api/v1/organisations/" + organiser, admin);

		Reply reply = api.patch("/api/v1/organisations/" + organiser, coordinator,
				breakIt.apply(Json.object().with("website", "https://renamed.example.org")), before.etag());

		assertProblemNaming(reply, status, field);
		Reply after = api.get("/api/v1/organisations/" + organiser, admin);
		assertThat(after.etag()).isEqualTo(before.etag());
		assertThat(after.body()).isEqualTo(before.body());
	}

	static Stream<Arguments> badChanges() {
		return Stream.of(bad("status changed by a patch", b -> b.with("status", "ACTIVE"), 400, "status"),
				bad("consent changed by a patch", b -> b.with("consent", Map.of("version", "x", "scopes", List.of())),
						400, "consent"),
				bad("id changed by a patch", b -> b.with("id", "p-someone-else"), 400, "id"),
				bad("e-mail removed", b -> b.with("email", null), 422, "email"),
				bad("skill outside the taxonomy", b -> b.with("skills", List.of(Map.of("code", "juggling", "level", 2))),
						422, "skills[0].code"),
				bad("capacity above 20", b -> b.with("capacity", 50), 400, "capacity"),
				bad("languages emptied", b -> b.with("languages", List.of()), 400, "languages"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badChanges")
	void aBadChangeIsRefusedNamingTheFieldAndChangesNothing(String kind, UnaryOperator<Json> breakIt, int status,
			String field) {
		Reply before = api.get("/api/v1/participants/" + mentor, admin);

		Reply reply = api.patch("/api/v1/participants/" + mentor, coordinator,
				breakIt.apply(Json.object().with("city", "Zagreb")), before.etag());

		assertProblemNaming(reply, status, field);
		Reply after = api.get("/api/v1/participants/" + mentor, admin);
		assertThat(after.etag()).isEqualTo(before.etag());
		assertThat(after.text("city")).isEqualTo(before.text("city"));
	}

	static Stream<Arguments> badQueries() {
		return Stream.of(Arguments.of("page size above 100", "size=1000", "size"),
				Arguments.of("negative page", "page=-1", "page"), Arguments.of("page as text", "page=first", "page"),
				Arguments.of("unknown role", "role=BOSS", "role"), Arguments.of("unknown status", "status=DONE", "status"),
				Arguments.of("bad country", "country=Serbia", "country"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badQueries")
	void aBadQueryIsRefusedNamingTheParameter(String kind, String query, String parameter) {
		assertProblemNaming(api.get("/api/v1/participants?" + query, coordinator), 400, parameter);
	}

	@Test
	void aStaleETagIsAPreconditionFailureAndChangesNothing() {
		Reply before = api.get("/api/v1/participants/" + mentor, admin);

		Reply reply = api.patch("/api/v1/participants/" + mentor, coordinator, Map.of("city", "Skopje"), "\"999\"");

		assertThat(reply.status()).isEqualTo(412);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.problemType()).isEqualTo("urn:mentoring:problem:stale-version");
		assertThat(api.get("/api/v1/participants/" + mentor, admin).etag()).isEqualTo(before.etag());
	}

	@Test
	void aChangeWithoutIfMatchIsRefusedBecauseItCouldOverwriteAnother() {
		Reply reply = api.patch("/api/v1/participants/" + mentor, coordinator, Map.of("city", "Skopje"), null);

		assertThat(reply.status()).isEqualTo(428);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.body()).contains("If-Match");
	}

	@Test
	void malformedJsonAndHugeBodiesAreRefused() {
		Reply malformed = api.post("/api/v1/participants", admin, "{\"programmeId\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.isProblem()).isTrue();

		Reply huge = api.post("/api/v1/participants", admin,
				Fixtures.aMentor(programme, organiser).with("bio", "x".repeat(100_000)));
		assertThat(huge.status()).isEqualTo(413);
		assertThat(huge.isProblem()).isTrue();
	}

	@Test
	void theBodiesTheCasesBreakAreAcceptedWhole() {
		assertThat(api.post("/api/v1/participants", admin, Fixtures.aMentor(programme, organiser)).status())
			.isEqualTo(201);
		assertThat(api.post("/api/v1/participants", admin, mentee(Fixtures.aMentor(programme, organiser))).status())
			.isEqualTo(201);
		assertThat(api.post("/api/v1/programmes", admin, Fixtures.aProgramme(organiser, partner)).status())
			.isEqualTo(201);
		assertThat(api.post("/api/v1/organisations", admin,
				Fixtures.anOrganisation("org-" + Fixtures.unique(), "RS")).status()).isEqualTo(201);
		Reply before = api.get("/api/v1/participants/" + mentor, admin);
		assertThat(api.patch("/api/v1/participants/" + mentor, coordinator, Map.of("city", "Belgrade"), before.etag())
			.status()).isEqualTo(200);
		String organisation = newOrganisation("RS");
		assertThat(api.patch("/api/v1/organisations/" + organisation, TOKENS.coordinator(organisation),
				Map.of("website", "https://renamed.example.org"), api.get("/api/v1/organisations/" + organisation, admin)
					.etag()).status()).isEqualTo(200);
	}

	private static void assertProblemNaming(Reply reply, int status, String field) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.isProblem()).as("problem+json: %s", reply).isTrue();
		assertThat(reply.problemFields()).as(reply.toString()).anySatisfy(f -> assertThat(f).startsWith(field));
	}

	private static Arguments bad(String kind, UnaryOperator<Json> breakIt, int status, String field) {
		return Arguments.of(kind, breakIt, status, field);
	}

	private static Json skill(Json body, String code, int level) {
		return body.with("skills", List.of(Map.of("code", code, "level", level)));
	}

	private static Json slot(Json body, String day, String from, String to) {
		return body.with("availability", List.of(Map.of("day", day, "from", from, "to", to)));
	}

	private static Json consent(Json body, List<String> scopes) {
		body.at("consent").with("scopes", scopes);
		return body;
	}

	private static Json mentee(Json mentorBody) {
		return mentorBody.with("role", "MENTEE")
			.without("skills")
			.without("capacity")
			.with("goals", List.of(Map.of("code", "digital-tools", "level", 4)));
	}

}
