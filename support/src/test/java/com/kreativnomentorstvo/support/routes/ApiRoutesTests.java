package com.kreativnomentorstvo.support.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The route table as the gateway and the web application bind it from this module's file. */
class ApiRoutesTests {

	@Test
	void aSubResourceOfAnotherServiceGoesToItsOwnerNotToTheParentsOwner() {
		ApiRoutes routes = ApiRoutes.from(environment(Map.of()));

		assertThat(owner(routes, "/api/v1/programmes/p-1/matches")).isEqualTo("matching-service");
		assertThat(owner(routes, "/api/v1/programmes/p-1/matching-runs/r-1/publish")).isEqualTo("matching-service");
		assertThat(owner(routes, "/api/v1/programmes/p-1/progress.csv")).isEqualTo("session-service");
		assertThat(owner(routes, "/api/v1/participants/x/calendar.ics")).isEqualTo("session-service");
		assertThat(owner(routes, "/api/v1/participants/x/notification-preferences")).isEqualTo("notification-service");
		assertThat(owner(routes, "/api/v1/programmes/p-1")).isEqualTo("participant-service");
		assertThat(owner(routes, "/api/v1/participants/x/consent")).isEqualTo("participant-service");
	}

	@Test
	void aLowerOrderIsMatchedFirstWhereverItIsDeclared() {
		Map<String, ApiRoutes.Service> declared = new java.util.LinkedHashMap<>();
		declared.put("parent", new ApiRoutes.Service(URI.create("http://parent:1"), java.util.List.of("/api/v1/things/**"),
				10, Duration.ofSeconds(5), true, java.util.List.of()));
		declared.put("child", new ApiRoutes.Service(URI.create("http://child:2"), java.util.List.of("/api/v1/things/*/parts/**"),
				0, Duration.ofSeconds(5), true, java.util.List.of()));
		ApiRoutes routes = new ApiRoutes(declared);

		assertThat(owner(routes, "/api/v1/things/t-1/parts/p-1")).isEqualTo("child");
		assertThat(owner(routes, "/api/v1/things/t-1")).isEqualTo("parent");
		assertThat(routes.services().keySet()).containsExactly("child", "parent");
	}

	@Test
	void aUriTemplateAndItsQueryAreOwnedAsTheExpandedPath() {
		ApiRoutes routes = ApiRoutes.from(environment(Map.of()));

		assertThat(owner(routes, "/api/v1/programmes/{programme}/matches?participantId={participant}&status=PROPOSED"))
			.isEqualTo("matching-service");
		assertThat(owner(routes, "/api/v1/participants?programmeId={id}&status=APPLIED&size=100"))
			.isEqualTo("participant-service");
		assertThat(owner(routes, "/api/v1/sessions/{id}#top")).isEqualTo("session-service");
	}

	@Test
	void aStreamIsToldApartFromTheServicesOtherPaths() {
		ApiRoutes routes = ApiRoutes.from(environment(Map.of()));

		ApiRoutes.Route stream = routes.owner("/api/v1/notifications/stream").orElseThrow();
		ApiRoutes.Route inbox = routes.owner("/api/v1/notifications?page=0&size=20").orElseThrow();

		assertThat(stream.name()).isEqualTo("notification-service");
		assertThat(stream.stream()).isTrue();
		assertThat(inbox.name()).isEqualTo("notification-service");
		assertThat(inbox.stream()).isFalse();
	}

	@Test
	void aPathNoServiceOwnsHasNoOwner() {
		ApiRoutes routes = ApiRoutes.from(environment(Map.of()));

		assertThat(routes.owner("/api/v1/nothing-here")).isEmpty();
		assertThat(routes.owner("/programmes")).isEmpty();
	}

	@Test
	void addressesAndTimeoutsComeFromTheEnvironmentWithTheFilesDefaults() {
		ApiRoutes defaults = ApiRoutes.from(environment(Map.of()));
		ApiRoutes configured = ApiRoutes.from(environment(
				Map.of("PARTICIPANT_SERVICE_URL", "http://participants.internal:9081", "MATCHING_SERVICE_TIMEOUT", "45s")));

		// in the order paths are matched: participant-service (order 10) after those owning its sub-resources
		assertThat(defaults.services().keySet()).containsExactly("matching-service", "session-service",
				"notification-service", "participant-service");
		assertThat(defaults.services().get("participant-service").uri()).isEqualTo(URI.create("http://localhost:8081"));
		assertThat(defaults.services().get("matching-service").timeout()).isEqualTo(Duration.ofSeconds(20));
		assertThat(defaults.services().get("session-service").apiDocs()).isTrue();
		assertThat(defaults.services().get("participant-service").order()).isEqualTo(10);
		assertThat(configured.services().get("participant-service").uri())
			.isEqualTo(URI.create("http://participants.internal:9081"));
		assertThat(configured.services().get("matching-service").timeout()).isEqualTo(Duration.ofSeconds(45));
	}

	@Test
	void aServiceWithoutAnAddressIsRefusedWhenTheTableIsBound() {
		StandardEnvironment environment = environment(Map.of());
		environment.getPropertySources()
			.addFirst(new MapPropertySource("broken",
					Map.of("mentoring.api.services.extra-service.paths[0]", "/api/v1/extra/**")));

		assertThatThrownBy(() -> ApiRoutes.from(environment)).isInstanceOf(BindException.class)
			.hasStackTraceContaining("needs its uri");
	}

	private static String owner(ApiRoutes routes, String path) {
		return routes.owner(path).map(ApiRoutes.Route::name).orElse(null);
	}

	/** An environment with the table's file and the given variables, as a deployable's would be. */
	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		try {
			new YamlPropertySourceLoader().load("routes", new ClassPathResource("mentoring-api-routes.yml"))
				.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException unreadable) {
			throw new IllegalStateException(unreadable);
		}
		environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
		return environment;
	}

}
