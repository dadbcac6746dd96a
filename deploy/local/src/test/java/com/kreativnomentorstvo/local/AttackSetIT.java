package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.RunningStack.send;
import static com.kreativnomentorstvo.local.RunningStack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attack set (OWASP API Security Top 10: broken object-level, authentication, property-level
 * and function-level authorisation, unrestricted resource consumption), run through the gateway
 * against every operation the services publish in their OpenAPI documents. The routes come from
 * the documents, not from a list kept here, so a new endpoint is attacked as soon as it exists;
 * the test prints what it covered and fails if a gateway route has no operation in it. Besides
 * strangers, another organisation and another participant, a partner in the same programme
 * attacks every route: she changes nothing and reads nothing her organisation does not steward.
 */
@Order(2)
@ExtendWith(RunningStack.Extension.class)
class AttackSetIT {

	private static final JsonMapper JSON = RunningStack.JSON;

	private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

	/** Endpoints a mail program or calendar app opens with a credential in the link, not a bearer token. */
	private static final Predicate<Operation> LINK_CREDENTIAL = op -> op.path().endsWith("/unsubscribe")
			|| op.path().equals("/api/v1/participants/{id}/calendar.ics");

	/**
	 * What people without an account use: the public calls, applying, confirming an address, setting
	 * a password through a link, asking for a reset, checking a certificate's code. No token is needed, but a bad one is still refused,
	 * and they are no organisation's objects.
	 */
	private static final Predicate<Operation> WITHOUT_ACCOUNT = op -> op.path().startsWith("/api/v1/calls")
			|| op.key().equals("POST /api/v1/applications") || op.key().equals("POST /api/v1/applications/confirmations")
			|| op.key().equals("POST /api/v1/account/password")
			|| op.key().equals("POST /api/v1/account/password-resets")
			|| op.key().equals("GET /api/v1/certificates/{code}");

	private static final String PROGRAMME = "prog-reg-lab-2027";

	/**
	 * A partner in the same programme: the coordinator of org-skopje-creative-hub, a partner of the
	 * demo programme whose organisation stewards none of the participants of the objects used (the
	 * pair is org-ljubljana-arts-network's mentor and org-kultura-nova's mentee; the applicant is
	 * org-kultura-nova's).
	 */
	private static final String PARTNER = "coordinator.mk";

	/** The demo participants the partner does not steward, by their addresses: none may reach her. */
	private static final List<String> NOT_THE_PARTNERS = List.of("ana.petrovic@example.org",
			"marko.horvat@example.org", "tina.kovac@example.org", "jovana.nikolic@example.org",
			"ivan.babic@example.org", "luka.novak@example.org");

	/**
	 * What only a participant, her pair or her steward may read, planted in the objects: never in a
	 * partner's answer.
	 */
	private static final Map<String, String> secrets = new LinkedHashMap<>();

	/** Objects of the same kinds that carry other secrets (a venue, a review reason). */
	private static final Map<String, String> otherObjects = new LinkedHashMap<>();

	/**
	 * Reads that are the participant's and her steward's alone (her export, consent, inbox, delivery
	 * log, preferences, calendar feed): refused to a partner, not merely without secrets.
	 */
	private static final Predicate<Operation> STEWARDS_ONLY = op -> op.path().endsWith("/export")
			|| op.path().endsWith("/consent") || op.path().contains("/personal-data/")
			|| op.path().endsWith("/notification-preferences") || op.path().endsWith("/calendar-feed")
			|| op.path().startsWith("/api/v1/notifications/{") || op.path().contains("/deliveries");

	private static final String SURVEY = """
			{"title": {"en": "Shadow survey"}, "audience": "BOTH", "trigger": "AFTER_SESSION",
			 "questions": [{"kind": "RATING", "text": {"en": "How was it?"}, "required": true}]}""";

