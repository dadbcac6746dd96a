package com.kreativnomentorstvo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import com.kreativnomentorstvo.support.routes.ApiRoutes;
import com.kreativnomentorstvo.testkit.http.StandInServer;

/**
 * The pages call each service at its own address, by the API's route table (the gateway's), and stop
 * calling a service that keeps failing. Each service is a stand-in of its own here; session-service
 * answers every call with 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class ServiceCallsTests {

	private static final String NOT_FOUND = "{\"status\":404,\"title\":\"Not Found\"}";

	private static final StandInServer participants = StandInServer.start()
		.otherwise(404, "application/problem+json", NOT_FOUND);

	private static final StandInServer matching = StandInServer.start()
		.otherwise(404, "application/problem+json", NOT_FOUND);

	private static final StandInServer sessions = StandInServer.start()
		.otherwise(503, "application/problem+json", "{\"status\":503,\"title\":\"Service Unavailable\"}");

	private static final StandInServer notifications = StandInServer.start()
		.otherwise(404, "application/problem+json", NOT_FOUND);

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry properties) {
		properties.add("PARTICIPANT_SERVICE_URL", participants::url);
		properties.add("MATCHING_SERVICE_URL", matching::url);
		properties.add("SESSION_SERVICE_URL", sessions::url);
		properties.add("NOTIFICATION_SERVICE_URL", notifications::url);
		properties.add("mentoring.web.issuer-uri", participants::url);
	}

	@AfterAll
	static void stop() {
		Stream.of(participants, matching, sessions, notifications).forEach(StandInServer::close);
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	ApiRoutes routes;

	MockMvc pages;

	@BeforeEach
	void setUp() {
		pages = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
		Stream.of(participants, matching, sessions, notifications).forEach(StandInServer::forget);
		participants.answer("GET", "/api/v1/programmes", 200, """
				{"items":[{"id":"reg-lab","name":"Reg. Lab 2027"}],"page":0,"size":50,"total":1}""");
		participants.answer("GET", "/api/v1/programmes/reg-lab", 200, """
				{"id":"reg-lab","name":"Reg. Lab 2027","timeZone":"Europe/Belgrade"}""");
		participants.answer("GET", "/api/v1/participants", 200, """
				{"items":[],"page":0,"size":100,"total":0}""");
		matching.answer("GET", "/api/v1/programmes/reg-lab/matching-runs", 200, """
				{"items":[],"page":0,"size":20,"total":0}""");
		notifications.answer("GET", "/api/v1/notifications", 200, """
				{"items":[],"page":0,"size":5,"total":0}""");
	}

	@Test
	void eachCallOfAPageGoesToTheServiceThatOwnsItsPath() throws Exception {
		MvcResult home = pages.perform(get("/").with(person("coordinator"))).andReturn();
		MvcResult matchingPage = pages.perform(get("/programmes/reg-lab/matching").with(person("coordinator")))
			.andReturn();

		assertThat(home.getResponse().getStatus()).isEqualTo(200);
		assertThat(matchingPage.getResponse().getStatus()).isEqualTo(200);
		assertThat(matchingPage.getResponse().getContentAsString()).contains("Reg. Lab 2027");
		assertThat(paths(participants)).contains("/api/v1/programmes", "/api/v1/programmes/reg-lab", "/api/v1/participants")
			.noneMatch(path -> path.contains("/matching-runs") || path.startsWith("/api/v1/notifications"));
		assertThat(paths(matching)).containsOnly("/api/v1/programmes/reg-lab/matching-runs");
		assertThat(paths(notifications)).containsOnly("/api/v1/notifications");
		assertThat(paths(sessions)).isEmpty();
	}

	@Test
	void aServiceThatKeepsFailingIsNoLongerCalledAndThePagesOfTheOthersStillOpen() throws Exception {
		CircuitBreaker breaker = breakers.circuitBreaker("session-service");
		breaker.reset();
		for (int view = 0; view < 5; view++) {
			MvcResult page = pages.perform(get("/sessions/s-1").with(person("mentee"))).andReturn();
			assertThat(page.getResponse().getStatus()).isEqualTo(503);
		}
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		int called = sessions.received().size();

		MvcResult whileOpen = pages.perform(get("/sessions/s-1").with(person("mentee"))).andReturn();
		MvcResult home = pages.perform(get("/").with(person("coordinator"))).andReturn();

		assertThat(whileOpen.getResponse().getStatus()).isEqualTo(503);
		assertThat(whileOpen.getResponse().getContentAsString()).contains("Temporarily unavailable")
			.doesNotContain("Exception");
		assertThat(sessions.received()).hasSize(called);
		assertThat(home.getResponse().getStatus()).isEqualTo(200);
		breaker.reset();
	}

	/** Every API path the pages' code names has its service in the route table: none is a 500 at run time. */
	@Test
	void everyPathThePagesCallHasItsService() throws IOException {
		Pattern literal = Pattern.compile("\"(/api/v1/[^\"]*)\"");
		TreeSet<String> called = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			sources.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
				try {
					Matcher paths = literal.matcher(Files.readString(file));
					while (paths.find()) {
						called.add(paths.group(1));
					}
				}
				catch (IOException unreadable) {
					throw new UncheckedIOException(unreadable);
				}
			});
		}

		assertThat(called).hasSizeGreaterThan(40)
			.allSatisfy(path -> assertThat(routes.owner(path)).as(path).isPresent());
	}

	private static List<String> paths(StandInServer service) {
		return service.received().stream().map(StandInServer.Request::path).toList();
	}

	private RequestPostProcessor person(String role) {
		return SignedIn.person(role, participants.url());
	}

}
