package com.kreativnomentorstvo.participants.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter's HTTP exchanges and error translation against a stand-in for Keycloak's token endpoint
 * and Admin REST API: fast, and without Docker. {@link KeycloakIdentityProviderIT} runs the same adapter
 * against a real Keycloak.
 */
class KeycloakIdentityProviderTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = "/admin/realms/mentoring";

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private HttpServer keycloak;

	private KeycloakIdentityProvider provider;

	record Answer(int status, String body, Map<String, String> headers) {
		static Answer json(int status, String body) {
			return new Answer(status, body, Map.of("Content-Type", "application/json"));
		}
	}

	record Request(String method, String path, String query, String body) {
	}

	@BeforeEach
	void startKeycloakStandIn() throws IOException {
		keycloak = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		keycloak.createContext("/", this::answer);
		keycloak.start();
		answers.put("POST /realms/mentoring/protocol/openid-connect/token",
				Answer.json(200, "{\"access_token\":\"token-1\",\"expires_in\":300,\"refresh_expires_in\":0,\"token_type\":\"Bearer\"}"));
		provider = provider("http://127.0.0.1:" + keycloak.getAddress().getPort());
	}

	@AfterEach
	void stop() {
		provider.close();
		keycloak.stop(0);
	}

	@Test
	void anAccountIsFoundByItsAddressInLowerCaseWithWhetherItHasAPassword() {
		answers.put("GET " + ADMIN + "/users", Answer.json(200, """
				[{"id":"u-1","username":"ana.petrovic@example.org","email":"ana.petrovic@example.org","firstName":"Ana Petrović",
				  "enabled":true,"attributes":{"org":["org-creative-mentorship"],"roles":["mentor"],"locale":["sr-Latn"]},
				  "someFieldOfANewerKeycloak":{"a":1}}]"""));
		answers.put("GET " + ADMIN + "/users/u-1/credentials", Answer.json(200, "[{\"id\":\"c\",\"type\":\"password\"}]"));

		Account account = provider.findByEmail("Ana.Petrovic@Example.org").orElseThrow();

		assertThat(account).isEqualTo(new Account("u-1", "ana.petrovic@example.org", "Ana Petrović", "sr-Latn",
				"org-creative-mentorship", List.of("mentor"), true, true));
		Request search = request("GET", ADMIN + "/users");
		assertThat(search.query()).contains("email=ana.petrovic%40example.org").contains("exact=true");
		assertThat(requests).allSatisfy(r -> {
			if (r.path().startsWith(ADMIN)) {
				assertThat(r.body()).isEmpty();
			}
		});
	}

	@Test
	void anAddressNobodyHasIsNoAccount() {
		answers.put("GET " + ADMIN + "/users", Answer.json(200, "[]"));

		assertThat(provider.findByEmail("nobody@example.org")).isEmpty();
	}

	@Test
	void anUnknownAccountIsNotFound() {
		answers.put("GET " + ADMIN + "/users/gone", Answer.json(404, "{\"error\":\"User not found\"}"));

		assertThat(provider.find("gone")).isEmpty();
	}

	@Test
	void aCreatedAccountHasTheIdKeycloakGaveItAndNoPassword() throws IOException {
		answers.put("POST " + ADMIN + "/users",
				new Answer(201, "", Map.of("Location", "http://127.0.0.1" + ADMIN + "/users/9f2c-11")));

		Account account = provider.create(new NewAccount("Marko.Horvat@example.org", "Marko Horvat", "hr", "org-kultura-nova",
				List.of("mentor")));

		assertThat(account).isEqualTo(new Account("9f2c-11", "marko.horvat@example.org", "Marko Horvat", "hr",
				"org-kultura-nova", List.of("mentor"), true, false));
		JsonNode sent = JSON.readTree(request("POST", ADMIN + "/users").body());
		assertThat(sent.get("username").asString()).isEqualTo("marko.horvat@example.org");
		assertThat(sent.get("email").asString()).isEqualTo("marko.horvat@example.org");
		assertThat(sent.get("enabled").asBoolean()).isTrue();
		assertThat(sent.get("emailVerified").asBoolean()).isTrue();
		assertThat(sent.get("attributes").get("org").get(0).asString()).isEqualTo("org-kultura-nova");
		assertThat(sent.get("attributes").get("roles").get(0).asString()).isEqualTo("mentor");
		assertThat(sent.has("credentials")).as("no password: she sets one from the invitation").isFalse();
		assertThat(sent.has("id")).isFalse();
	}

	@Test
	void anAddressThatHasAnAccountAlreadyCannotGetASecondOne() {
		answers.put("POST " + ADMIN + "/users", Answer.json(409, "{\"errorMessage\":\"User exists with same email\"}"));

		assertThatThrownBy(() -> provider
			.create(new NewAccount("ana.petrovic@example.org", "Ana", "en", "org-creative-mentorship", List.of("mentor"))))
			.isInstanceOf(AccountAlreadyExists.class)
			.hasMessageNotContaining("ana.petrovic");
	}

	@Test
	void aPasswordIsSetAsAPermanentCredential() {
		answers.put("PUT " + ADMIN + "/users/u-1/reset-password", new Answer(204, "", Map.of()));

		provider.setPassword("u-1", "a long enough passphrase");

		JsonNode sent = JSON.readTree(request("PUT", ADMIN + "/users/u-1/reset-password").body());
		assertThat(sent.get("type").asString()).isEqualTo("password");
		assertThat(sent.get("value").asString()).isEqualTo("a long enough passphrase");
		assertThat(sent.get("temporary").asBoolean()).isFalse();
	}

	@Test
	void changingAccessWritesTheWholeUserBackAndDisablingEndsHerSessions() {
		answers.put("GET " + ADMIN + "/users/u-1", Answer.json(200, """
				{"id":"u-1","username":"ana.petrovic@example.org","email":"ana.petrovic@example.org","firstName":"Ana",
				 "enabled":true,"attributes":{"org":["org-a"],"roles":["mentee"],"locale":["hr"]}}"""));
		answers.put("PUT " + ADMIN + "/users/u-1", new Answer(204, "", Map.of()));
		answers.put("POST " + ADMIN + "/users/u-1/logout", new Answer(204, "", Map.of()));

		provider.changeAccess("u-1", new AccountAccess("org-b", List.of("mentor", "mentee"), false));

		JsonNode sent = JSON.readTree(request("PUT", ADMIN + "/users/u-1").body());
		assertThat(sent.get("email").asString()).isEqualTo("ana.petrovic@example.org");
		assertThat(sent.get("firstName").asString()).isEqualTo("Ana");
		assertThat(sent.get("enabled").asBoolean()).isFalse();
		assertThat(sent.get("attributes").get("org").get(0).asString()).isEqualTo("org-b");
		assertThat(sent.get("attributes").get("roles").values().stream().map(JsonNode::asString))
			.containsExactly("mentor", "mentee");
		assertThat(sent.get("attributes").get("locale").get(0).asString()).isEqualTo("hr");
		assertThat(request("POST", ADMIN + "/users/u-1/logout")).isNotNull();
	}

	@Test
	void deletingAnAccountThatIsGoneAlreadyDoesNothing() {
		answers.put("DELETE " + ADMIN + "/users/gone", Answer.json(404, "{\"error\":\"User not found\"}"));

		provider.delete("gone");

		assertThat(request("DELETE", ADMIN + "/users/gone")).isNotNull();
	}

	@Test
	void aRegisteredClientIsMadeInOneCallWithTheSecretItsCallerGetsBack() {
		answers.put("POST " + ADMIN + "/clients",
				new Answer(201, "", Map.of("Location", "http://127.0.0.1" + ADMIN + "/clients/c-uuid")));

		IntegrationClient client = provider.registerClient("CRM sync", "org-kultura-nova", List.of("coordinator"));

		JsonNode sent = JSON.readTree(request("POST", ADMIN + "/clients").body());
		assertThat(sent.get("clientId").asString()).isEqualTo(client.clientId()).startsWith("integration-crm-sync-");
		assertThat(sent.get("secret").asString()).isEqualTo(client.clientSecret());
		assertThat(sent.get("serviceAccountsEnabled").asBoolean()).isTrue();
		assertThat(sent.get("protocolMappers").size()).isEqualTo(3);
		assertThat(requests).filteredOn(r -> r.path().startsWith(ADMIN)).hasSize(1);
	}

	@Test
	void removingAClientDeletesOnlyAnIntegrationsClient() {
		answers.put("GET " + ADMIN + "/clients", Answer.json(200, """
				[{"id":"c-uuid","clientId":"integration-crm-1","attributes":{"mentoring.integration":"true"}}]"""));
		answers.put("DELETE " + ADMIN + "/clients/c-uuid", new Answer(204, "", Map.of()));

		provider.removeClient("integration-crm-1");

		assertThat(request("GET", ADMIN + "/clients").query()).contains("clientId=integration-crm-1");
		assertThat(request("DELETE", ADMIN + "/clients/c-uuid")).isNotNull();
	}

	@Test
	void removingOneOfThePlatformsOwnClientsLeavesItAlone() {
		answers.put("GET " + ADMIN + "/clients",
				Answer.json(200, "[{\"id\":\"p-uuid\",\"clientId\":\"participant-service\",\"attributes\":{}}]"));

		provider.removeClient("participant-service");

		assertThat(requests).noneMatch(r -> r.method().equals("DELETE"));
	}

	@Test
	void removingAClientThatIsGoneDoesNothing() {
		answers.put("GET " + ADMIN + "/clients", Answer.json(200, "[]"));

		provider.removeClient("integration-crm-1");

		assertThat(requests).noneMatch(r -> r.method().equals("DELETE"));
	}

	@Test
	void aServerErrorMakesTheProviderUnavailable() {
		answers.put("GET " + ADMIN + "/users", Answer.json(503, "{}"));

		assertThatThrownBy(() -> provider.findByEmail("ana.petrovic@example.org")).isInstanceOf(IdentityProviderUnavailable.class)
			.hasMessageContaining("503")
			.hasMessageNotContaining("ana.petrovic");
	}

	@Test
	void refusedClientCredentialsMakeTheProviderUnavailable() {
		answers.put("POST /realms/mentoring/protocol/openid-connect/token",
				Answer.json(401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client secret\"}"));

		assertThatThrownBy(() -> provider.find("u-1")).isInstanceOf(IdentityProviderUnavailable.class)
			.hasMessageContaining("401");
	}

	@Test
	void aKeycloakNobodyAnswersAtMakesTheProviderUnavailable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		try (KeycloakIdentityProvider unreachable = provider("http://127.0.0.1:" + closedPort)) {
			assertThatThrownBy(() -> unreachable.findByEmail("ana.petrovic@example.org"))
				.isInstanceOf(IdentityProviderUnavailable.class)
				.hasMessageContaining("could not be reached");
		}
	}

	@Test
	void theTokenIsFetchedOnceAndSentWithEveryCall() {
		answers.put("GET " + ADMIN + "/users", Answer.json(200, "[]"));

		provider.findByEmail("a@example.org");
		provider.findByEmail("b@example.org");

		assertThat(requests).filteredOn(r -> r.path().endsWith("/token")).hasSize(1).allSatisfy(token -> {
			assertThat(token.body()).contains("grant_type=client_credentials");
		});
	}

	private KeycloakIdentityProvider provider(String url) {
		return new KeycloakIdentityProvider(new ParticipantServiceProperties.Accounts.Keycloak(url, "mentoring",
				"participant-service", "local-development-only-accounts-secret", Duration.ofSeconds(3)));
	}

	private Request request(String method, String path) {
		return requests.stream()
			.filter(r -> r.method().equals(method) && r.path().equals(path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + method + " " + path + " among " + requests));
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), body));
		Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path, Answer.json(404, "{}"));
		if (path.startsWith("/admin/") && !"Bearer token-1".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			answer = Answer.json(401, "{}");
		}
		answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

}