	/**
	 * A body each operation would accept from a caller allowed to make it, so that a refusal shows
	 * the authorisation check and not the validation of an empty body. An operation that takes a
	 * body and is missing here fails the test.
	 */
	private static final Map<String, String> VALID_BODIES = Map.ofEntries(
			Map.entry("POST /api/v1/organisations", """
					{"name": "Shadow Org", "country": "HR", "kind": "ngo"}"""),
			Map.entry("PATCH /api/v1/organisations/{id}", """
					{"website": "https://shadow.example.org"}"""),
			Map.entry("POST /api/v1/programmes", """
					{"name": "Shadow Programme", "organiserId": "org-creative-mentorship", "startsOn": "2027-03-01",
					 "endsOn": "2027-08-31", "timeZone": "Europe/Belgrade", "languages": ["en"],
					 "enrolmentOpensOn": "2027-01-01", "enrolmentClosesOn": "2027-02-01"}"""),
			Map.entry("PATCH /api/v1/programmes/{id}", """
					{"name": "Renamed Programme"}"""),
			Map.entry("POST /api/v1/programmes/{id}/milestones", """
					{"kind": "EXTRA_TRAINING", "date": "2027-05-05"}"""),
			Map.entry("PUT /api/v1/programmes/{id}/milestones", """
					[{"kind": "KICK_OFF", "date": "2027-03-01"}]"""),
			Map.entry("POST /api/v1/participants", """
					{"programmeId": "prog-reg-lab-2027", "role": "MENTEE", "displayName": "Shadow Person",
					 "email": "shadow@example.org", "organisationId": "org-kultura-nova", "country": "HR",
					 "languages": ["hr"], "preferredLocale": "hr", "format": "ONLINE", "timeZone": "Europe/Zagreb",
					 "consent": {"version": "2026-10", "scopes": ["programme-participation"]}}"""),
			Map.entry("PATCH /api/v1/participants/{id}", """
					{"city": "Pula"}"""),
			Map.entry("PUT /api/v1/participants/{id}/consent", """
					{"version": "2026-10", "scopes": ["programme-participation"]}"""),
			Map.entry("POST /api/v1/participants/{id}/accept", """
					{"note": "welcome"}"""),
			Map.entry("POST /api/v1/participants/{id}/reject", """
					{"reason": "the call is full"}"""),
			Map.entry("POST /api/v1/participants/{id}/withdraw", """
					{"reason": "PERSONAL"}"""),
			Map.entry("POST /api/v1/participants/{id}/enrolment", """
					{"programmeId": "prog-reg-lab-2027", "role": "MENTEE", "displayName": "Shadow Person",
					 "email": "shadow-completed@example.org", "organisationId": "org-kultura-nova", "country": "HR",
					 "languages": ["hr"], "preferredLocale": "hr", "format": "ONLINE", "timeZone": "Europe/Zagreb",
					 "goals": [{"code": "digital-tools", "level": 3}],
					 "consent": {"version": "2026-10", "scopes": ["programme-participation"]}}"""),
			Map.entry("PUT /api/v1/programmes/{id}/call", """
					{"texts": {"en": {"summary": "A shadow call"}}, "questions": []}"""),
			Map.entry("POST /api/v1/programmes/{programmeId}/invitations", """
					[{"name": "Shadow Invitee", "email": "shadow-invitee@example.org", "role": "MENTOR",
					  "organisation": "org-kultura-nova", "language": "hr"}]"""),
			Map.entry("POST /api/v1/applications", """
					{"programmeId": "prog-reg-lab-2027", "role": "MENTEE", "displayName": "Shadow Applicant",
					 "email": "shadow-applicant@example.org", "organisationId": "org-kultura-nova", "country": "HR",
					 "languages": ["hr"], "preferredLocale": "hr", "format": "ONLINE", "timeZone": "Europe/Zagreb",
					 "goals": [{"code": "digital-tools", "level": 3}],
					 "consent": {"version": "2026-10", "scopes": ["programme-participation"]}}"""),
			Map.entry("POST /api/v1/applications/confirmations", """
					{"token": "lnk-shadow.AAAA"}"""),
			Map.entry("POST /api/v1/account/password", """
					{"token": "lnk-shadow.AAAA", "password": "a long shadow password"}"""),
			Map.entry("POST /api/v1/account/password-resets", """
					{"email": "shadow@example.org"}"""),
			Map.entry("POST /api/v1/organisations/{organisationId}/coordinators", """
					{"displayName": "Shadow Coordinator", "email": "shadow-coordinator@example.org",
					 "preferredLocale": "hr"}"""),
			Map.entry("PATCH /api/v1/organisations/{organisationId}/coordinators/{accountId}", """
					{"displayName": "Shadow Coordinator"}"""),
			Map.entry("POST /api/v1/integrations", """
					{"name": "Shadow integration", "organisationId": "org-kultura-nova"}"""),
			Map.entry("POST /api/v1/programmes/{programmeId}/matching-runs", "{}"),
			Map.entry("POST /api/v1/programmes/{programmeId}/matching-runs/{runId}/publish", "{}"),
			Map.entry("POST /api/v1/programmes/{programmeId}/matches", """
					{"mentorId": "p-demo-mentor-1", "menteeId": "p-demo-mentee-3"}"""),
			Map.entry("POST /api/v1/participants/{participantId}/match-requests", """
					{"mentorId": "p-demo-mentor-3"}"""),
			Map.entry("POST /api/v1/matches/{matchId}/decline", """
					{"reason": "NOT_A_FIT"}"""),
			Map.entry("POST /api/v1/matches/{matchId}/end", """
					{"reason": "ENDED_BY_COORDINATOR"}"""),
			Map.entry("POST /api/v1/mentorships/{mentorshipId}/sessions", """
					{"start": "2027-03-10T18:00", "timeZone": "Europe/Belgrade", "durationMinutes": 60}"""),
			Map.entry("PATCH /api/v1/sessions/{id}", """
					{"agenda": "changed"}"""),
			Map.entry("PUT /api/v1/sessions/{id}/notes", """
					{"sharedNotes": "changed"}"""),
			Map.entry("POST /api/v1/sessions/{id}/held", """
					{"outcome": "HELD"}"""),
			Map.entry("POST /api/v1/sessions/{id}/cancel", """
					{"reason": "OTHER"}"""),
			Map.entry("POST /api/v1/sessions/{sessionId}/feedback", """
					{"rating": 1, "comment": "written by someone else"}"""),
			Map.entry("POST /api/v1/mentorships/{mentorshipId}/messages", """
					{"text": "a message"}"""),
			Map.entry("POST /api/v1/programmes/{programmeId}/announcements", """
					{"audience": "ALL", "texts": {"en": {"subject": "News", "body": "The midterm training moves."}}}"""),
			Map.entry("POST /api/v1/mentorships/{mentorshipId}/reviews", """
					{"kind": "MIDTERM", "progress": "p", "challenges": "c", "nextSteps": "n"}"""),
			Map.entry("POST /api/v1/mentorships/{id}/goals", """
					{"title": "a goal"}"""),
			Map.entry("PATCH /api/v1/mentorships/{id}/goals/{goalId}", """
					{"status": "DROPPED"}"""),
			Map.entry("POST /api/v1/mentorships/{id}/goals/{goalId}/check-ins", """
					{"progress": 50}"""),
			Map.entry("POST /api/v1/programmes/{programmeId}/events", """
					{"kind": "TRAINING", "title": "Shadow training", "start": "2027-04-01T10:00",
					 "timeZone": "Europe/Belgrade", "durationMinutes": 60}"""),
			Map.entry("PATCH /api/v1/programmes/{programmeId}/events/{eventId}", """
					{"start": "2027-04-02T10:00", "timeZone": "Europe/Belgrade", "durationMinutes": 60}"""),
			Map.entry("POST /api/v1/programmes/{programmeId}/events/{eventId}/cancel", """
					{"reason": "OTHER"}"""),
			Map.entry("PUT /api/v1/programmes/{programmeId}/events/{eventId}/rsvp", """
					{"response": "NO"}"""),
			Map.entry("PUT /api/v1/programmes/{programmeId}/events/{eventId}/attendance", """
					{"records": [{"participantId": "p-demo-mentee-2", "status": "ABSENT"}]}"""),
			Map.entry("PUT /api/v1/participants/{participantId}/notification-preferences", """
					{"digest": "DAILY", "digestAt": "08:00"}"""),
			Map.entry("POST /api/v1/webhooks", """
					{"url": "https://hooks.example.org/in", "eventTypes": ["mentoring.participant.enrolled.v1"]}"""),
			Map.entry("PUT /api/v1/webhooks/{id}", """
					{"url": "https://hooks.example.org/in", "eventTypes": ["mentoring.participant.enrolled.v1"]}"""),
			Map.entry("POST /api/v1/programmes/{id}/status", """
					{"status": "RUNNING", "reason": "attack set"}"""),
			Map.entry("POST /api/v1/programmes/{id}/next-cycle", """
					{"startsOn": "2028-03-01", "name": "Shadow cycle"}"""),
			Map.entry("POST /api/v1/matches/{matchId}/extension", """
					{"until": "2028-02-01"}"""),
			Map.entry("POST /api/v1/programmes/{programmeId}/resources", """
					{"title": "Shadow guide", "language": "en", "kind": "LINK", "url": "https://example.org/guide",
					 "tags": ["digital-tools"]}"""),
			Map.entry("POST /api/v1/resources", """
					{"title": "Shadow guide", "language": "en", "kind": "LINK", "url": "https://example.org/guide"}"""),
			Map.entry("PATCH /api/v1/resources/{resourceId}", """
					{"title": "Renamed guide"}"""),
			Map.entry("POST /api/v1/programmes/{programmeId}/surveys", SURVEY),
			Map.entry("PUT /api/v1/programmes/{programmeId}/surveys/{surveyId}", SURVEY),
			Map.entry("POST /api/v1/survey-requests/{requestId}/answers", """
					{"answers": [{"questionId": "q-1", "rating": 3}]}"""));

