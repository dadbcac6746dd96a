package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.RunningStack.GATEWAY;
import static com.kreativnomentorstvo.local.RunningStack.ISSUER;
import static com.kreativnomentorstvo.local.RunningStack.JSON;
import static com.kreativnomentorstvo.local.RunningStack.send;
import static com.kreativnomentorstvo.local.RunningStack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web application on the running stack, as people use it through the gateway: sign-in at the
 * real authorization server (authorization code with PKCE, the tokens kept by the web
 * application), the page a link opens, the person's own language, a form posted with its CSRF
 * token, and nothing of another person's for someone else.
 */
@ExtendWith(RunningStack.Extension.class)
class WebIT {

	private static final String PROGRAMME = "prog-reg-lab-2027";

	/** Jovana (writes Serbian in Cyrillic) and Marko, demo people no other system test pairs. */
	private static final String MENTEE = "p-demo-mentee-1";

	private static final String MENTOR = "p-demo-mentor-2";

	@Test
	void aMenteeOpensHerProposalsLinkSignsInAndAcceptsInHerOwnLanguage() throws Exception {
		String match = proposed(token("coordinator.rs"));
		Browser jovana = new Browser();

		HttpResponse<String> page = jovana.openSignedIn(GATEWAY + "/matches/" + match, ISSUER, "mentee.jovana", "demo");

		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.uri().toString()).as("she lands on the page the link named")
			.startsWith(GATEWAY + "/matches/" + match);
		assertThat(page.uri().getPath()).isEqualTo("/matches/" + match);
		assertThat(page.body()).contains("lang=\"sr-Cyrl\"").contains("Прихвати пар").doesNotContain("??");
		String cookie = page.headers().allValues("Set-Cookie").toString();
		assertThat(cookie).doesNotContain("access_token");

		HttpResponse<String> accepted = jovana.submitAndFollow(GATEWAY + "/matches/" + match + "/accept",
				formOf(page.body(), "/accept"), Map.of());

		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.body()).contains("Прихватили сте пар.");
		HttpResponse<String> asTheApiSeesIt = send("GET", "/api/v1/matches/" + match, token("coordinator.rs"), null);
		assertThat(JSON.readTree(asTheApiSeesIt.body()).path("menteeAcceptedAt").isNull()).isFalse();

		HttpResponse<String> home = jovana.follow(GATEWAY + "/");
		assertThat(home.body()).contains("Добро дошли, Jovana Nikolić").doesNotContain("??");
	}

	@Test
	void anotherMenteeGetsNothingOfHerProposal() throws Exception {
		String match = proposed(token("coordinator.rs"));
		Browser ivan = new Browser();

		HttpResponse<String> page = ivan.openSignedIn(GATEWAY + "/matches/" + match, ISSUER, "mentee.ivan", "demo");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("lang=\"hr\"").contains("Nije pronađeno").doesNotContain("Jovana")
			.doesNotContain("Прихвати");
	}

	@Test
	void aSignedOutBrowserSeesTheWelcomePageAndIsSentToSignInForAnythingElse() throws Exception {
		Browser stranger = new Browser();

		HttpResponse<String> welcome = stranger.open(GATEWAY + "/");
		assertThat(welcome.statusCode()).isEqualTo(200);
		assertThat(welcome.body()).contains("/oauth2/authorization/mentoring-web");
		assertThat(welcome.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				policy -> assertThat(policy).contains("script-src 'self'"));

		for (String page : new String[] { "/programmes", "/inbox", "/matches/m-1", "/sessions/s-1" }) {
			HttpResponse<String> refused = stranger.open(GATEWAY + page);
			assertThat(refused.statusCode()).as(page).isEqualTo(302);
			assertThat(refused.headers().firstValue("Location")).as(page)
				.hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/mentoring-web"));
		}
		HttpResponse<String> toTheIssuer = stranger.open(GATEWAY + "/oauth2/authorization/mentoring-web");
		assertThat(toTheIssuer.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
			.startsWith(ISSUER + "/oauth2/authorize").contains("code_challenge_method=S256"));
	}

	@Test
	void aCoordinatorSeesHerProgrammesInHerLanguage() throws Exception {
		Browser coordinator = new Browser();

		HttpResponse<String> home = coordinator.openSignedIn(GATEWAY + "/programmes", ISSUER, "coordinator.rs", "demo");

		assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
		assertThat(home.body()).contains("lang=\"sr-Latn\"").contains("Programi").contains("/programmes/" + PROGRAMME);
	}

	@Test
	void aCoordinatorOfAnotherOrganisationGetsNothingOfAProgrammeHersDoesNotTakePartIn() throws Exception {
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Belgrade"));
		String name = "Closed circle " + java.util.UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = send("POST", "/api/v1/programmes", token("coordinator.rs"), """
				{"name": "%s", "organiserId": "org-creative-mentorship", "partnerIds": ["org-kultura-nova"],
				 "startsOn": "%s", "endsOn": "%s", "timeZone": "Europe/Belgrade", "languages": ["en"],
				 "enrolmentOpensOn": "%s", "enrolmentClosesOn": "%s"}""".formatted(name, today.plusDays(1),
				today.plusDays(180), today.minusDays(1), today.plusDays(30)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String programme = JSON.readTree(created.body()).path("id").asString();
		Browser skopje = new Browser();

		HttpResponse<String> page = skopje.openSignedIn(GATEWAY + "/programmes/" + programme, ISSUER, "coordinator.mk", "demo");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("lang=\"mk\"").doesNotContain(name);
		for (String part : new String[] { "/applications", "/matching", "/progress" }) {
			HttpResponse<String> other = skopje.follow(GATEWAY + "/programmes/" + programme + part);
			assertThat(other.statusCode()).as(part).isEqualTo(404);
			assertThat(other.body()).as(part).doesNotContain(name);
		}
		HttpResponse<String> hers = skopje.follow(GATEWAY + "/programmes");
		assertThat(hers.statusCode()).isEqualTo(200);
		assertThat(hers.body()).doesNotContain(programme).doesNotContain(name);
	}

	/** A proposal of Marko to Jovana by her coordinator, once matching knows both; its id. */
	private static String proposed(String coordinator) {
		String[] match = new String[1];
		await("a proposal to Jovana").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			HttpResponse<String> open = send("GET", "/api/v1/programmes/" + PROGRAMME + "/matches?participantId=" + MENTEE
					+ "&status=PROPOSED", coordinator, null);
			assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
			if (JSON.readTree(open.body()).path("items").size() > 0) {
				match[0] = JSON.readTree(open.body()).path("items").get(0).path("id").asString();
				return;
			}
			HttpResponse<String> created = send("POST", "/api/v1/programmes/" + PROGRAMME + "/matches", coordinator,
					"{\"mentorId\": \"%s\", \"menteeId\": \"%s\"}".formatted(MENTOR, MENTEE));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			match[0] = JSON.readTree(created.body()).path("id").asString();
		});
		return match[0];
	}

	/** The form of the page whose action ends with the suffix, as its own little page (its hidden fields). */
	private static String formOf(String page, String actionSuffix) {
		int action = page.indexOf(actionSuffix + "\"");
		assertThat(action).as("a form posting to " + actionSuffix).isPositive();
		int start = page.lastIndexOf("<form", action);
		int end = page.indexOf("</form>", action);
		return page.substring(start, end);
	}

}
