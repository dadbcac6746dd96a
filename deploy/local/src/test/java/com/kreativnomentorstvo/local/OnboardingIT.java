package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.Journeys.awaitApplication;
import static com.kreativnomentorstvo.local.Journeys.awaitMentorship;
import static com.kreativnomentorstvo.local.Journeys.ids;
import static com.kreativnomentorstvo.local.Journeys.unique;
import static com.kreativnomentorstvo.local.Mailbox.awaitMail;
import static com.kreativnomentorstvo.local.Mailbox.confirmFromTheEmail;
import static com.kreativnomentorstvo.local.Mailbox.mailTo;
import static com.kreativnomentorstvo.local.Mailbox.setPasswordFromTheEmail;
import static com.kreativnomentorstvo.local.RunningStack.GATEWAY;
import static com.kreativnomentorstvo.local.RunningStack.ISSUER;
import static com.kreativnomentorstvo.local.RunningStack.JSON;
import static com.kreativnomentorstvo.local.RunningStack.send;
import static com.kreativnomentorstvo.local.RunningStack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * People get in without an administrator's hand, on the running stack, through the gateway, with
 * the mail catcher holding the e-mails and a plain HTTP client following their links as a browser
 * would: an outsider reads a public call, applies, confirms her address, is admitted, sets her
 * password, signs in with authorization code and PKCE, sees her proposed mentor's profile card (in
 * another country), accepts her proposal, is introduced to her mentor by e-mail (each in her own
 * language), exchanges messages with her that nobody else reads, and books a session;
 * she applies to a second programme with the same account and acts in both; a list of forty
 * mentors is invited once each, also when it is sent twice; erasure takes her account. Nobody
 * touches the identity provider by hand.
 */
@Order(3)
@ExtendWith(RunningStack.Extension.class)
class OnboardingIT {

	private static final String REDIRECT = GATEWAY + "/swagger-ui/oauth2-redirect.html";

	private static final String ORGANISER = "org-creative-mentorship";

	private static final String PARTNER = "org-kultura-nova";

	private static final String PASSWORD = "seven words make a fine password";

	/** What the pages say in Croatian, her language: the address confirmed, the password kept. */
	private static final String CONFIRMED = "potvrđena";

	private static final String PASSWORD_SET = "Lozinka je spremljena";