	/** Required query parameters, by the collection of the object whose id they take. */
	private static final Map<String, String> QUERY_OBJECTS = Map.of("with", "matching-runs", "recipientId",
			"participants");

	private static final List<Operation> operations = new ArrayList<>();

	/** Real objects of the demo programme, by the collection segment that precedes their id. */
	private static final Map<String, String> objects = new LinkedHashMap<>();

	private static final Map<String, Set<String>> coverage = new TreeMap<>();

	private static RunningStack stack;

	record Operation(String service, String method, String path, boolean hasBody, boolean paged,
			List<String> requiredQuery) {

		String key() {
			return method + " " + path;
		}

	}

	@BeforeAll
	static void discoverOperationsAndObjects(RunningStack running) throws Exception {
		stack = running;
		for (String service : RunningStack.SERVICES.keySet()) {
			HttpResponse<String> document = send("GET", "/v3/api-docs/" + service, null, null);
			assertThat(document.statusCode()).as("API document of " + service).isEqualTo(200);
			JSON.readTree(document.body()).get("paths").properties().forEach(path -> path.getValue()
				.properties()
				.forEach(method -> operations.add(new Operation(service, method.getKey().toUpperCase(), path.getKey(),
						method.getValue().has("requestBody"), hasSizeParameter(method.getValue()),
						requiredQuery(method.getValue())))));
		}
		assertThat(operations).hasSizeGreaterThan(40);
		createObjects();
	}

