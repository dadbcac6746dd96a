package com.kreativnomentorstvo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kreativnomentorstvo.client.ApiDocuments.Operation;
import com.kreativnomentorstvo.client.ApiDocuments.Service;
import com.kreativnomentorstvo.client.participants.ApiClient;
import com.kreativnomentorstvo.client.participants.ApiException;
import com.kreativnomentorstvo.client.participants.api.ProgrammeControllerApi;
import com.kreativnomentorstvo.client.participants.model.ProgrammeChanges;
import com.kreativnomentorstvo.client.participants.model.ProgrammeForm;
import com.kreativnomentorstvo.client.participants.model.ProgrammeView;
import com.kreativnomentorstvo.testkit.http.StandInServer;

/**
 * The generated client against a real HTTP server: every operation of every committed document is a
 * method that sends its request, and a call carries its token, sends its body as JSON and decodes the
 * answer.
 */
class GeneratedClientTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@ParameterizedTest(name = "{0}")
	@EnumSource(Service.class)
	void everyOperationOfTheDocumentIsAMethodThatSendsItsRequest(Service service) throws Exception {
		List<Operation> operations = service.operations();
		assertThat(operations).as("operations in %s", service.document()).isNotEmpty();
		List<String> calls = new ArrayList<>();
		List<StandInServer.Request> requests;
		try (StandInServer server = StandInServer.start()) {
			Class<?> clientType = Class.forName(service.clientPackage + ".ApiClient");
			Object client = clientType.getConstructor().newInstance();
			clientType.getMethod("updateBaseUri", String.class).invoke(client, server.url());
			for (Class<?> api : apiClasses(service)) {
				Object instance = api.getConstructor(clientType).newInstance(client);
				for (Method method : operationMethods(api)) {
					method.invoke(instance, sampleArguments(method));
					calls.add(api.getSimpleName() + "." + method.getName());
				}
			}
			requests = server.received();
		}

		assertThat(requests).as("one request per method called: %s", calls).hasSameSizeAs(calls);
		List<String> unknown = requests.stream()
			.filter(request -> operations.stream().noneMatch(o -> o.matches(request.method(), request.path())))
			.map(request -> request.method() + " " + request.path())
			.toList();
		assertThat(unknown).as("requests to no operation of the document").isEmpty();
		List<Operation> missing = operations.stream()
			.filter(o -> requests.stream().noneMatch(request -> o.matches(request.method(), request.path())))
			.toList();
		assertThat(missing).as("operations of %s that no generated method calls", service.document()).isEmpty();
		assertThat(calls).as("one method per operation").hasSameSizeAs(operations);
	}

	@Test
	void aCallCarriesTheTokenAndDecodesTheAnswerIgnoringFieldsItDoesNotKnow() throws Exception {
		try (StandInServer server = StandInServer.start()) {
			server.answer("GET", "/api/v1/programmes/programme-1", 200, """
					{"id": "programme-1", "name": "Mentorstvo – Jelena Petrović", "organiserId": "org-1",
					 "partnerIds": ["org-2", "org-3"], "startsOn": "2026-03-01", "endsOn": "2026-09-01",
					 "timeZone": "Europe/Belgrade", "languages": ["en", "sr-Latn"],
					 "matchingPolicy": {"weights": {"goals": 50, "country": 10}, "crossBorder": "PREFER",
					                    "defaultMentorCapacity": 2, "fairnessFirst": true},
					 "milestones": [{"kind": "kick-off", "date": "2026-03-05"}],
					 "createdAt": "2026-01-10T09:30:00+01:00", "version": 3, "aFieldAddedLater": {"x": 1}}""");

			ProgrammeView programme = new ProgrammeControllerApi(clientOf(server, "token-1")).get("programme-1");

			assertThat(programme.getName()).isEqualTo("Mentorstvo – Jelena Petrović");
			assertThat(programme.getPartnerIds()).containsExactly("org-2", "org-3");
			assertThat(programme.getStartsOn()).isEqualTo(LocalDate.of(2026, 3, 1));
			assertThat(programme.getCreatedAt().toInstant()).isEqualTo(Instant.parse("2026-01-10T08:30:00Z"));
			assertThat(programme.getMatchingPolicy().getWeights()).containsEntry("goals", 50).containsEntry("country", 10);
			assertThat(programme.getMilestones()).singleElement()
				.satisfies(milestone -> assertThat(milestone.getDate()).isEqualTo(LocalDate.of(2026, 3, 5)));
			assertThat(programme.getVersion()).isEqualTo(3L);
			assertThat(server.received()).singleElement().satisfies(request -> {
				assertThat(request.method()).isEqualTo("GET");
				assertThat(request.header("Authorization")).isEqualTo("Bearer token-1");
			});
		}
	}

	@Test
	void aBodyIsSentAsJsonWithDatesAsIsoStrings() throws Exception {
		try (StandInServer server = StandInServer.start()) {
			server.answer("POST", "/api/v1/programmes", 201, "{\"id\": \"programme-2\", \"name\": \"Reg. Lab\"}");
			ProgrammeForm form = new ProgrammeForm().name("Reg. Lab")
				.organiserId("org-1")
				.startsOn(LocalDate.of(2026, 3, 1))
				.endsOn(LocalDate.of(2026, 9, 1))
				.timeZone("Europe/Belgrade")
				.languages(List.of("en"));

			ProgrammeView created = new ProgrammeControllerApi(clientOf(server, "token-2")).create(form);

			assertThat(created.getId()).isEqualTo("programme-2");
			StandInServer.Request request = server.received().get(0);
			assertThat(request.header("Content-Type")).isEqualTo("application/json");
			JsonNode sent = JSON.readTree(request.body());
			assertThat(sent.path("startsOn").asText()).isEqualTo("2026-03-01");
			assertThat(sent.path("languages").get(0).asText()).isEqualTo("en");
			assertThat(sent.has("partnerIds")).as("a list left unset is not sent: %s", sent).isFalse();
		}
	}

	@Test
	void aChangeSendsOnlyWhatItChangesAndTheVersionItSaw() throws Exception {
		try (StandInServer server = StandInServer.start()) {
			server.answer("PATCH", "/api/v1/programmes/programme-1", 200, "{\"id\": \"programme-1\", \"name\": \"New\"}");

			new ProgrammeControllerApi(clientOf(server, "token-3")).change("programme-1", new ProgrammeChanges().name("New"),
					"\"3\"");

			StandInServer.Request request = server.received().get(0);
			assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("{\"name\": \"New\"}"));
			assertThat(request.header("If-Match")).isEqualTo("\"3\"");
		}
	}

	@Test
	void aProblemAnswerBecomesAnApiExceptionWithItsStatusAndBody() {
		try (StandInServer server = StandInServer.start()) {
			server.answer("GET", "/api/v1/programmes/elsewhere", 404, "application/problem+json", """
					{"type": "urn:mentoring:problem:not-found", "title": "Not Found", "status": 404}""");

			assertThatExceptionOfType(ApiException.class)
				.isThrownBy(() -> new ProgrammeControllerApi(clientOf(server, "token-4")).get("elsewhere"))
				.satisfies(problem -> {
					assertThat(problem.getCode()).isEqualTo(404);
					assertThat(problem.getResponseBody()).contains("urn:mentoring:problem:not-found");
				});
		}
	}

	private static ApiClient clientOf(StandInServer server, String token) {
		ApiClient client = new ApiClient().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		client.updateBaseUri(server.url());
		return client;
	}

	/** The generated API classes of the service's package, found on the class path. */
	private static List<Class<?>> apiClasses(Service service) throws IOException, URISyntaxException, ClassNotFoundException {
		String apiPackage = service.clientPackage + ".api";
		URL folder = GeneratedClientTests.class.getClassLoader().getResource(apiPackage.replace('.', '/'));
		assertThat(folder).as("compiled classes of %s", apiPackage).isNotNull();
		List<Class<?>> classes = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				if (name.endsWith("Api.class")) {
					classes.add(Class.forName(apiPackage + "." + name.substring(0, name.length() - ".class".length())));
				}
			}
		}
		assertThat(classes).as("API classes in %s", apiPackage).isNotEmpty();
		return classes;
	}

	/**
	 * One method per operation: each that has a {@code ...WithHttpInfo} twin, in its shortest form
	 * (without the map of extra headers).
	 */
	private static List<Method> operationMethods(Class<?> api) {
		Set<String> names = Arrays.stream(api.getDeclaredMethods())
			.filter(method -> Modifier.isPublic(method.getModifiers()))
			.map(Method::getName)
			.collect(Collectors.toSet());
		return names.stream()
			.filter(name -> !name.endsWith("WithHttpInfo") && names.contains(name + "WithHttpInfo"))
			.sorted()
			.map(name -> Arrays.stream(api.getMethods())
				.filter(method -> method.getName().equals(name))
				.min(Comparator.comparingInt(Method::getParameterCount))
				.orElseThrow())
			.toList();
	}

	/** A value for every parameter, none of them null, so that every required parameter is there. */
	private static Object[] sampleArguments(Method method) throws Exception {
		Class<?>[] types = method.getParameterTypes();
		Object[] arguments = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			arguments[i] = sample(types[i]);
		}
		return arguments;
	}

	private static Object sample(Class<?> type) throws Exception {
		if (type == String.class || type == Object.class) {
			return "x1";
		}
		if (type == Integer.class || type == int.class) {
			return 1;
		}
		if (type == Long.class || type == long.class) {
			return 1L;
		}
		if (type == Boolean.class || type == boolean.class) {
			return true;
		}
		if (type == Double.class || type == double.class) {
			return 1.0;
		}
		if (type == Float.class || type == float.class) {
			return 1.0f;
		}
		if (type == BigDecimal.class) {
			return BigDecimal.ONE;
		}
		if (type == LocalDate.class) {
			return LocalDate.of(2026, 3, 1);
		}
		if (type == LocalDateTime.class) {
			return LocalDateTime.of(2026, 3, 1, 10, 0);
		}
		if (type == OffsetDateTime.class) {
			return OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
		}
		if (type == Instant.class) {
			return Instant.parse("2026-03-01T10:00:00Z");
		}
		if (type == UUID.class) {
			return UUID.fromString("00000000-0000-0000-0000-000000000001");
		}
		if (type == File.class) {
			Path file = Files.createTempFile("upload", ".csv");
			file.toFile().deleteOnExit();
			return file.toFile();
		}
		if (Set.class.isAssignableFrom(type)) {
			return Set.of();
		}
		if (Collection.class.isAssignableFrom(type)) {
			return List.of();
		}
		if (Map.class.isAssignableFrom(type)) {
			return Map.of();
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[0];
		}
		return type.getConstructor().newInstance();
	}

}
