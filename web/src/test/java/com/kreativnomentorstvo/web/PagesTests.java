package com.kreativnomentorstvo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.kreativnomentorstvo.testkit.ObservedRequests;
import com.kreativnomentorstvo.testkit.http.StandInServer;

/**
 * The pages as the browser gets them, rendered from what the API answers. The API here is a
 * stand-in HTTP server (these tests are about the pages); the whole path through the real
 * identity provider, gateway and services is the local stack's system test ({@code WebIT}).
 * Signed-in requests use Spring Security's test support for an OpenID Connect login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesTests {

	/** The API (and the issuer's discovery document) as a stand-in server; unknown paths are 404 problems. */
	private static final StandInServer api = StandInServer.start()
		.otherwise(404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}");

	static {
		api.answer("GET", "/.well-known/openid-configuration", 200, """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
				 "jwks_uri":"%1$s/oauth2/jwks","end_session_endpoint":"%1$s/connect/logout",
				 "response_types_supported":["code"],"subject_types_supported":["public"],
				 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"]}"""
			.formatted(api.url()));
	}

	@DynamicPropertySource
	static void api(DynamicPropertyRegistry properties) {
		// every service of the API's route table at the one stand-in (ServiceCallsTests tells them apart)
		for (String service : List.of("PARTICIPANT", "MATCHING", "SESSION", "NOTIFICATION")) {
			properties.add(service + "_SERVICE_URL", api::url);
		}
		properties.add("mentoring.web.issuer-uri", api::url);
		properties.add("mentoring.web.public-url", () -> "http://localhost:8080");
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	ObservationRegistry observations;

	@LocalServerPort
	int port;

	MockMvc pages;

	private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void setUp() {
		pages = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
		api.forget();
		json("GET /api/v1/programmes", 200, """
				{"items":[{"id":"reg-lab","name":"Reg. Lab 2027","startsOn":"2027-01-10","endsOn":"2027-06-30",
				"openForEnrolment":true}],"page":0,"size":50,"total":1}""");
		json("GET /api/v1/notifications", 200, """
				{"items":[{"id":"n-1","title":"A new proposal","body":"Please answer","actionUrl":"http://localhost:8080/matches/m-1",
				"readAt":null}],"page":0,"size":5,"total":1}""");
	}

	@Test
	void theWelcomePageOffersSignInToAnyone() throws Exception {
		HttpResponse<String> welcome = open("/");
		assertThat(welcome.statusCode()).isEqualTo(200);
		assertThat(welcome.body()).contains("href=\"/oauth2/authorization/mentoring-web\"");
	}

	@Test
	void aPageOpenedWithoutSessionSendsThePersonToSignInWithPkceAndKeepsTheCookieSafe() throws Exception {
		HttpResponse<String> page = open("/matches/m-1");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/oauth2/authorization/mentoring-web"));
		String cookie = page.headers().allValues("Set-Cookie").stream()
			.filter(c -> c.startsWith("MENTORING_SESSION="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");

		HttpResponse<String> signIn = open("/oauth2/authorization/mentoring-web", cookie.substring(0, cookie.indexOf(';')));
		assertThat(signIn.statusCode()).isEqualTo(302);
		String authorize = signIn.headers().firstValue("Location").orElseThrow();
		assertThat(authorize).startsWith(api.url() + "/oauth2/authorize?")
			.contains("client_id=mentoring-web")
			.contains("code_challenge_method=S256")
			.contains("code_challenge=")
			.contains("redirect_uri=http://localhost:8080/login/oauth2/code/mentoring-web");
	}

	@Test
	void anHtmxRequestWithoutSessionGetsAWholePageRedirectInsteadOfAFragment() throws Exception {
		HttpResponse<String> fragment = browser.send(HttpRequest.newBuilder(URI.create(base() + "/inbox"))
			.header("HX-Request", "true")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(fragment.statusCode()).isEqualTo(401);
		assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/oauth2/authorization/mentoring-web");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void aCoordinatorsHomeRendersCompletelyInEachLanguage(String language) throws Exception {
		MvcResult home = pages.perform(get("/").param("lang", language).with(person("coordinator"))).andReturn();
		String html = home.getResponse().getContentAsString();
		assertThat(home.getResponse().getStatus()).isEqualTo(200);
		assertThat(html).contains("Reg. Lab 2027").contains("A new proposal").contains("lang=\"" + language + "\"")
			.doesNotContain("??");
		assertThat(calls()).allSatisfy(call -> {
			assertThat(call.header("Authorization")).isEqualTo("Bearer access-token");
			assertThat(call.header("Accept-Language")).isEqualTo(language);
		});
	}

	@Test
	void whatTheApiDoesNotShowThePersonIsNotFoundForHerEither() throws Exception {
		json("GET /api/v1/matches/m-2", 404, "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"No match m-2\"}");
		MvcResult page = pages.perform(get("/matches/m-2").with(person("mentee"))).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(404);
		assertThat(page.getResponse().getContentAsString()).contains("Not found").doesNotContain("No match m-2");
	}

	@Test
	void theQueuesTwoCallsEachCarryHerTokenAndLanguage() throws Exception {
		json("GET /api/v1/programmes/reg-lab", 200, """
				{"id":"reg-lab","name":"Reg. Lab 2027","timeZone":"Europe/Belgrade"}""");
		json("GET /api/v1/participants", 200, """
				{"items":[{"id":"p-1","displayName":"Mila Marić","role":"MENTEE","country":"RS"}],"page":0,"size":100,"total":1}""");

		MvcResult page = pages.perform(get("/programmes/reg-lab/applications").param("lang", "mk")
			.header("X-Request-Id", "page-42")
			.with(request -> {
				request.setRemoteAddr("203.0.113.7");
				return request;
			})
			.with(person("coordinator"))).andReturn();

		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("Mila Marić").contains("Reg. Lab 2027");
		assertThat(calls()).extracting(StandInServer.Request::path)
			.containsExactlyInAnyOrder("/api/v1/programmes/reg-lab", "/api/v1/participants");
		// the services see the browser's address (their per-client limits) and log the page's request id
		assertThat(calls()).allSatisfy(call -> {
			assertThat(call.header("Authorization")).isEqualTo("Bearer access-token");
			assertThat(call.header("Accept-Language")).isEqualTo("mk");
			assertThat(call.header("X-Forwarded-For")).isEqualTo("203.0.113.7");
			assertThat(call.header("X-Request-Id")).isEqualTo("page-42");
		});
	}

	@ParameterizedTest
	@CsvSource({ "/api/v1/programmes/reg-lab, 404", "/api/v1/participants, 404", "/api/v1/participants, 503" })
	void aRefusalOfEitherOfTheQueuesCallsIsShownAsItWouldBeAlone(String refused, int status) throws Exception {
		json("GET /api/v1/programmes/reg-lab", 200, """
				{"id":"reg-lab","name":"Reg. Lab 2027","timeZone":"Europe/Belgrade"}""");
		json("GET /api/v1/participants", 200, """
				{"items":[],"page":0,"size":100,"total":0}""");
		json("GET " + refused, status, "{\"status\":" + status + ",\"title\":\"Refused\",\"detail\":\"secret detail\"}");

		MvcResult page = pages.perform(get("/programmes/reg-lab/applications").with(person("coordinator"))).andReturn();

		assertThat(page.getResponse().getStatus()).isEqualTo(status);
		assertThat(page.getResponse().getContentAsString()).doesNotContain("secret detail").doesNotContain("at com.");
	}

	@Test
	void aServiceThatIsDownShowsAFriendlyPageWithoutAStackTrace() throws Exception {
		json("GET /api/v1/sessions/s-1", 503, """
				{"status":503,"title":"Service Unavailable","detail":"session-service is not answering"}""");
		MvcResult page = pages.perform(get("/sessions/s-1").with(person("mentee"))).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(503);
		assertThat(page.getResponse().getContentAsString()).contains("Temporarily unavailable")
			.doesNotContain("Exception")
			.doesNotContain("at com.");
	}

	@Test
	void whatTheServiceRefusesInAFormStandsNextToItsFieldAndTheTypedTextStays() throws Exception {
		json("POST /api/v1/programmes", 400, """
				{"status":400,"title":"Invalid fields","errors":[{"field":"endsOn","message":"must be after startsOn"}]}""");
		MvcResult page = pages.perform(post("/programmes").with(person("coordinator")).with(csrf())
			.param("name", "Reg. Lab 2028")
			.param("partnerIds", "org-kultura-nova, org-skopje-creative-hub")
			.param("startsOn", "2028-06-01")
			.param("endsOn", "2028-01-01")).andReturn();
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("value=\"Reg. Lab 2028\"")
			.containsPattern("id=\"endsOn\"[^>]*aria-describedby=\"endsOn-hint endsOn-error\"")
			.containsPattern("id=\"endsOn\"[^>]*aria-invalid=\"true\"")
			.contains("id=\"endsOn-error\"")
			.contains("must be after startsOn");
		assertThat(calls()).anySatisfy(call -> assertThat(call.body()).contains("\"endsOn\":\"2028-01-01\"")
			.contains("\"partnerIds\":[\"org-kultura-nova\",\"org-skopje-creative-hub\"]"));
	}

	@Test
	void aFormWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
		MvcResult page = pages.perform(post("/matches/m-1/accept").with(person("mentee"))).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(403);
		assertThat(calls()).isEmpty();
	}

	@Test
	void theInboxStreamSignalsEachNewMessageToThePage() throws Exception {
		json("GET /api/v1/notifications/stream", 200, """
				: connected

				event:notification
				id:n-2
				data:{"id":"n-2","title":"A new session"}

				: heartbeat

				""");

		MvcResult stream = pages.perform(get("/inbox/stream").with(person("mentee"))).andReturn();

		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(stream.getResponse().getContentAsString()).contains("event:notification")
				.contains("data:new"));
		assertThat(calls()).anySatisfy(call -> {
			assertThat(call.target()).isEqualTo("/api/v1/notifications/stream");
			assertThat(call.header("Authorization")).isEqualTo("Bearer access-token");
		});
	}

	@Test
	void aBookingTheSessionServiceRefusesAsAnOverlapStandsNextToTheDayWithTheTypedTimeKept() throws Exception {
		json("GET /api/v1/mentorships/ms-1", 200, """
				{"id":"ms-1","status":"ACTIVE","mentor":{"name":"Ana","timeZone":"Europe/Belgrade"},
				 "mentee":{"name":"Ivan","timeZone":"Europe/Zagreb"}}""");
		json("GET /api/v1/mentorships/ms-1/sessions", 200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
		json("POST /api/v1/mentorships/ms-1/sessions", 409, """
				{"status":409,"title":"Conflict","detail":"The pair already has a session at that time"}""");

		MvcResult page = pages.perform(post("/mentorships/ms-1/sessions").with(person("mentee")).with(csrf())
			.param("date", "2027-03-01")
			.param("time", "18:00")
			.param("timeZone", "Europe/Zagreb")
			.param("durationMinutes", "60")
			.param("mode", "ONLINE")).andReturn();

		String html = page.getResponse().getContentAsString();
		assertThat(html).containsPattern("id=\"date\"[^>]*aria-invalid=\"true\"")
			.contains("id=\"date-error\"")
			.contains("The pair already has a session at that time")
			.contains("value=\"18:00\"");
		assertThat(calls()).anySatisfy(call -> assertThat(call.body()).contains("\"start\":\"2027-03-01T18:00\"")
			.contains("\"timeZone\":\"Europe/Zagreb\""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void theFeedbackAndMentorshipPagesRenderCompletelyInEachLanguage(String language) throws Exception {
		json("GET /api/v1/sessions/s-9", 200, """
				{"id":"s-9","mentorshipId":"ms-1","status":"HELD","start":"2027-03-01T18:00","timeZone":"Europe/Zagreb",
				 "startUtc":"2027-03-01T17:00:00Z","endUtc":"2027-03-01T18:00:00Z","mode":"ONLINE"}""");
		json("GET /api/v1/sessions/s-9/feedback", 200, "[{\"rating\":4,\"comment\":\"Useful\"}]");
		json("GET /api/v1/mentorships/ms-1", 200, """
				{"id":"ms-1","status":"ACTIVE","mentor":{"name":"Ana"},"mentee":{"name":"Ivan"}}""");
		json("GET /api/v1/mentorships/ms-1/sessions", 200, """
				{"items":[{"id":"s-9","status":"HELD","start":"2027-03-01T18:00","timeZone":"Europe/Zagreb"}],
				 "page":0,"size":50,"total":1}""");

		for (String path : new String[] { "/sessions/s-9/feedback", "/mentorships/ms-1", "/sessions/s-9" }) {
			MvcResult page = pages.perform(get(path).param("lang", language).with(person("mentor"))).andReturn();
			assertThat(page.getResponse().getStatus()).as(path).isEqualTo(200);
			assertThat(page.getResponse().getContentAsString()).as(path).doesNotContain("??")
				.contains("lang=\"" + language + "\"");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void thePairsThreadAndTheirCardsRenderCompletelyInEachLanguageWithHerOwnMessagesMarked(String language)
			throws Exception {
		aPairWithAThread();

		MvcResult thread = pages.perform(get("/mentorships/ms-1/messages").param("lang", language)
			.with(person("mentee"))).andReturn();
		String html = thread.getResponse().getContentAsString();
		assertThat(thread.getResponse().getStatus()).isEqualTo(200);
		assertThat(html).doesNotContain("??").contains("lang=\"" + language + "\"")
			.contains("Thursday at six?")
			.containsPattern("(?s)Zdravo Ana!.*Thursday at six\\?")
			.containsPattern("(?s)<li class=\"mine\">\\s*<p class=\"meta\">\\s*<strong>[^<]+</strong>\\s*<time[^>]*>[^<]+</time>\\s*</p>\\s*<p class=\"text\">Zdravo Ana!")
			.contains("<strong>Ana Petrović</strong>")
			.contains("id=\"text\"");

		MvcResult mentorship = pages.perform(get("/mentorships/ms-1").param("lang", language)
			.with(person("mentee"))).andReturn();
		assertThat(mentorship.getResponse().getContentAsString()).doesNotContain("??")
			.contains("href=\"mailto:ana@example.org\"")
			.contains("transnational programmes")
			.contains("/mentorships/ms-1/messages");
	}

	@Test
	void aMessageTheSessionServiceRefusesStandsNextToItsFieldWithTheTypedTextKept() throws Exception {
		aPairWithAThread();
		json("POST /api/v1/mentorships/ms-1/messages", 400, """
				{"status":400,"title":"Invalid input","errors":[{"field":"text","message":"size must be between 0 and 4000"}]}""");

		MvcResult refused = pages.perform(post("/mentorships/ms-1/messages").with(person("mentee")).with(csrf())
			.param("text", "A very long story")).andReturn();

		String html = refused.getResponse().getContentAsString();
		assertThat(html).containsPattern("id=\"text\"[^>]*aria-describedby=\"text-error\"")
			.containsPattern("id=\"text\"[^>]*aria-invalid=\"true\"")
			.contains("size must be between 0 and 4000")
			.contains(">A very long story</textarea>");
		assertThat(calls()).anySatisfy(call -> assertThat(call.body()).isEqualTo("{\"text\":\"A very long story\"}"));

		json("POST /api/v1/mentorships/ms-1/messages", 201, "{\"id\":\"msg-3\"}");
		MvcResult sent = pages.perform(post("/mentorships/ms-1/messages").with(person("mentee")).with(csrf())
			.param("text", "Shorter")).andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/mentorships/ms-1/messages#write");
		assertThat(sent.getFlashMap().get("done")).isEqualTo("messages.sent");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void theAnnouncementsPageRendersCompletelyInEachLanguage(String language) throws Exception {
		json("GET /api/v1/programmes/reg-lab", 200, """
				{"id":"reg-lab","name":"Reg. Lab 2027","timeZone":"Europe/Belgrade","organiserId":"org-rs","partnerIds":["org-hr"]}""");
		json("GET /api/v1/programmes/reg-lab/announcements", 200, """
				[{"id":"ann-1","programmeId":"reg-lab","audience":"MENTEES","sentAt":"2027-03-01T09:00:00Z","recipients":12,
				  "texts":{"en":{"subject":"Midterm training moves","body":"To 14 May."},"sr-Latn":{"subject":"Trening je pomeren","body":"Na 14. maj."}}}]""");

		MvcResult page = pages.perform(get("/programmes/reg-lab/announcements").param("lang", language)
			.with(person("coordinator"))).andReturn();

		String html = page.getResponse().getContentAsString();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(html).doesNotContain("??").contains("lang=\"" + language + "\"")
			.contains("Midterm training moves")
			.contains("id=\"subject-sr-Cyrl\"")
			.contains("id=\"body-mk\"")
			.contains("value=\"org-hr\"");
	}

	@Test
	void anAnnouncementGoesOutInTheLanguagesWrittenAndARefusalStandsBesideItsField() throws Exception {
		json("GET /api/v1/programmes/reg-lab", 200, """
				{"id":"reg-lab","name":"Reg. Lab 2027","timeZone":"Europe/Belgrade","organiserId":"org-rs","partnerIds":["org-hr"]}""");
		json("GET /api/v1/programmes/reg-lab/announcements", 200, "[]");
		json("POST /api/v1/programmes/reg-lab/announcements", 422, """
				{"status":422,"title":"Request breaks a rule","errors":[{"field":"texts.hr.subject","message":"must not be blank"}]}""");

		MvcResult refused = pages.perform(post("/programmes/reg-lab/announcements").with(person("coordinator"))
			.with(csrf())
			.param("audience", "MENTEES")
			.param("subject-en", "Midterm training moves")
			.param("body-en", "To 14 May.")
			.param("body-hr", "Na 14. svibnja.")).andReturn();

		String html = refused.getResponse().getContentAsString();
		assertThat(html).containsPattern("id=\"subject-hr\"[^>]*aria-describedby=\"subject-hr-error\"")
			.contains("must not be blank")
			.contains(">Na 14. svibnja.</textarea>")
			.contains("value=\"Midterm training moves\"");
		assertThat(calls()).anySatisfy(call -> assertThat(call.body()).contains("\"audience\":\"MENTEES\"")
			.contains("\"en\":{\"subject\":\"Midterm training moves\",\"body\":\"To 14 May.\"}")
			.contains("\"hr\":{\"subject\":\"\",\"body\":\"Na 14. svibnja.\"}")
			.doesNotContain("\"sl\""));
	}

	@ParameterizedTest
	@CsvSource({ "sr-Latn, Regionalna laboratorija", "sr-Cyrl, Регионална лабораторија", "en, Reg. Lab 2027",
			"hr, Reg. Lab 2027" })
	void aProgrammeIsShownByItsNameInThePersonsLanguageWhereItHasOne(String language, String shown) throws Exception {
		json("GET /api/v1/programmes/reg-lab", 200, PROGRAMME.replace("\"version\":3",
				"\"version\":3,\"names\":{\"sr-Latn\":\"Regionalna laboratorija\",\"sr-Cyrl\":\"Регионална лабораторија\"}"));

		MvcResult page = pages.perform(get("/programmes/reg-lab").param("lang", language).with(person("coordinator")))
			.andReturn();

		assertThat(page.getResponse().getContentAsString()).contains("<h1>" + shown + "</h1>");
	}

	/** Ana (a mentor) and the signed-in mentee (p-1, of account-1), with two messages, newest first. */
	private static void aPairWithAThread() {
		json("GET /api/v1/mentorships/ms-1", 200, """
				{"id":"ms-1","status":"ACTIVE","mentor":{"participantId":"p-2","name":"Ana Petrović","timeZone":"Europe/Ljubljana"},
				 "mentee":{"participantId":"p-1","name":"Mila Marić","timeZone":"Europe/Belgrade"}}""");
		json("GET /api/v1/mentorships/ms-1/sessions", 200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
		json("GET /api/v1/mentorships/ms-1/messages", 200, """
				{"items":[{"id":"msg-2","authorId":"p-2","recipientId":"p-1","text":"Thursday at six?","postedAt":"2027-03-01T17:05:00Z"},
				 {"id":"msg-1","authorId":"p-1","recipientId":"p-2","text":"Zdravo Ana!","postedAt":"2027-03-01T17:00:00Z"}],
				 "page":0,"size":50,"total":2}""");
		json("GET /api/v1/participants", 200, """
				{"items":[{"id":"p-1","accountId":"account-1","displayName":"Mila Marić","role":"MENTEE"}],"page":0,"size":100,"total":1}""");
		json("GET /api/v1/participants/p-2", 200, """
				{"id":"p-2","displayName":"Ana Petrović","role":"MENTOR","country":"SI","languages":["sl","en"],
				 "skills":[{"code":"transnational-programmes","level":5}],"email":"ana@example.org","timeZone":"Europe/Ljubljana"}""");
		json("GET /api/v1/participants/p-1", 200, """
				{"id":"p-1","displayName":"Mila Marić","role":"MENTEE","country":"RS","goals":[{"code":"digital-tools","level":4}]}""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void theCoordinatorsQueueAndMatchingReviewRenderCompletelyInEachLanguage(String language) throws Exception {
		json("GET /api/v1/programmes/reg-lab", 200, """
				{"id":"reg-lab","name":"Reg. Lab 2027","timeZone":"Europe/Belgrade"}""");
		json("GET /api/v1/participants", 200, """
				{"items":[{"id":"p-1","displayName":"Mila Marić","role":"MENTEE","country":"RS",
				 "answers":[{"questionId":"project-idea","text":"A festival of light"}]},
				 {"id":"p-2","displayName":"Ana Petrović","role":"MENTOR","country":"RS"}],"page":0,"size":100,"total":2}""");
		json("GET /api/v1/programmes/reg-lab/matching-runs", 200, """
				{"items":[{"id":"run-1","status":"DRAFT","createdAt":"2027-01-05T10:00:00Z",
				 "summary":{"matched":1,"unmatched":1}},
				 {"id":"run-2","status":"DRAFT","createdAt":"2027-01-04T10:00:00Z",
				 "summary":{"matched":2,"unmatched":0}}],"page":0,"size":20,"total":2}""");
		json("GET /api/v1/programmes/reg-lab/matching-runs/run-1", 200, """
				{"id":"run-1","status":"DRAFT","summary":{"matched":1,"mentees":2,"unmatched":1},
				 "proposals":[{"mentorId":"p-2","menteeId":"p-1","score":55.0,"locked":true,
				   "contributions":[{"criterion":"goals","points":30,"maxPoints":40,"explanation":"3 of 4 goals"}]}],
				 "unmatched":[{"menteeId":"p-3","reason":"NO_ELIGIBLE_MENTOR","explanation":"no mentor shares a language"}],
				 "declinedPairs":[{"mentorId":"p-2","menteeId":"p-1","declinedBy":"p-2","declinedAt":"2027-01-03T09:00:00Z",
				   "lifted":false,"explanation":"not proposed again"}]}""");
		json("GET /api/v1/programmes/reg-lab/matching-runs/run-1/comparison", 200, """
				{"runId":"run-1","otherRunId":"run-2","samePairs":1,
				 "run":{"matched":1,"totalScore":55.0,"worstChosenScore":55.0,"objective":"TOTAL"},
				 "other":{"matched":2,"totalScore":98.5,"worstChosenScore":43.5,"objective":"TOTAL"},
				 "changes":[{"menteeId":"p-3","mentorInOther":"p-2","scoreInOther":43.5}]}""");

		for (String path : new String[] { "/programmes/reg-lab/applications", "/programmes/reg-lab/matching",
				"/programmes/reg-lab/matching/run-1", "/programmes/reg-lab/matching/run-1/comparison?with=run-2" }) {
			MvcResult page = pages.perform(get(path).param("lang", language).with(person("coordinator"))).andReturn();
			String html = page.getResponse().getContentAsString();
			assertThat(page.getResponse().getStatus()).as(path).isEqualTo(200);
			assertThat(html).as(path).doesNotContain("??").contains("lang=\"" + language + "\"");
		}
		String review = pages.perform(get("/programmes/reg-lab/matching/run-1").with(person("coordinator")))
			.andReturn().getResponse().getContentAsString();
		assertThat(review).contains("Ana Petrović and Mila Marić").contains("<meter min=\"0\" max=\"40\" value=\"30\"")
			.contains("30 of 40 points").contains("no mentor shares a language").contains("Publish: send the proposals")
			.contains("Kept from an earlier run")
			.containsPattern("name=\"keep\"[^>]*value=\"p-2\\|p-1\"[^>]*checked")
			.contains("Declined before")
			.containsPattern("Not proposed again: the proposal was declined on [^<]*2027 \\(Ana Petrović\\)\\.")
			.containsPattern("name=\"lift\"[^>]*value=\"p-2\\|p-1\"")
			.doesNotContainPattern("name=\"lift\"[^>]*checked")
			.contains("<option value=\"run-2\"").doesNotContain("<option value=\"run-1\"");
		String comparison = pages.perform(get("/programmes/reg-lab/matching/run-1/comparison").param("with", "run-2")
			.with(person("coordinator"))).andReturn().getResponse().getContentAsString();
		assertThat(comparison).contains("Pairs the same in both: 1.").contains("<td>98.5</td>")
			.contains("Ana Petrović (score 43.5)").contains("no mentor");
	}

	@Test
	void aRunIsRunAgainOnTheSamePeopleWithThePairsKeptAndLeftOutAddedToItsOwn() throws Exception {
		json("GET /api/v1/programmes/reg-lab/matching-runs/run-1", 200, """
				{"id":"run-1","status":"DRAFT","settings":{
				  "lockedPairs":[{"mentorId":"p-5","menteeId":"p-6"}],
				  "excludedPairs":[{"mentorId":"p-7","menteeId":"p-8"}]}}""");
		json("POST /api/v1/programmes/reg-lab/matching-runs", 201, "{\"id\":\"run-3\"}");

		MvcResult again = pages.perform(post("/programmes/reg-lab/matching/run-1/again").with(person("coordinator"))
			.with(csrf())
			.param("keep", "p-2|p-1", "p-4|p-3")
			.param("avoid", "p-4|p-3")
			.param("lift", "p-9|p-1")).andReturn();

		assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/programmes/reg-lab/matching/run-3");
		assertThat(calls()).anySatisfy(call -> {
			assertThat(call.method()).isEqualTo("POST");
			assertThat(call.body()).isEqualTo("{\"basedOn\":\"run-1\","
					+ "\"lockedPairs\":[{\"mentorId\":\"p-5\",\"menteeId\":\"p-6\"},{\"mentorId\":\"p-2\",\"menteeId\":\"p-1\"}],"
					+ "\"excludedPairs\":[{\"mentorId\":\"p-7\",\"menteeId\":\"p-8\"},{\"mentorId\":\"p-4\",\"menteeId\":\"p-3\"}],"
					+ "\"liftedDeclines\":[{\"mentorId\":\"p-9\",\"menteeId\":\"p-1\"}]}");
		});
	}

	@Test
	void manyApplicationsAreDecidedAtOnceAndTheOnesTheServiceRefusesAreNamed() throws Exception {
		json("POST /api/v1/participants/p-1/reject", 200, "{}");
		json("POST /api/v1/participants/p-2/reject", 409, """
				{"status":409,"title":"Conflict","detail":"p-2 is already admitted"}""");

		MvcResult decided = pages.perform(post("/programmes/reg-lab/applications").with(person("coordinator")).with(csrf())
			.param("applicant", "p-1", "p-2")
			.param("decision", "reject")
			.param("reason", "The programme is full")).andReturn();

		assertThat(decided.getResponse().getRedirectedUrl()).isEqualTo("/programmes/reg-lab/applications");
		assertThat((Map<String, Object>) decided.getFlashMap()).containsEntry("decided", 1)
			.containsEntry("refused", List.of("p-2: p-2 is already admitted"));
		assertThat(calls()).filteredOn(call -> call.target().endsWith("/reject"))
			.allSatisfy(call -> assertThat(call.body()).isEqualTo("{\"reason\":\"The programme is full\"}"))
			.hasSize(2);
	}

	@Test
	void turningDownWithoutAReasonSendsNothing() throws Exception {
		MvcResult refused = pages.perform(post("/programmes/reg-lab/applications").with(person("coordinator")).with(csrf())
			.param("applicant", "p-1")
			.param("decision", "reject")).andReturn();

		assertThat((Map<String, Object>) refused.getFlashMap()).containsEntry("refusal", "applications.reasonMissing");
		assertThat(calls()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void thePagesTheEmailLinksOpenRenderCompletelyInEachLanguage(String language) throws Exception {
		json("GET /api/v1/participants/p-1", 200, """
				{"id":"p-1","displayName":"Ana Anić","role":"MENTEE","status":"ACCEPTED","programmeId":"reg-lab",
				 "accountId":"account-1","country":"RS","languages":["sr-Latn"],"bio":"Designer",
				 "goals":[{"code":"film","level":"BASIC"}]}""");
		json("GET /api/v1/participants/p-1/notification-preferences", 200, """
				{"participantId":"p-1","locale":"sr-Latn","digest":"NONE","quietHours":{"from":"22:00","to":"07:00"},
				 "kinds":{"match-proposed":{"email":true,"inApp":true}}}""");
		json("GET /api/v1/programmes/reg-lab/events/e-1", 200, """
				{"id":"e-1","title":"Kick-off","status":"SCHEDULED","start":"2027-02-01T17:00:00Z","timeZone":"Europe/Belgrade",
				 "mode":"ONLINE","meetingUrl":"https://meet.example.org/k"}""");
		json("GET /api/v1/webhooks/w-1", 200, """
				{"id":"w-1","url":"https://hooks.example.org/m","status":"DISABLED","disabledAt":"2027-01-01T00:00:00Z",
				 "disabledReason":"failing for 3 days","eventTypes":["match.proposed"]}""");
		json("GET /api/v1/webhooks/w-1/deliveries", 200, """
				{"items":[{"id":"d-1","eventType":"match.proposed","status":"FAILED","lastStatusCode":500}],
				 "page":0,"size":20,"total":1}""");
		json("GET /api/v1/mentorships/ms-1", 200, """
				{"id":"ms-1","status":"ACTIVE","mentor":{"name":"Ana"},"mentee":{"name":"Ivan"}}""");
		json("GET /api/v1/mentorships/ms-1/reviews", 200, """
				[{"kind":"MIDTERM","progress":"Good","challenges":"Time","nextSteps":"A show"}]""");

		json("GET /api/v1/participants/p-1/consent", 200, """
				{"current":{"givenAt":"2027-01-01T10:00:00Z","version":"2027-01","scopes":["profile-sharing"]},
				 "history":[{"action":"GIVEN","at":"2027-01-01T10:00:00Z","scopes":["profile-sharing"]}]}""");
		json("GET /api/v1/notifications/deliveries", 200, """
				{"items":[{"id":"d-1","kind":"match-proposed","status":"FAILED","attempts":5,"address":"ana@example.org",
				 "failureReason":"mailbox full","createdAt":"2027-01-02T09:00:00Z"},
				 {"id":"d-2","kind":"WELCOME","status":"DELIVERED","attempts":1,"address":"ana@example.org",
				 "createdAt":"2027-01-01T09:00:00Z"}],"page":0,"size":20,"total":2}""");
		for (String path : new String[] { "/participants/p-1", "/participants/p-1/consent", "/participants/p-1/erasure",
				"/participants/p-1/deliveries",
				"/participants/p-1/notification-preferences",
				"/programmes/reg-lab/events/e-1", "/webhooks/w-1", "/mentorships/ms-1/reviews" }) {
			MvcResult page = pages.perform(get(path).param("lang", language).with(person("mentee"))).andReturn();
			assertThat(page.getResponse().getStatus()).as(path).isEqualTo(200);
			assertThat(page.getResponse().getContentAsString()).as(path).doesNotContain("??")
				.contains("lang=\"" + language + "\"");
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			en      | the mentor’s skills cover 3 of 4 goals; 75% of the most | from Serbia and Croatia; the programme prefers cross-border pairs
			sr-Latn | veštine mentora pokrivaju 3 od 4 ciljeva (75%            | iz zemalja Srbija i Hrvatska; program daje prednost parovima preko granica
			sr-Cyrl | вештине ментора покривају 3 од 4 циљева (75%            | из земаља Србија и Хрватска; програм даје предност паровима преко граница
			hr      | vještine mentora pokrivaju 3 od 4 ciljeva (75 %          | iz zemalja Srbija i Hrvatska; program daje prednost parovima preko granica
			mk      | вештините на менторот покриваат 3 од 4 цели (75%          | од Србија и Хрватска; програмата дава предност на парови преку граници
			sl      | veščine mentorja pokrivajo 3 od 4 ciljev (75 %            | različni državi: Srbija in Hrvaška; program daje prednost čezmejnim parom
			""")
	void theReasonsForAPairAreWordedInTheReadersLanguage(String language, String goals, String country)
			throws Exception {
		json("GET /api/v1/participants/p-1/recommendations", 200, """
				{"items":[{"mentorId":"p-2","score":55,"freePlaces":1,"contributions":[
				  {"criterion":"goals","points":30,"maxPoints":40,"explanation":"goals (in English)",
				   "because":[{"code":"goals-covered","args":["3","4","75"]}]},
				  {"criterion":"country","points":15,"maxPoints":15,"explanation":"from RS and HR (English)",
				   "because":[{"code":"country-different","args":["RS","HR"]},{"code":"stance-prefer","args":[]}]},
				  {"criterion":"timezone","points":10,"maxPoints":10,"explanation":"a reason this page does not know yet",
				   "because":[{"code":"timezone-from-a-newer-service","args":[]}]}]}],
				 "page":0,"size":10,"total":1}""");
		json("GET /api/v1/participants/p-2", 200, "{\"id\":\"p-2\",\"displayName\":\"Ana Petrović\"}");

		String page = pages.perform(get("/participants/p-1/recommendations").param("lang", language)
			.with(person("coordinator"))).andReturn().getResponse().getContentAsString();

		assertThat(page).contains(goals).contains(country).doesNotContain("(in English)")
			.doesNotContain("(English)")
			.as("a reason it cannot word is given as the service wrote it")
			.contains("a reason this page does not know yet");
	}

	@Test
	void theDeliveryLogSaysWhichEmailReachedHerAndWhyOneDidNot() throws Exception {
		json("GET /api/v1/participants/p-1", 200, "{\"id\":\"p-1\",\"displayName\":\"Ana Anić\"}");
		json("GET /api/v1/notifications/deliveries", 200, """
				{"items":[{"id":"d-1","kind":"match-proposed","status":"FAILED","attempts":5,"address":"ana@example.org",
				 "failureReason":"mailbox full","createdAt":"2027-01-02T09:00:00Z"}],"page":0,"size":20,"total":21}""");

		String log = pages.perform(get("/participants/p-1/deliveries").with(person("coordinator"))).andReturn()
			.getResponse().getContentAsString();

		assertThat(log).contains("E-mails to Ana Anić").contains("<td>A proposed pair</td>").contains("Not delivered")
			.contains("mailbox full")
			.contains("href=\"/participants/p-1/deliveries?page=1\"");
		assertThat(calls()).anySatisfy(call -> assertThat(call.target())
			.isEqualTo("/api/v1/notifications/deliveries?recipientId=p-1&page=0&size=20"));
	}

	@Test
	void erasureHappensOnlyAfterThePersonConfirmsIt() throws Exception {
		json("DELETE /api/v1/participants/p-1", 200, "{}");

		MvcResult unconfirmed = pages.perform(post("/participants/p-1/erasure").with(person("mentee")).with(csrf())).andReturn();
		assertThat(calls()).noneMatch(call -> call.method().equals("DELETE"));
		assertThat(unconfirmed.getResponse().getRedirectedUrl()).isEqualTo("/participants/p-1/erasure");

		MvcResult confirmed = pages.perform(post("/participants/p-1/erasure").param("confirm", "yes").with(person("mentee"))
			.with(csrf())).andReturn();
		assertThat(calls()).filteredOn(call -> call.method().equals("DELETE")).singleElement()
			.satisfies(call -> assertThat(call.target()).isEqualTo("/api/v1/participants/p-1"));
		assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void notificationPreferencesAreSavedAsTheNotificationServiceReadsThem() throws Exception {
		json("PUT /api/v1/participants/p-1/notification-preferences", 200, "{}");

		MvcResult saved = pages.perform(post("/participants/p-1/notification-preferences").with(person("mentee")).with(csrf())
			.param("locale", "hr")
			.param("digest", "DAILY")
			.param("digestAt", "08:00")
			.param("quietFrom", "22:00")
			.param("quietTo", "07:00")
			.param("kind.match-proposed", "on")
			.param("email.match-proposed", "on")
			.param("kind.SESSION_REMINDER", "on")
			.param("inApp.SESSION_REMINDER", "on")).andReturn();

		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/participants/p-1/notification-preferences");
		assertThat(calls()).filteredOn(call -> call.method().equals("PUT")).singleElement().satisfies(call -> assertThat(call.body())
			.contains("\"locale\":\"hr\"", "\"digest\":\"DAILY\"", "\"digestAt\":\"08:00\"",
					"\"quietHours\":{", "\"from\":\"22:00\"", "\"to\":\"07:00\"",
					"\"match-proposed\":{\"email\":true,\"inApp\":false}",
					"\"SESSION_REMINDER\":{\"email\":false,\"inApp\":true}"));
	}

	static final String FUNDER_REPORT = """
			{"scope":{"programmes":[{"id":"reg-lab","name":"Reg. Lab 2027"}],"from":"2027-01-01","to":"2027-06-30"},
			 "generatedAt":"2027-07-01T08:00:00Z","smallestCountShown":5,"withheld":4,
			 "participants":{"total":{"applicants":18,"admitted":15,"matched":12,"completed":6},
			  "byRole":[{"group":"MENTEE","applicants":11,"admitted":8,"matched":6,"completed":null},
			   {"group":"MENTOR","applicants":7,"admitted":7,"matched":6,"completed":null}],
			  "byCountry":[{"group":"HR","applicants":null,"admitted":6,"matched":5,"completed":0},
			   {"group":"RS","applicants":10,"admitted":7,"matched":6,"completed":6},{"group":"unknown","applicants":null,
			   "admitted":2,"matched":1,"completed":0}],
			  "byOrganisation":[{"group":"org-1","name":"Kultura Nova","applicants":8,"admitted":8,"matched":6,"completed":6}],
			  "byOrganisationKind":[{"group":"ngo","applicants":18,"admitted":15,"matched":12,"completed":6}]},
			 "pairs":{"total":6,"crossBorder":6,"crossBorderShare":1.0,
			  "byCountryPair":[{"mentorCountry":"RS","menteeCountry":"HR","pairs":null},
			   {"mentorCountry":"RS","menteeCountry":"MK","pairs":null}]},
			 "sessions":{"pairsMeeting":5,"held":6,"hours":6.5,"noShows":0,"cancelled":1},
			 "trainings":{"events":3,"attendanceRecorded":8,"present":6,"attendanceShare":0.75},
			 "reviews":{"midterm":{"pairs":6,"complete":5,"share":0.833},"final":{"pairs":6,"complete":0,"share":0.0}},
			 "surveys":[{"programmeId":"reg-lab","surveyId":"sv-1","title":"After the session",
			   "titles":{"en":"After the session","sr-Latn":"Posle sesije"},"trigger":"AFTER_SESSION","requested":6,
			   "answered":5,"answeredShare":0.833,"questions":[
			   {"questionId":"q-1","kind":"RATING","text":"How useful was it?","texts":{"en":"How useful was it?"},
			    "answers":5,"average":4.2,"distribution":{"1":0,"2":0,"3":null,"4":null,"5":null}},
			   {"questionId":"q-2","kind":"CHOICE","text":"What helped most?","texts":{"en":"What helped most?"},
			    "answers":5,"options":[{"optionId":"o-1","text":"Advice","texts":{"en":"Advice"},"count":null}]},
			   {"questionId":"q-3","kind":"RATING","text":"Again?","texts":{"en":"Again?"},"answers":null}]}]}""";

	@ParameterizedTest
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void theFunderReportRendersCompletelyInEachLanguageWithWithheldCountsSaidInWords(String language) throws Exception {
		json("GET /api/v1/programmes/reg-lab/funder-report", 200, FUNDER_REPORT);
		json("GET /api/v1/funder-report?from=2027-01-01&to=2027-06-30", 200, FUNDER_REPORT);
		json("GET /api/v1/funder-report?from=&to=", 200, FUNDER_REPORT);

		for (String path : new String[] { "/programmes/reg-lab/funder-report", "/funder-report?from=2027-01-01&to=2027-06-30",
				"/funder-report" }) {
			MvcResult page = pages.perform(get(path).param("lang", language).with(person("coordinator"))).andReturn();
			assertThat(page.getResponse().getStatus()).as(path).isEqualTo(200);
			assertThat(page.getResponse().getContentAsString()).as(path).doesNotContain("??")
				.contains("lang=\"" + language + "\"");
		}
		String report = pages.perform(get("/programmes/reg-lab/funder-report").with(person("coordinator")))
			.andReturn().getResponse().getContentAsString();
		assertThat(report).contains("<meter min=\"0\" max=\"18\" value=\"10\"").contains("withheld (fewer than 5)")
			.contains("Croatia").contains("Kultura Nova").contains("Not known").contains("83%")
			.contains("After the session").contains("Average: 4.2 of 5").contains("Rated 3").contains("Advice")
			.contains("Fewer than 5 answered: its results are withheld.")
			.contains("/programmes/reg-lab/funder-report.csv");
	}

	static final String SURVEY = """
			{"id":"sr-1","surveyId":"sv-1","programmeId":"reg-lab","trigger":"AFTER_SESSION","status":"%s",
			 "requestedAt":"2027-03-01T18:00:00Z","dueBy":"2027-03-15T18:00:00Z","answeredAt":%s,"language":"en",
			 "title":"After the session","questions":[
			  {"id":"q-rate","kind":"RATING","text":"How useful was the session?","required":true,"options":[]},
			  {"id":"q-pick","kind":"CHOICE","text":"What helped most?","required":false,
			   "options":[{"id":"o-advice","text":"Advice"},{"id":"o-contacts","text":"Contacts"}]},
			  {"id":"q-say","kind":"TEXT","text":"Anything to add?","required":false,"options":[]}]%s}""";

	@ParameterizedTest
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void aSurveyRendersCompletelyInEachLanguageOpenAndAnswered(String language) throws Exception {
		json("GET /api/v1/survey-requests/sr-1", 200, SURVEY.formatted("OPEN", "null", ""));
		json("GET /api/v1/survey-requests/sr-2", 200, SURVEY.formatted("ANSWERED", "\"2027-03-02T09:00:00Z\"",
				",\"answers\":[{\"questionId\":\"q-rate\",\"rating\":4},{\"questionId\":\"q-pick\",\"choice\":\"o-contacts\"},"
						+ "{\"questionId\":\"q-say\",\"text\":\"More time, please\"}]").replace("\"sr-1\"", "\"sr-2\""));

		String open = page("/surveys/sr-1", language);
		assertThat(open).contains("How useful was the session?").contains("name=\"q-q-rate\"")
			.contains("value=\"o-contacts\"").contains("<textarea id=\"q-q-say\"").contains("action=\"/surveys/sr-1\"");
		String answered = page("/surveys/sr-2", language);
		assertThat(answered).contains("More time, please").contains("Contacts").doesNotContain("<form action=\"/surveys");
	}

	private String page(String path, String language) throws Exception {
		MvcResult page = pages.perform(get(path).param("lang", language).with(person("mentee"))).andReturn();
		assertThat(page.getResponse().getStatus()).as(path).isEqualTo(200);
		String html = page.getResponse().getContentAsString();
		assertThat(html).as(path).doesNotContain("??").contains("lang=\"" + language + "\"");
		return html;
	}

	@Test
	void herAnswersGoToTheServiceAsItTakesThemAndARefusalStandsBesideItsQuestion() throws Exception {
		json("GET /api/v1/survey-requests/sr-1", 200, SURVEY.formatted("OPEN", "null", ""));
		json("POST /api/v1/survey-requests/sr-1/answers", 422, """
				{"status":422,"title":"Request breaks a rule","errors":[{"field":"answers[1].choice","message":"is not one of the options"}]}""");

		String page = pages.perform(post("/surveys/sr-1").param("q-q-rate", "4").param("q-pick", "x")
			.param("q-q-pick", "o-advice").param("q-q-say", "  ").with(person("mentee")).with(csrf()))
			.andReturn().getResponse().getContentAsString();

		assertThat(api.received()).anySatisfy(request -> {
			assertThat(request.path()).isEqualTo("/api/v1/survey-requests/sr-1/answers");
			assertThat(request.body()).isEqualTo(
					"{\"answers\":[{\"questionId\":\"q-rate\",\"rating\":4},{\"questionId\":\"q-pick\",\"choice\":\"o-advice\"}]}");
		});
		assertThat(page).contains("id=\"q-q-pick-error\"").contains("is not one of the options")
			.contains("aria-describedby=\"q-q-pick-error\"");
		assertThat(page).containsPattern("value=\"4\"\\s+checked");
	}

	@Test
	void aPeriodTheServiceRefusesShowsItsRefusalBesideTheField() throws Exception {
		json("GET /api/v1/funder-report?from=2027-06-30&to=2027-01-01", 422, """
				{"status":422,"title":"Request breaks a rule","errors":[{"field":"to","message":"must not be before the start of the period"}]}""");

		String page = pages.perform(get("/funder-report").param("from", "2027-06-30").param("to", "2027-01-01")
			.with(person("coordinator"))).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("id=\"to-error\"").contains("must not be before the start of the period")
			.contains("aria-describedby=\"to-error\"").contains("value=\"2027-06-30\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void progressRecommendationsAndTheSessionsChangesRenderCompletelyInEachLanguage(String language) throws Exception {
		json("GET /api/v1/programmes/reg-lab/progress", 200, """
				{"programmeName":"Reg. Lab 2027","timeZone":"Europe/Belgrade",
				 "totals":{"activePairs":2,"pairsAtRisk":1,"sessionsHeld":3,"hoursHeld":3.5,"unansweredMatches":0},
				 "pairs":[{"mentorshipId":"ms-1","mentorName":"Ana","menteeName":"Ivan","sessionsHeld":3,"hoursHeld":3.5,
				   "lastContact":"2027-02-01T18:00:00+01:00","risks":[]},
				  {"mentorshipId":"ms-2","mentorName":"Marko","menteeName":"Sara","sessionsHeld":0,"hoursHeld":0,
				   "risks":["NO_RECENT_SESSION","MISSING_MIDTERM_REVIEW"]}]}""");
		json("GET /api/v1/participants/p-1/recommendations", 200, """
				{"items":[{"mentorId":"p-2","score":60,"freePlaces":1,
				  "contributions":[{"criterion":"goals","points":30,"maxPoints":40,"explanation":"3 of 4 goals"}]}],
				 "page":0,"size":10,"total":1}""");
		json("GET /api/v1/participants/p-2", 200, "{\"id\":\"p-2\",\"displayName\":\"Ana Petrović\"}");
		json("GET /api/v1/sessions/s-5", 200, """
				{"id":"s-5","mentorshipId":"ms-1","status":"SCHEDULED","timeZone":"Europe/Zagreb",
				 "startUtc":"2027-03-01T17:00:00Z","endUtc":"2027-03-01T18:00:00Z","mode":"ONLINE"}""");

		json("GET /api/v1/sessions/s-7", 200, """
				{"id":"s-7","mentorshipId":"ms-1","status":"SCHEDULED","timeZone":"Europe/Zagreb",
				 "startUtc":"2026-01-05T17:00:00Z","endUtc":"2026-01-05T18:00:00Z","mode":"ONLINE"}""");

		for (String path : new String[] { "/programmes/reg-lab/progress", "/participants/p-1/recommendations", "/sessions/s-5",
				"/sessions/s-7" }) {
			MvcResult page = pages.perform(get(path).param("lang", language).with(person("coordinator"))).andReturn();
			assertThat(page.getResponse().getStatus()).as(path).isEqualTo(200);
			assertThat(page.getResponse().getContentAsString()).as(path).doesNotContain("??")
				.contains("lang=\"" + language + "\"");
		}
		String progress = pages.perform(get("/programmes/reg-lab/progress").with(person("coordinator")))
			.andReturn().getResponse().getContentAsString();
		assertThat(progress.indexOf("Marko and Sara")).as("the pair at risk first").isLessThan(progress.indexOf("Ana and Ivan"));
		assertThat(progress).contains("No recent session").contains("Midterm review missing");
	}

	@Test
	void aMoveTheSessionServiceRefusesIsShownOnTheSessionsPage() throws Exception {
		json("GET /api/v1/sessions/s-6", 200, """
				{"id":"s-6","mentorshipId":"ms-1","status":"SCHEDULED","timeZone":"Europe/Zagreb",
				 "startUtc":"2027-03-01T17:00:00Z","endUtc":"2027-03-01T18:00:00Z","mode":"ONLINE"}""");
		json("PATCH /api/v1/sessions/s-6", 409, """
				{"status":409,"title":"Conflict","detail":"The pair already has a session at that time"}""");

		MvcResult page = pages.perform(post("/sessions/s-6/move").with(person("mentee")).with(csrf())
			.param("date", "2027-03-02").param("time", "18:00").param("timeZone", "Europe/Zagreb")).andReturn();

		assertThat(page.getResponse().getContentAsString()).contains("id=\"move-problem\"")
			.contains("The pair already has a session at that time");
		assertThat(calls()).anySatisfy(call -> assertThat(call.body()).isEqualTo(
				"{\"start\":\"2027-03-02T18:00\",\"timeZone\":\"Europe/Zagreb\"}"));
	}

	@Test
	void anInboxTheNotificationServiceDoesNotKnowYetIsShownEmptyNotAsAnError() throws Exception {
		json("GET /api/v1/notifications", 422, """
				{"status":422,"title":"Invalid fields",
				 "errors":[{"field":"recipientId","message":"is required for an account that has no inbox of its own"}]}""");

		MvcResult inbox = pages.perform(get("/inbox").with(person("mentee"))).andReturn();

		assertThat(inbox.getResponse().getStatus()).isEqualTo(200);
		assertThat(inbox.getResponse().getContentAsString()).contains("No messages.").doesNotContain("recipientId");
	}

	@Test
	void aSessionThatHasBegunIsRecordedAsHeldWithTheNotesForBoth() throws Exception {
		json("GET /api/v1/sessions/s-8", 200, """
				{"id":"s-8","mentorshipId":"ms-1","status":"SCHEDULED","timeZone":"Europe/Zagreb",
				 "startUtc":"2026-01-05T17:00:00Z","endUtc":"2026-01-05T18:00:00Z","mode":"ONLINE"}""");
		json("POST /api/v1/sessions/s-8/held", 200, "{\"id\":\"s-8\",\"status\":\"HELD\"}");
		assertThat(pages.perform(get("/sessions/s-8").with(person("mentor"))).andReturn().getResponse()
			.getContentAsString()).contains("action=\"/sessions/s-8/outcome\"");

		MvcResult recorded = pages.perform(post("/sessions/s-8/outcome").with(person("mentor")).with(csrf())
			.param("outcome", "HELD").param("sharedNotes", " We planned the exhibition. ").param("privateNotes", ""))
			.andReturn();

		assertThat(recorded.getResponse().getRedirectedUrl()).isEqualTo("/sessions/s-8");
		assertThat(calls()).anySatisfy(call -> {
			assertThat(call.target()).isEqualTo("/api/v1/sessions/s-8/held");
			assertThat(call.body()).isEqualTo("{\"outcome\":\"HELD\",\"sharedNotes\":\"We planned the exhibition.\"}");
		});
	}

	@Test
	void aSessionStillAheadOffersNoRecordAndAMissingAbsenceIsShownWithTheNotesKept() throws Exception {
		json("GET /api/v1/sessions/s-9", 200, """
				{"id":"s-9","mentorshipId":"ms-1","status":"SCHEDULED","timeZone":"Europe/Zagreb",
				 "startUtc":"2099-01-05T17:00:00Z","endUtc":"2099-01-05T18:00:00Z","mode":"ONLINE"}""");
		assertThat(pages.perform(get("/sessions/s-9").with(person("mentor"))).andReturn().getResponse()
			.getContentAsString()).doesNotContain("/outcome");

		json("GET /api/v1/sessions/s-8", 200, """
				{"id":"s-8","mentorshipId":"ms-1","status":"SCHEDULED","timeZone":"Europe/Zagreb",
				 "startUtc":"2026-01-05T17:00:00Z","endUtc":"2026-01-05T18:00:00Z","mode":"ONLINE"}""");
		json("POST /api/v1/sessions/s-8/held", 422, """
				{"status":422,"title":"Invalid fields","detail":"say who did not come: MENTOR, MENTEE or BOTH",
				 "errors":[{"field":"absent","message":"say who did not come: MENTOR, MENTEE or BOTH"}]}""");
		String page = pages.perform(post("/sessions/s-8/outcome").with(person("mentor")).with(csrf())
			.param("outcome", "NO_SHOW").param("sharedNotes", "Waited half an hour")).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"outcome-problem\"").contains("say who did not come")
			.contains(">Waited half an hour</textarea>")
			.containsPattern("id=\"outcome-NO_SHOW\"[^>]*checked");
	}

	private static final String PROGRAMME = """
			{"id":"reg-lab","name":"Reg. Lab 2027","organiserId":"org-rs","partnerIds":["org-hr"],"timeZone":"Europe/Belgrade",
			 "languages":["en","sr-Latn"],"taxonomy":["film","design"],"startsOn":"2027-01-10","endsOn":"2027-06-30",
			 "enrolmentOpensOn":"2026-11-01","enrolmentClosesOn":"2027-01-05","version":3,
			 "matchingPolicy":{"weights":{"goals":40,"availability":20,"timezone":10,"country":15,"preferences":15},"crossBorder":"PREFER",
			  "sameOrganisationAllowed":false,"defaultMentorCapacity":2,"responseDays":7,"fairnessFirst":true}}""";

	@ParameterizedTest
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void theProgrammesEditFormRendersCompletelyInEachLanguageFilledWithTheProgrammeAsItIs(String language)
			throws Exception {
		json("GET /api/v1/programmes/reg-lab", 200, PROGRAMME);

		for (String path : new String[] { "/programmes/reg-lab", "/programmes/reg-lab/edit" }) {
			MvcResult page = pages.perform(get(path).param("lang", language).with(person("coordinator"))).andReturn();
			assertThat(page.getResponse().getStatus()).as(path).isEqualTo(200);
			assertThat(page.getResponse().getContentAsString()).as(path).doesNotContain("??")
				.contains("lang=\"" + language + "\"");
		}
		String form = pages.perform(get("/programmes/reg-lab/edit").with(person("coordinator"))).andReturn()
			.getResponse().getContentAsString();
		assertThat(form).contains("name=\"version\" value=\"3\"").contains("value=\"org-hr\"")
			.contains("value=\"film, design\"")
			.containsPattern("id=\"weight-goals\"[^>]*name=\"weight.goals\"[^>]*value=\"40\"")
			.containsPattern("id=\"fairnessFirst\"[^>]*checked")
			.doesNotContainPattern("id=\"sameOrganisationAllowed\"[^>]*checked");
	}

	@Test
	void aProgrammesChangesAndPolicyAreSavedOnlyOverTheVersionTheCoordinatorOpened() throws Exception {
		json("PATCH /api/v1/programmes/reg-lab", 200, PROGRAMME);

		MvcResult saved = pages.perform(post("/programmes/reg-lab/edit").with(person("coordinator")).with(csrf())
			.param("version", "3").param("name", "Reg. Lab 2027").param("partnerIds", "")
			.param("timeZone", "Europe/Belgrade").param("languages", "en, sr-Latn").param("taxonomy", "film")
			.param("enrolmentOpensOn", "2026-11-01").param("enrolmentClosesOn", "2027-01-05")
			.param("startsOn", "2027-01-10").param("endsOn", "2027-06-30")
			.param("weight.goals", "50").param("weight.language", "10").param("crossBorder", "NEUTRAL")
			.param("defaultMentorCapacity", "3").param("responseDays", "10").param("sameOrganisationAllowed", "true"))
			.andReturn();

		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/programmes/reg-lab");
		assertThat(calls()).anySatisfy(call -> {
			assertThat(call.method()).isEqualTo("PATCH");
			assertThat(call.headers().getFirst("If-Match")).isEqualTo("\"3\"");
			assertThat(call.body()).contains("\"partnerIds\":[]").contains("\"taxonomy\":[\"film\"]")
				.contains("\"matchingPolicy\":{\"weights\":{\"goals\":50,\"language\":10},\"crossBorder\":\"NEUTRAL\","
						+ "\"defaultMentorCapacity\":3,\"responseDays\":10,\"sameOrganisationAllowed\":true,"
						+ "\"fairnessFirst\":false}")
				.doesNotContain("organiserId");
		});
	}

	@Test
	void theProgrammesNamesPerLanguageAreEditedAndAnUnknownLanguageIsRefusedBesideThem() throws Exception {
		json("GET /api/v1/programmes/reg-lab", 200, PROGRAMME.replace("\"version\":3",
				"\"version\":3,\"names\":{\"sr-Latn\":\"Regionalna laboratorija\"}"));
		String form = pages.perform(get("/programmes/reg-lab/edit").with(person("coordinator"))).andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).containsPattern("name=\"names\\[sr-Latn\\]\"[^>]*value=\"Regionalna laboratorija\"")
			.contains("id=\"name-mk\"");

		json("PATCH /api/v1/programmes/reg-lab", 200, PROGRAMME);
		MvcResult saved = pages.perform(post("/programmes/reg-lab/edit").with(person("coordinator")).with(csrf())
			.param("version", "3").param("name", "Reg. Lab 2027").param("languages", "en, sr-Latn")
			.param("names[sr-Latn]", "Regionalna laboratorija").param("names[mk]", " ").param("names[sl]",
					"Regionalni laboratorij"))
			.andReturn();
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/programmes/reg-lab");
		assertThat(calls()).anySatisfy(call -> assertThat(call.body())
			.contains("\"names\":{\"sr-Latn\":\"Regionalna laboratorija\",\"sl\":\"Regionalni laboratorij\"}"));

		json("PATCH /api/v1/programmes/reg-lab", 422, """
				{"status":422,"title":"Request breaks a rule","errors":[{"field":"names.de","message":"must be one of en, sr-Latn, sr-Cyrl, hr, mk, sl"}]}""");
		String refused = pages.perform(post("/programmes/reg-lab/edit").with(person("coordinator")).with(csrf())
			.param("version", "3").param("name", "Reg. Lab 2027").param("languages", "en").param("names[de]", "Regionallabor"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"names-error\"").contains("must be one of en, sr-Latn, sr-Cyrl, hr, mk, sl");
	}

	@Test
	void anotherCoordinatorsChangeInBetweenIsSaidAndAWeightTheServiceRefusesStandsBesideIt() throws Exception {
		json("GET /api/v1/programmes/reg-lab", 200, PROGRAMME);
		json("PATCH /api/v1/programmes/reg-lab", 412, """
				{"status":412,"title":"Precondition Failed","detail":"The programme was changed since version 3"}""");
		String meanwhile = pages.perform(post("/programmes/reg-lab/edit").with(person("coordinator")).with(csrf())
			.param("version", "3").param("name", "Reg. Lab 2028").param("weight.goals", "50")).andReturn()
			.getResponse().getContentAsString();
		assertThat(meanwhile).contains("id=\"changed-meanwhile\"").contains("value=\"Reg. Lab 2028\"")
			.containsPattern("name=\"weight.goals\"[^>]*value=\"50\"");

		json("PATCH /api/v1/programmes/reg-lab", 400, """
				{"status":400,"title":"Invalid fields",
				 "errors":[{"field":"matchingPolicy.weights[goals]","message":"must be less than or equal to 100"}]}""");
		String refused = pages.perform(post("/programmes/reg-lab/edit").with(person("coordinator")).with(csrf())
			.param("version", "3").param("name", "Reg. Lab 2027").param("weight.goals", "150")).andReturn()
			.getResponse().getContentAsString();
		assertThat(refused).contains("id=\"weight-goals-error\"").contains("must be less than or equal to 100")
			.containsPattern("id=\"weight-goals\"[^>]*value=\"150\"[^>]*aria-describedby=\"weight-goals-error\"");
	}

	@Test
	void aCoordinatorPairsTwoAdmittedPeopleByHandAndARefusalIsShownWithHerChoiceKept() throws Exception {
		json("GET /api/v1/programmes/reg-lab", 200, PROGRAMME);
		json("GET /api/v1/programmes/reg-lab/matching-runs", 200, "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}");
		json("GET /api/v1/participants", 200, """
				{"items":[{"id":"p-1","displayName":"Mila Marić","role":"MENTEE","status":"APPLIED"},
				 {"id":"p-3","displayName":"Luka Novak","role":"MENTEE","status":"ACCEPTED"},
				 {"id":"p-2","displayName":"Ana Petrović","role":"MENTOR","status":"ACTIVE"}],"page":0,"size":100,"total":3}""");
		json("POST /api/v1/programmes/reg-lab/matches", 201, "{\"id\":\"m-9\"}");

		MvcResult paired = pages.perform(post("/programmes/reg-lab/matching/by-hand").with(person("coordinator"))
			.with(csrf()).param("mentorId", "p-2").param("menteeId", "p-3").param("startNow", "true")).andReturn();

		assertThat(paired.getResponse().getRedirectedUrl()).isEqualTo("/programmes/reg-lab/matching");
		assertThat(paired.getFlashMap().get("done")).isEqualTo("matching.startedByHand");
		assertThat(calls()).anySatisfy(call -> assertThat(call.body())
			.isEqualTo("{\"mentorId\":\"p-2\",\"menteeId\":\"p-3\",\"startNow\":true}"));

		json("POST /api/v1/programmes/reg-lab/matches", 409, """
				{"status":409,"title":"Conflict","detail":"Ana Petrović has no free place"}""");
		String refused = pages.perform(post("/programmes/reg-lab/matching/by-hand").with(person("coordinator"))
			.with(csrf()).param("mentorId", "p-2").param("menteeId", "p-3")).andReturn().getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"by-hand-problem\"").contains("Ana Petrović has no free place")
			.containsPattern("<option value=\"p-3\" selected").doesNotContain("<option value=\"p-1\"")
			.doesNotContainPattern("id=\"by-hand-start\"[^>]*checked");
	}

	@Test
	void theSecurityFiltersAreNotTimedOneByOneButThePageIs() {
		ObservedRequests.assertRequestsAreObservedButNotTheirSecurityFilters(observations);
	}

	@Test
	void aLongListOffersTheNextAndThePreviousPage() throws Exception {
		json("GET /api/v1/programmes?page=1&size=20", 200, """
				{"items":[{"id":"reg-lab","name":"Reg. Lab 2027"}],"page":1,"size":20,"total":45}""");

		String html = pages.perform(get("/programmes").param("page", "1").with(person("coordinator"))).andReturn()
			.getResponse().getContentAsString();

		assertThat(html).contains("href=\"/programmes?page=0\"").contains("href=\"/programmes?page=2\"");
	}

	private RequestPostProcessor person(String role) {
		return SignedIn.person(role, api.url());
	}

	private HttpResponse<String> open(String path, String... cookie) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html");
		if (cookie.length > 0) {
			request.header("Cookie", cookie[0]);
		}
		return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	/** Answers {@code "GET /api/v1/programmes"} (with a query string when given) with the JSON. */
	private static void json(String request, int status, String body) {
		int space = request.indexOf(' ');
		api.answer(request.substring(0, space), request.substring(space + 1), status,
				status >= 400 ? "application/problem+json" : "application/json", body);
	}

	/** What the pages asked the API. */
	private static List<StandInServer.Request> calls() {
		return api.received();
	}

}