	@AfterAll
	static void printCoverage() {
		System.out.println("Attack set coverage (" + coverage.size() + " operations):");
		coverage.forEach((operation, attacks) -> System.out.println("  " + operation + "  " + attacks));
	}

	@Test
	void everyOperationRefusesMissingAndInvalidTokens() throws Exception {
		Map<String, String> tokens = invalidTokens();
		List<String> accepted = new ArrayList<>();
		for (Operation op : operations) {
			if (LINK_CREDENTIAL.test(op)) {
				continue;
			}
			for (Map.Entry<String, String> token : tokens.entrySet()) {
				if (token.getValue() == null && WITHOUT_ACCOUNT.test(op)) {
					continue;
				}
				HttpResponse<String> response = send(op.method(), path(op), token.getValue(), op.hasBody() ? "{}" : null);
				if (response.statusCode() != 401) {
					accepted.add(op.key() + " with " + token.getKey() + " -> " + response.statusCode());
				}
				covered(op, token.getKey());
			}
		}
		assertThat(accepted).as("requests without a valid token that were not refused with 401").isEmpty();
	}

	@Test
	void anotherOrganisationsCoordinatorFindsNoneOfItsObjects() throws Exception {
		String outsider = stack.sign(RunningStack.claims("coordinator@org-outsider", "org-outsider", "coordinator")
			.build());
		List<String> leaks = notRefused(withRealObjects(), "other-organisation",
				op -> send(op.method(), path(op), outsider, body(op), Map.of("If-Match", "*")),
				response -> response.statusCode() == 404);
		assertThat(leaks).as("another organisation's objects answered with something else than 404").isEmpty();
	}

	@Test
	void anotherOrganisationsCoordinatorListsNoneOfItsObjects() throws Exception {
		String outsider = stack.sign(RunningStack.claims("coordinator@org-outsider", "org-outsider", "coordinator")
			.build());
		// the network's organisations are a public directory; its programmes and people are not
		List<String> theirs = new ArrayList<>(List.of(PROGRAMME, "p-demo-"));
		objects.forEach((collection, id) -> {
			if (!collection.equals("organisations")) {
				theirs.add(id);
			}
		});
		List<Operation> lists = operations.stream()
			.filter(op -> op.method().equals("GET") && !op.path().contains("{"))
			.filter(Predicate.not(LINK_CREDENTIAL))
			.filter(Predicate.not(WITHOUT_ACCOUNT))
			.filter(op -> !op.path().endsWith("/stream")) // a server-sent event stream never ends
			.toList();
		assertThat(lists).hasSizeGreaterThan(5);
		List<String> leaks = notRefused(lists, "other-organisation-lists",
				op -> send("GET", op.path() + "?programmeId=" + PROGRAMME + "&recipientId=p-demo-mentee-2", outsider,
						null),
				response -> response.statusCode() == 403 || response.statusCode() == 404
						|| response.statusCode() == 200 && theirs.stream().noneMatch(response.body()::contains));
		assertThat(leaks).as("lists that showed another organisation's objects").isEmpty();
	}