	@Test
	void anOutsiderAppliesIsAdmittedSignsInMeetsHerMentorAcceptsWritesToHerAndBooksASession() throws Exception {
		String coordinator = token("coordinator.rs");
		String programme = programmeWithAnOpenCall(coordinator);
		String mentor = enrolTheDemoMentorToo(coordinator, programme);
		String email = "mila." + unique() + "@example.org";
		Browser browser = new Browser();

		// she reads the public call and applies, without an account
		HttpResponse<String> call = send("GET", "/api/v1/calls/" + programme, null, null);
		assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
		assertThat(JSON.readTree(call.body()).path("questions").get(0).path("id").asString()).isEqualTo("project-idea");
		String participant = apply(programme, email);

		// she confirms her address from the e-mail: the page asks, her click confirms
		confirmFromTheEmail(browser, email, CONFIRMED);

		// her organisation's coordinator (the partner she applied through) admits her; the organiser's may
		// not; she sets her password from the invitation e-mail
		awaitApplication(coordinator, programme, participant);
		assertThat(send("POST", "/api/v1/participants/" + participant + "/accept", coordinator, "{}").statusCode())
			.isEqualTo(403);
		HttpResponse<String> admitted = send("POST", "/api/v1/participants/" + participant + "/accept",
				token("coordinator.hr"), "{}");
		assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(200);
		setPasswordFromTheEmail(browser, email, PASSWORD, PASSWORD_SET);

		// she signs in as people do (code + PKCE) and finds her enrolment through her account
		String her = browser.signIn(ISSUER, REDIRECT, email, PASSWORD);
		HttpResponse<String> mine = send("GET", "/api/v1/participants", her, null);
		assertThat(ids(mine, "items")).containsExactly(participant);

		// the organiser's coordinator runs the matching and publishes; she and her mentor accept
		String match = proposeAndPublish(coordinator, programme, mentor, participant);
		await("her proposal").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			HttpResponse<String> proposals = send("GET", "/api/v1/programmes/" + programme + "/matches", her, null);
			assertThat(ids(proposals, "items")).contains(match);
		});
		// before answering, each sees who the other is (Zagreb and Belgrade): the card, not yet the address
		String ana = token("mentor.ana");
		JsonNode mentorsCard = card(mentor, her);
		assertThat(mentorsCard.path("displayName").asString()).isEqualTo("Ana Petrović");
		assertThat(mentorsCard.path("country").asString()).isEqualTo("RS");
		assertThat(mentorsCard.has("email")).isFalse();
		JsonNode menteesCard = card(participant, ana);
		assertThat(menteesCard.path("displayName").asString()).isEqualTo("Mila Horvat");
		assertThat(menteesCard.path("country").asString()).isEqualTo("HR");
		assertThat(menteesCard.has("email")).isFalse();
		assertThat(send("POST", "/api/v1/matches/" + match + "/accept", her, "{}").statusCode()).isEqualTo(200);
		assertThat(send("POST", "/api/v1/matches/" + match + "/accept", ana, "{}").statusCode()).isEqualTo(200);

		// both accepted: each is introduced to the other by e-mail, in her own language, with the address
		String toHer = awaitMail(email, "Adresa za kontakt: ana.petrovic@example.org");
		assertThat(toHer).as("in Croatian").contains("Obje su strane prihvatile prijedlog");
		String toAna = awaitMail("ana.petrovic@example.org", "Adresa za kontakt: " + email);
		assertThat(toAna).as("in Serbian").contains("Obe strane su prihvatile predlog");
		await("the addresses on their cards").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(card(mentor, her).path("email").asString())
				.isEqualTo("ana.petrovic@example.org"));
		assertThat(card(participant, ana).path("email").asString()).isEqualTo(email);

		// the pair exists for her; they write to each other, and nobody else reads it
		String mentorship = awaitMentorship(her, programme);
		String thread = "/api/v1/mentorships/" + mentorship + "/messages";
		for (String[] message : new String[][] { { her, "Pozdrav Ana! Kada Vam odgovara prvi sastanak?" },
				{ ana, "Zdravo Mila, četvrtak u 18h?" }, { her, "Četvrtak je odličan, vidimo se!" } }) {
			HttpResponse<String> posted = send("POST", thread, message[0],
					JSON.writeValueAsString(Map.of("text", message[1])));
			assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
		}
		for (String member : List.of(her, ana)) {
			JsonNode read = JSON.readTree(send("GET", thread, member, null).body());
			assertThat(read.path("total").asInt()).isEqualTo(3);
			assertThat(read.path("items").get(0).path("text").asString()).isEqualTo("Četvrtak je odličan, vidimo se!");
		}
		for (String persona : List.of("mentee.jovana", "coordinator.mk")) {
			HttpResponse<String> refused = send("GET", thread, token(persona), null);
			assertThat(refused.statusCode()).as(persona + ": " + refused.body()).isEqualTo(404);
		}
		for (String persona : List.of("coordinator.hr", "coordinator.rs")) {
			HttpResponse<String> refused = send("GET", thread, token(persona), null);
			assertThat(refused.statusCode()).as(persona + " sees the pair, not its messages: " + refused.body())
				.isEqualTo(403);
			assertThat(refused.body()).doesNotContain("Četvrtak");
		}
		awaitMail("ana.petrovic@example.org", "/mentorships/" + mentorship + "/messages");

		// and she books their first session
		String start = LocalDateTime.now(ZoneId.of("Europe/Zagreb")).plusDays(7).withHour(18).truncatedTo(ChronoUnit.HOURS)
			.toString();
		HttpResponse<String> booked = send("POST", "/api/v1/mentorships/" + mentorship + "/sessions", her, """
				{"start": "%s", "timeZone": "Europe/Zagreb", "durationMinutes": 60, "agenda": "Getting to know each other"}
				""".formatted(start));
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
	}

	@Test
	void theSamePersonAppliesToASecondProgrammeAndActsInBothWithOneAccount() throws Exception {
		String coordinator = token("coordinator.rs");
		String first = programmeWithAnOpenCall(coordinator);
		String second = programmeWithAnOpenCall(coordinator);
		String email = "returning." + unique() + "@example.org";
		Browser browser = new Browser();

		String inFirst = apply(first, email);
		confirmFromTheEmail(browser, email, CONFIRMED);
		awaitApplication(coordinator, first, inFirst);
		String partnersCoordinator = token("coordinator.hr");
		send("POST", "/api/v1/participants/" + inFirst + "/accept", partnersCoordinator, "{}");
		setPasswordFromTheEmail(browser, email, PASSWORD, PASSWORD_SET);

		String inSecond = apply(second, email);
		confirmFromTheEmail(browser, email, CONFIRMED);
		awaitApplication(coordinator, second, inSecond);
		assertThat(send("POST", "/api/v1/participants/" + inSecond + "/accept", partnersCoordinator, "{}").statusCode())
			.isEqualTo(200);

		String her = browser.signIn(ISSUER, REDIRECT, email, PASSWORD);
		assertThat(ids(send("GET", "/api/v1/participants", her, null), "items")).containsExactlyInAnyOrder(inFirst,
				inSecond);
		await("her inbox holds both enrolments' messages").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				JsonNode inbox = JSON.readTree(send("GET", "/api/v1/notifications?size=50", her, null).body());
				List<String> recipients = new ArrayList<>();
				inbox.path("items").forEach(item -> recipients.add(item.path("recipientId").asString()));
				assertThat(recipients).contains(inFirst, inSecond);
			});

		// erasing both enrolments takes her account: she cannot sign in any more
		assertThat(send("DELETE", "/api/v1/participants/" + inFirst, her, null).statusCode()).isEqualTo(204);
		assertThat(send("DELETE", "/api/v1/participants/" + inSecond, her, null).statusCode()).isEqualTo(204);
		Browser stranger = new Browser();
		HttpResponse<String> login = stranger.open(ISSUER + "/login");
		HttpResponse<String> refused = stranger.submit(ISSUER + "/login", login.body(),
				Map.of("username", email, "password", PASSWORD));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElse("")).contains("error");
	}

	@Test
	void fortyInvitedMentorsGetOneInvitationEachAlsoWhenTheListIsSentTwice() throws Exception {
		String coordinator = token("coordinator.rs");
		String programme = programmeWithAnOpenCall(coordinator);
		String batch = unique();
		StringBuilder csv = new StringBuilder("name,email,role,organisation,language\n");
		for (int i = 1; i <= 40; i++) {
			csv.append("Mentor ").append(i).append(",invited-").append(i).append('.').append(batch)
				.append("@example.org,MENTOR,").append(i % 2 == 0 ? ORGANISER : PARTNER).append(',')
				.append(List.of("en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl").get(i % 6)).append('\n');
		}
		Map<String, String> asCsv = Map.of("Content-Type", "text/csv");

		HttpResponse<String> first = send("POST", "/api/v1/programmes/" + programme + "/invitations", coordinator,
				csv.toString(), asCsv);
		HttpResponse<String> again = send("POST", "/api/v1/programmes/" + programme + "/invitations", coordinator,
				csv.toString(), asCsv);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
		// the two lists are worked on at the same time: between them, each person is invited once
		JsonNode one = finished(first, coordinator);
		JsonNode two = finished(again, coordinator);
		Set<String> invited = new HashSet<>();
		one.path("invited").forEach(row -> invited.add(row.path("participantId").asString()));
		two.path("invited").forEach(row -> invited.add(row.path("participantId").asString()));
		assertThat(invited).hasSize(40);
		assertThat(one.path("invited").size() + two.path("invited").size()).isEqualTo(40);
		assertThat(one.path("alreadyInvited").size() + two.path("alreadyInvited").size()).isEqualTo(40);
		await("forty invitations in the mail catcher").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> mailTo("." + batch + "@example.org").size() >= 40);
		List<JsonNode> mails = mailTo("." + batch + "@example.org");
		assertThat(mails).hasSize(40);
		assertThat(mails.stream().map(mail -> mail.path("to").asString()).distinct()).hasSize(40);
		assertThat(mails).allSatisfy(mail -> assertThat(Mailbox.PASSWORD_LINK.matcher(mail.path("text").asString()).find())
			.as("each invitation carries a link to set the password").isTrue());
	}

	@Test
	void theLinksOfTheEmailsWorkOnceAndSayWhyWhenTheyDoNot() throws Exception {
		String coordinator = token("coordinator.rs");
		String programme = programmeWithAnOpenCall(coordinator);
		String email = "twice." + unique() + "@example.org";
		Browser browser = new Browser();
		apply(programme, email);
		String link = confirmFromTheEmail(browser, email, CONFIRMED);

		String token = link.substring(link.indexOf("token=") + 6);
		HttpResponse<String> page = browser.open(link);
		HttpResponse<String> usedAgain = browser.submit(GATEWAY + "/applications/confirm", page.body(),
				Map.of("token", token));
		HttpResponse<String> viaApi = send("POST", "/api/v1/applications/confirmations", null,
				"{\"token\": \"" + token + "\"}");
		HttpResponse<String> forged = browser.open(GATEWAY + "/account/password?token=lnk-forged.AAAA");

		assertThat(page.body()).as("in her language: the link was used").contains("Ova je poveznica već iskorištena");
		assertThat(usedAgain.statusCode()).isEqualTo(200);
		assertThat(usedAgain.body()).contains("Ova je poveznica već iskorištena");
		assertThat(viaApi.statusCode()).isEqualTo(422);
		assertThat(viaApi.body()).contains("\"field\":\"token\"");
		assertThat(forged.body()).contains("not valid");
	}

	/** An invitation list once it is done: it is worked through in the background. */
	private static JsonNode finished(HttpResponse<String> accepted, String coordinator) {
		String location = accepted.headers().firstValue("Location").orElseThrow();
		JsonNode[] list = new JsonNode[1];
		await("the invitation list done").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				list[0] = JSON.readTree(send("GET", location, coordinator, null).body());
				assertThat(list[0].path("status").asString()).isEqualTo("DONE");
			});
		return list[0];
	}

	private static String programmeWithAnOpenCall(String coordinator) throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Belgrade"));
		HttpResponse<String> created = send("POST", "/api/v1/programmes", coordinator, """
				{"name": "Reg. Lab %s", "organiserId": "%s", "partnerIds": ["%s"], "startsOn": "%s", "endsOn": "%s",
				 "timeZone": "Europe/Belgrade", "languages": ["en", "sr-Latn", "hr"],
				 "enrolmentOpensOn": "%s", "enrolmentClosesOn": "%s"}
				""".formatted(unique(), ORGANISER, PARTNER, today.plusDays(1), today.plusDays(180), today.minusDays(1),
				today.plusDays(30)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String programme = JSON.readTree(created.body()).path("id").asString();
		HttpResponse<String> call = send("PUT", "/api/v1/programmes/" + programme + "/call", coordinator, """
				{"texts": {"en": {"summary": "Six months of regional mentoring for cultural professionals",
				                  "eligibility": "Cultural professionals and NGOs of the region"}},
				 "questions": [
				   {"id": "project-idea", "kind": "LONG_TEXT", "required": true,
				    "label": {"en": "Your project idea", "sr-Latn": "Vaša projektna ideja", "hr": "Vaša projektna ideja"}},
				   {"id": "organisation-kind", "kind": "SINGLE_CHOICE", "required": true,
				    "label": {"en": "Your organisation is", "sr-Latn": "Vaša organizacija je", "hr": "Vaša organizacija je"},
				    "options": [{"id": "ngo", "label": {"en": "an NGO", "sr-Latn": "udruženje", "hr": "udruga"}},
				                {"id": "public", "label": {"en": "public", "sr-Latn": "javna", "hr": "javna"}}]}]}
				""");
		assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
		return programme;
	}

	/** mentor.ana takes part in this programme too: her second enrolment, on her one account. */
	private static String enrolTheDemoMentorToo(String coordinator, String programme) throws Exception {
		String mentor = Journeys.enrolAndAdmitMentor(coordinator, programme, ORGANISER, "Ana Petrović",
				"ana.petrovic@example.org", "RS", "Beograd", 2);
		assertThat(ids(send("GET", "/api/v1/participants", token("mentor.ana"), null), "items"))
			.as("her demo enrolment and this one, on her one account").contains("p-demo-mentor-1", mentor);
		return mentor;
	}

	private static String apply(String programme, String email) throws Exception {
		HttpResponse<String> applied = send("POST", "/api/v1/applications", null, """
				{"programmeId": "%s", "role": "MENTEE", "displayName": "Mila Horvat", "email": "%s",
				 "organisationId": "%s", "country": "HR", "city": "Split", "languages": ["hr", "en"],
				 "preferredLocale": "hr", "goals": [{"code": "digital-tools", "level": 5}], "format": "ONLINE",
				 "timeZone": "Europe/Zagreb",
				 "consent": {"version": "2026-10", "scopes": ["programme-participation", "matching", "notifications"]},
				 "answers": [{"questionId": "project-idea", "text": "A travelling archive of the region's festivals"},
				             {"questionId": "organisation-kind", "choices": ["ngo"]}]}
				""".formatted(programme, email, PARTNER));
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(202);
		return JSON.readTree(applied.body()).path("participantId").asString();
	}

	private static String proposeAndPublish(String coordinator, String programme, String mentor, String mentee)
			throws Exception {
		String[] run = new String[1];
		await("both are in the matching pool").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				HttpResponse<String> started = send("POST", "/api/v1/programmes/" + programme + "/matching-runs",
						coordinator, """
								{"lockedPairs": [{"mentorId": "%s", "menteeId": "%s"}]}""".formatted(mentor, mentee));
				assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
				JsonNode body = JSON.readTree(started.body());
				List<String> menteesProposed = new ArrayList<>();
				body.path("proposals").forEach(p -> menteesProposed.add(p.path("menteeId").asString()));
				assertThat(menteesProposed).contains(mentee);
				run[0] = body.path("id").asString();
			});
		HttpResponse<String> published = send("POST",
				"/api/v1/programmes/" + programme + "/matching-runs/" + run[0] + "/publish", coordinator, "{}");
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		String[] match = new String[1];
		await("the proposal").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			JsonNode matches = JSON.readTree(send("GET", "/api/v1/programmes/" + programme + "/matches?participantId="
					+ mentee, coordinator, null).body());
			assertThat(matches.path("items")).isNotEmpty();
			match[0] = matches.path("items").get(0).path("id").asString();
		});
		return match[0];
	}

	/** The participant's profile card as the caller sees it, once it is hers to see. */
	private static JsonNode card(String participant, String token) {
		JsonNode[] card = new JsonNode[1];
		await("the card of " + participant).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				HttpResponse<String> seen = send("GET", "/api/v1/participants/" + participant, token, null);
				assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
				card[0] = JSON.readTree(seen.body());
			});
		return card[0];
	}

}