	@Test
	void aPartnerInTheSameProgrammeNeitherChangesNorReadsWhatHerOrganisationDoesNotSteward() throws Exception {
		String partner = token(PARTNER);
		String admin = token("admin");
		Map<String, String> before = snapshots(admin);
		List<Operation> targets = operations.stream()
			.filter(Predicate.not(LINK_CREDENTIAL))
			.filter(Predicate.not(WITHOUT_ACCOUNT))
			.filter(op -> !op.path().endsWith("/stream")) // a server-sent event stream never ends
			// her organisation's own subscriptions and her own inbox are hers to change
			.filter(op -> !op.key().equals("POST /api/v1/webhooks"))
			.filter(op -> !op.key().equals("POST /api/v1/notifications/read-all"))
			// the programme's library is written by all its coordinators, partners included
			.filter(op -> !op.key().equals("POST /api/v1/programmes/{programmeId}/resources"))
			.toList();
		List<String> forbidden = new ArrayList<>(NOT_THE_PARTNERS);
		forbidden.addAll(secrets.values());
		forbidden.add(objects.get("notifications"));
		List<String> leaks = new ArrayList<>();
		for (Map<String, String> ids : List.of(objects, withOtherObjects())) {
			List<Operation> round = ids == objects ? targets
					: targets.stream().filter(op -> mentions(op, otherObjects.keySet().toArray(String[]::new))).toList();
			for (Operation op : round) {
				String path = op.path().contains("{") ? path(op, ids)
						: op.path() + "?programmeId=" + PROGRAMME + "&recipientId=" + ids.get("participants");
				HttpResponse<String> response = send(op.method(), path, partner, body(op), Map.of("If-Match", "*"));
				int status = response.statusCode();
				boolean refused = status == 403 || status == 404;
				boolean kept;
				if (!op.method().equals("GET")) {
					// no write succeeds (a 4xx for a body she may not send is a refusal too)
					kept = status >= 400 && status < 500;
				}
				else if (STEWARDS_ONLY.test(op)) {
					kept = refused;
				}
				else {
					kept = refused || status == 200 && forbidden.stream().noneMatch(response.body()::contains);
				}
				if (!kept) {
					leaks.add(op.key() + " (" + path + ") -> " + status + " " + abbreviate(response.body()));
				}
				covered(op, "partner-in-the-same-programme");
			}
		}
		assertThat(leaks).as("a partner in the same programme changed or read what her organisation does not "
				+ "steward (e-mail addresses, review reasons, meeting links, venues, agendas, review texts, inbox items)")
			.isEmpty();
		assertThat(snapshots(admin)).as("nothing a partner tried changed anything").isEqualTo(before);
	}

	@Test
	void aParticipantCannotReachAnotherParticipantsThings() throws Exception {
		String sara = token("mentee.sara"); // not part of the pair whose objects are used
		// her own programme is hers to read; the people and what they do in it are not
		List<Operation> theirs = withRealObjects().stream()
			.filter(op -> mentions(op, "participants", "matches", "mentorships", "sessions", "notifications"))
			.toList();
		List<String> leaks = notRefused(theirs, "other-participant",
				op -> send(op.method(), path(op), sara, body(op), Map.of("If-Match", "*")),
				response -> response.statusCode() == 404 || response.statusCode() == 403);
		assertThat(leaks).as("a participant reached another participant's objects").isEmpty();
	}

	@Test
	void nonAdminsCannotCallAdminOperations() throws Exception {
		String coordinator = token("coordinator.hr");

		assertThat(send("POST", "/api/v1/organisations", coordinator, """
				{"name": "Shadow Org", "country": "HR", "kind": "ngo"}""").statusCode()).isEqualTo(403);
		assertThat(send("GET", "/actuator/gateway/routes", coordinator, null).statusCode()).isEqualTo(403);
		for (int port : RunningStack.SERVICES.values()) {
			HttpResponse<String> deadLetters = RunningStack.HTTP.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + (port + RunningStack.OFFSET) + "/actuator/deadletters"))
						.header("Authorization", "Bearer " + coordinator)
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(deadLetters.statusCode()).as("dead letters on port " + port).isEqualTo(403);
		}
		operations.stream().filter(op -> op.key().equals("POST /api/v1/organisations")).forEach(op -> covered(op, "admin-only"));
	}

	@Test
	void unknownPrivilegedFieldsInBodiesAreRefused() throws Exception {
		String admin = token("admin");
		List<String> accepted = notRefused(operations.stream().filter(Operation::hasBody).toList(), "unknown-fields",
				op -> send(op.method(), path(op), admin, withPrivilegedFields(body(op)), Map.of("If-Match", "*")),
				response -> response.statusCode() >= 400 && response.statusCode() < 500
						&& (response.statusCode() != 400 || response.body().contains("isAdmin")
								|| response.body().contains("roles") || response.body().contains("organisationIdOverride")));
		assertThat(accepted).as("bodies with unknown privileged fields that were not refused").isEmpty();
	}

	@Test
	void oversizedBodiesAndPagesAreRefused() throws Exception {
		String admin = token("admin");
		String huge = "{\"padding\": \"" + "x".repeat(300 * 1024) + "\"}";
		List<String> accepted = new ArrayList<>();
		for (Operation op : operations) {
			if (op.hasBody()) {
				int status = send(op.method(), path(op), admin, huge).statusCode();
				if (status != 413) {
					accepted.add("oversized body: " + op.key() + " -> " + status);
				}
				covered(op, "oversized-body");
			}
			if (op.paged()) {
				HttpResponse<String> response = send(op.method(), path(op) + (path(op).contains("?") ? "&" : "?")
						+ "size=1000", admin, null);
				if (response.statusCode() != 400 || !response.body().contains("size")) {
					accepted.add("oversized page: " + op.key() + " -> " + response.statusCode());
				}
				covered(op, "oversized-page");
			}
		}
		assertThat(accepted).as("oversized requests that were not refused").isEmpty();
	}

	@Test
	void everyGatewayRouteHasOperationsInTheAttackSet() throws Exception {
		HttpResponse<String> routes = gatewayRoutes(token("admin"));
		assertThat(routes.statusCode()).isEqualTo(200);
		Set<String> services = new LinkedHashSet<>();
		for (JsonNode route : JSON.readTree(routes.body())) {
			JsonNode service = route.path("metadata").path("service");
			// the web application's pages are no API operations: WebIT checks what they show to whom
			if (!service.isMissingNode() && !"web".equals(service.asString())) {
				services.add(service.asString());
			}
		}
		assertThat(services).containsExactlyInAnyOrderElementsOf(RunningStack.SERVICES.keySet());
		for (String service : services) {
			assertThat(operations).as("operations of " + service).anyMatch(op -> op.service().equals(service));
		}
	}

	@Test
	void everyOperationWithABodyHasAValidBodyInTheAttackSet() {
		assertThat(operations.stream().filter(Operation::hasBody).map(Operation::key))
			.as("operations that take a body but have none in VALID_BODIES")
			.allMatch(VALID_BODIES::containsKey);
	}

	@Test
	void everyRequiredQueryParameterHasAValueInTheAttackSet() {
		assertThat(operations.stream().filter(Predicate.not(LINK_CREDENTIAL)).flatMap(op -> op.requiredQuery().stream()))
			.as("required query parameters the attack set cannot fill")
			.allMatch(QUERY_OBJECTS::containsKey);
	}

	private static String body(Operation op) {
		return op.hasBody() ? VALID_BODIES.getOrDefault(op.key(), "{}") : null;
	}

	/** The body with fields no form has, which a caller might hope to slip in (mass assignment). */
	private static String withPrivilegedFields(String body) {
		JsonNode json = JSON.readTree(body);
		ObjectNode target = (ObjectNode) (json.isArray() ? json.get(0) : json);
		target.put("isAdmin", true);
		target.putArray("roles").add("admin");
		target.put("organisationIdOverride", "org-outsider");
		return JSON.writeValueAsString(json);
	}

	/** The demo programme's objects, created through the API as a coordinator would. */
	private static void createObjects() throws Exception {
		String coordinator = token("coordinator.rs");
		String admin = token("admin");
		objects.put("programmes", PROGRAMME);
		objects.put("organisations", "org-creative-mentorship");
		objects.put("participants", "p-demo-mentee-2");
		JsonNode coordinators = JSON.readTree(send("GET", "/api/v1/organisations/org-creative-mentorship/coordinators",
				admin, null).body()).path("items");
		assertThat(coordinators).as("the demo data appoints the organisations' coordinators").isNotEmpty();
		objects.put("coordinators", coordinators.get(0).path("accountId").asString());
		HttpResponse<String> match = send("POST", "/api/v1/programmes/" + PROGRAMME + "/matches", coordinator, """
				{"mentorId": "p-demo-mentor-4", "menteeId": "p-demo-mentee-2", "startNow": true}""");
		assertThat(match.statusCode()).as(match.body()).isIn(200, 201);
		objects.put("matches", JSON.readTree(match.body()).get("id").asString());
		HttpResponse<String> run = send("POST", "/api/v1/programmes/" + PROGRAMME + "/matching-runs", coordinator, "{}");
		assertThat(run.statusCode()).as(run.body()).isIn(200, 201, 202);
		objects.put("matching-runs", JSON.readTree(run.body()).get("id").asString());
		String mentorship = await("the mentorship in session-service").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> firstId(send("GET", "/api/v1/mentorships?programmeId=" + PROGRAMME, admin, null)),
					id -> id != null);
		objects.put("mentorships", mentorship);
		String secret = UUID.randomUUID().toString().substring(0, 8);
		secrets.put("meeting link", "https://meet.example.org/attack-set-room-" + secret);
		secrets.put("agenda", "Attack set agenda " + secret);
		secrets.put("venue", "Attack set venue " + secret);
		secrets.put("review text", "Attack set review " + secret);
		secrets.put("review reason", "Attack set reason " + secret);
		secrets.put("applicant's address", "attack-applicant-" + secret + "@example.org");
		HttpResponse<String> session = send("POST", "/api/v1/mentorships/" + mentorship + "/sessions", coordinator, """
				{"start": "2027-02-10T18:00", "timeZone": "Europe/Belgrade", "durationMinutes": 60, "mode": "ONLINE",
				 "meetingUrl": "%s", "agenda": "%s"}""".formatted(secrets.get("meeting link"), secrets.get("agenda")));
		assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
		objects.put("sessions", JSON.readTree(session.body()).get("id").asString());
		HttpResponse<String> inPerson = send("POST", "/api/v1/mentorships/" + mentorship + "/sessions", coordinator, """
				{"start": "2027-02-17T18:00", "timeZone": "Europe/Belgrade", "durationMinutes": 60, "mode": "IN_PERSON",
				 "venue": "%s"}""".formatted(secrets.get("venue")));
		assertThat(inPerson.statusCode()).as(inPerson.body()).isEqualTo(201);
		otherObjects.put("sessions", JSON.readTree(inPerson.body()).get("id").asString());
		HttpResponse<String> review = send("POST", "/api/v1/mentorships/" + mentorship + "/reviews",
				token("mentee.ivan"), """
						{"kind": "MIDTERM", "progress": "%s", "challenges": "c", "nextSteps": "n"}"""
					.formatted(secrets.get("review text")));
		assertThat(review.statusCode()).as(review.body()).isEqualTo(201);
		// an applicant of org-kultura-nova, rejected by her own organisation with a reason
		String kulturaNova = token("coordinator.hr");
		HttpResponse<String> applicant = send("POST", "/api/v1/participants", kulturaNova, """
				{"programmeId": "prog-reg-lab-2027", "role": "MENTEE", "displayName": "Attack Applicant",
				 "email": "%s", "organisationId": "org-kultura-nova", "country": "HR",
				 "languages": ["hr"], "preferredLocale": "hr", "format": "ONLINE", "timeZone": "Europe/Zagreb",
				 "goals": [{"code": "digital-tools", "level": 3}],
				 "consent": {"version": "2026-10", "scopes": ["programme-participation"]}}"""
			.formatted(secrets.get("applicant's address")));
		assertThat(applicant.statusCode()).as(applicant.body()).isEqualTo(201);
		String applicantId = JSON.readTree(applicant.body()).get("id").asString();
		HttpResponse<String> rejected = send("POST", "/api/v1/participants/" + applicantId + "/reject", kulturaNova,
				"{\"reason\": \"%s\"}".formatted(secrets.get("review reason")));
		assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
		otherObjects.put("participants", applicantId);
		HttpResponse<String> training = send("POST", "/api/v1/programmes/" + PROGRAMME + "/events", coordinator, """
				{"kind": "TRAINING", "title": "Attack set training", "start": "2027-04-01T10:00",
				 "timeZone": "Europe/Belgrade", "durationMinutes": 90}""");
		assertThat(training.statusCode()).as(training.body()).isEqualTo(201);
		objects.put("events", JSON.readTree(training.body()).get("id").asString());
		HttpResponse<String> goal = send("POST", "/api/v1/mentorships/" + mentorship + "/goals", token("mentee.ivan"), """
				{"title": "A first exhibition plan"}""");
		assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
		objects.put("goals", JSON.readTree(goal.body()).get("id").asString());
		String ivan = token("mentee.ivan"); // p-demo-mentee-2
		String notification = await("a notification for the mentee").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> firstId(send("GET", "/api/v1/notifications", ivan, null)), id -> id != null);
		objects.put("notifications", notification);
	}

	/**
	 * The gateway's route table: on its management port (8090, shifted like every port of the stack)
	 * where the actuator lives apart from the API, else on the API port.
	 */
	private static HttpResponse<String> gatewayRoutes(String admin) throws Exception {
		try {
			HttpResponse<String> routes = RunningStack.HTTP.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + (8090 + RunningStack.OFFSET) + "/actuator/gateway/routes"))
				.header("Authorization", "Bearer " + admin)
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (routes.statusCode() == 200) {
				return routes;
			}
		}
		catch (java.io.IOException noManagementPort) {
			// an older gateway: the actuator is on the API port
		}
		return send("GET", "/actuator/gateway/routes", admin, null);
	}

	/** The objects, with those of {@link #otherObjects} in place of their kind. */
	private static Map<String, String> withOtherObjects() {
		Map<String, String> ids = new LinkedHashMap<>(objects);
		ids.putAll(otherObjects);
		return ids;
	}

	/** How the objects a partner attacks stand now, as an administrator reads them. */
	private static Map<String, String> snapshots(String admin) throws Exception {
		Map<String, String> states = new LinkedHashMap<>();
		List<String> paths = new ArrayList<>(List.of("/api/v1/participants/" + objects.get("participants"),
				"/api/v1/participants/" + otherObjects.get("participants"), "/api/v1/programmes/" + PROGRAMME,
				"/api/v1/organisations/" + objects.get("organisations"), "/api/v1/matches/" + objects.get("matches"),
				"/api/v1/mentorships/" + objects.get("mentorships"), "/api/v1/sessions/" + objects.get("sessions"),
				"/api/v1/sessions/" + otherObjects.get("sessions"),
				"/api/v1/programmes/" + PROGRAMME + "/events/" + objects.get("events"),
				"/api/v1/mentorships/" + objects.get("mentorships") + "/goals"));
		for (String path : paths) {
			HttpResponse<String> response = send("GET", path, admin, null);
			states.put(path, response.statusCode() + " " + response.headers().firstValue("ETag").orElse("")
					+ " " + response.body());
		}
		return states;
	}

	private static String firstId(HttpResponse<String> list) {
		if (list.statusCode() != 200) {
			return null;
		}
		JsonNode items = JSON.readTree(list.body()).path("items");
		return items.isArray() && !items.isEmpty() ? items.get(0).get("id").asString() : null;
	}

	/** Operations whose path names at least one real object (the others would answer 404 trivially). */
	private static List<Operation> withRealObjects() {
		return operations.stream().filter(op -> {
			Matcher parameters = PARAMETER.matcher(op.path());
			return parameters.find() && objects.containsKey(segmentBefore(op.path(), parameters.start()));
		}).filter(Predicate.not(LINK_CREDENTIAL)).filter(Predicate.not(WITHOUT_ACCOUNT)).toList();
	}

	private static boolean mentions(Operation op, String... collections) {
		return Arrays.stream(collections).anyMatch(c -> op.path().contains("/" + c + "/{"));
	}

	/** The operation's path with every parameter replaced by a real object's id, or a random one. */
	private static String path(Operation op) {
		return path(op, objects);
	}

	/** The operation's path with every parameter replaced by one of the given objects' ids, or a random one. */
	private static String path(Operation op, Map<String, String> ids) {
		Matcher parameters = PARAMETER.matcher(op.path());
		StringBuilder path = new StringBuilder();
		while (parameters.find()) {
			String id = ids.getOrDefault(segmentBefore(op.path(), parameters.start()),
					"x" + UUID.randomUUID().toString().substring(0, 8));
			parameters.appendReplacement(path, Matcher.quoteReplacement(id));
		}
		parameters.appendTail(path);
		String query = op.requiredQuery()
			.stream()
			.map(name -> name + "=" + ids.getOrDefault(QUERY_OBJECTS.get(name), "x"))
			.collect(Collectors.joining("&"));
		return query.isEmpty() ? path.toString() : path + "?" + query;
	}

	private static List<String> requiredQuery(JsonNode operation) {
		List<String> names = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			if ("query".equals(parameter.path("in").asString()) && parameter.path("required").asBoolean(false)) {
				names.add(parameter.path("name").asString());
			}
		}
		return names;
	}

	private static String segmentBefore(String path, int parameterStart) {
		String before = path.substring(0, parameterStart - 1);
		return before.substring(before.lastIndexOf('/') + 1);
	}

	private static boolean hasSizeParameter(JsonNode operation) {
		for (JsonNode parameter : operation.path("parameters")) {
			if ("size".equals(parameter.path("name").asString()) && "query".equals(parameter.path("in").asString())) {
				return true;
			}
		}
		return false;
	}

	/** No token, and tokens that look right but must not be trusted. */
	private static Map<String, String> invalidTokens() throws Exception {
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("no token", null);
		JWTClaimsSet valid = RunningStack.claims("admin", "org-creative-mentorship", "admin").build();
		Instant now = Instant.now();
		tokens.put("expired", stack.sign(new JWTClaimsSet.Builder(valid).issueTime(Date.from(now.minusSeconds(7200)))
			.expirationTime(Date.from(now.minusSeconds(3600)))
			.build()));
		tokens.put("another issuer", stack.sign(new JWTClaimsSet.Builder(valid).issuer("https://issuer.example.org").build()));
		tokens.put("wrong audience", stack.sign(new JWTClaimsSet.Builder(valid).audience("another-api").build()));
		tokens.put("alg none", new PlainJWT(valid).serialize());
		SignedJWT confused = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), valid);
		byte[] publicKey = JWKSet.load(RunningStack.issuerKeys()).getKeys().get(0).toRSAKey().toRSAPublicKey().getEncoded();
		confused.sign(new MACSigner(publicKey));
		tokens.put("HS256 keyed with the public key", confused.serialize());
		String real = token("admin");
		String[] parts = real.split("\\.");
		String tamperedClaims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"org\":\"org-creative-mentorship\"", "\"org\":\"org-kultura-nova\"");
		tokens.put("tampered claims", parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(tamperedClaims.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2]);
		return tokens;
	}

	interface Attack {

		HttpResponse<String> send(Operation op) throws Exception;

	}

	/** Runs the attack on each operation and lists those whose answer is not a refusal. */
	private static List<String> notRefused(List<Operation> targets, String name, Attack attack,
			Predicate<HttpResponse<String>> refusal) throws Exception {
		List<String> notRefused = new ArrayList<>();
		for (Operation op : targets) {
			HttpResponse<String> response = attack.send(op);
			if (!refusal.test(response)) {
				notRefused.add(op.key() + " -> " + response.statusCode() + " " + abbreviate(response.body()));
			}
			covered(op, name);
		}
		return notRefused;
	}

	private static void covered(Operation op, String attack) {
		coverage.computeIfAbsent(op.service() + " " + op.key(), k -> new LinkedHashSet<>()).add(attack);
	}

	private static String abbreviate(String body) {
		return body == null || body.length() <= 160 ? body : body.substring(0, 160) + "…";
	}

}
