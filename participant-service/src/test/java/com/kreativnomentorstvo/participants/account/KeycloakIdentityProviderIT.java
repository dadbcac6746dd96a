package com.kreativnomentorstvo.participants.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.util.JsonSerialization;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Keycloak adapter against a real Keycloak that imported deploy/keycloak/mentoring-realm.json the
 * way docker-compose's does, with the demo file added by a partial import as compose's
 * {@code keycloak-demo} job does: so the realm file, the demo file and the adapter are proven together,
 * down to the claims of the tokens Keycloak then issues. Skipped where no Docker engine runs
 * ({@link KeycloakIdentityProviderTests} covers the adapter's exchanges without one).
 */
@Testcontainers(disabledWithoutDocker = true)
class KeycloakIdentityProviderIT {

	/** The image of docker-compose.yml. */
	private static final String IMAGE = "quay.io/keycloak/keycloak:26.4";

	private static final String REALM = "mentoring";

	private static final String MASTER_ADMIN_PASSWORD = "it-admin-" + UUID.randomUUID();

	/** Keycloak takes it from its environment when it imports the realm, as in docker-compose. */
	private static final String ACCOUNTS_CLIENT_SECRET = "it-accounts-" + UUID.randomUUID();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Container
	static final GenericContainer<?> keycloak = new GenericContainer<>(DockerImageName.parse(IMAGE))
		.withCommand("start-dev", "--import-realm")
		.withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
		.withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", MASTER_ADMIN_PASSWORD)
		.withEnv("KC_HEALTH_ENABLED", "true")
		.withEnv("PUBLIC_URL", "http://localhost:8080")
		.withEnv("ACCOUNTS_CLIENT_SECRET", ACCOUNTS_CLIENT_SECRET)
		.withCopyFileToContainer(MountableFile.forHostPath(repositoryFile("deploy/keycloak/mentoring-realm.json")),
				"/opt/keycloak/data/import/mentoring-realm.json")
		.withExposedPorts(8080, 9000)
		.waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(Duration.ofMinutes(4)));

	private static int peopleBeforeTheDemo;

	private static List<String> serviceAccountRoles;

	private static KeycloakIdentityProvider provider;

	@BeforeAll
	static void importTheDemoAsDockerComposeDoesAndConnect() throws IOException {
		try (org.keycloak.admin.client.Keycloak admin = KeycloakBuilder.builder()
			.serverUrl(url())
			.realm("master")
			.clientId("admin-cli")
			.username("admin")
			.password(MASTER_ADMIN_PASSWORD)
			.build()) {
			RealmResource realm = admin.realm(REALM);
			// the admin API lists no service accounts among the users
			peopleBeforeTheDemo = realm.users().list(0, 100).size();
			String service = realm.clients().findByClientId("participant-service").get(0).getId();
			String realmManagement = realm.clients().findByClientId("realm-management").get(0).getId();
			String serviceAccount = realm.clients().get(service).getServiceAccountUser().getId();
			serviceAccountRoles = realm.users()
				.get(serviceAccount)
				.roles()
				.clientLevel(realmManagement)
				.listAll()
				.stream()
				.map(RoleRepresentation::getName)
				.toList();
			PartialImportRepresentation demo;
			try (InputStream file = Files.newInputStream(repositoryFile("deploy/keycloak/mentoring-demo.json"))) {
				demo = JsonSerialization.readValue(file, PartialImportRepresentation.class);
			}
			try (Response imported = realm.partialImport(demo)) {
				assertThat(imported.getStatus()).as(imported.readEntity(String.class)).isEqualTo(200);
			}
		}
		provider = provider(ACCOUNTS_CLIENT_SECRET);
	}

	@AfterAll
	static void disconnect() {
		if (provider != null) {
			provider.close();
		}
	}

	@Test
	void theRealmHoldsNoPeopleUntilTheDemoBringsItsPersonasWithTheirClaims() throws Exception {
		assertThat(peopleBeforeTheDemo).as("people in the realm before the demo file").isZero();

		Account ana = provider.findByEmail("ana.petrovic@example.org").orElseThrow();
		assertThat(ana.roles()).containsExactly("mentor");
		assertThat(ana.organisationId()).isEqualTo("org-creative-mentorship");
		assertThat(ana.locale()).isEqualTo("sr-Latn");
		assertThat(ana.displayName()).isEqualTo("Ana Petrović");
		assertThat(ana.passwordSet()).isTrue();
		assertThat(ana.enabled()).isTrue();
		assertThat(provider.findByEmail("coordinator.si@example.org").orElseThrow().roles()).containsExactly("coordinator");
		assertThat(provider.findByEmail("admin@example.org").orElseThrow().roles()).containsExactly("admin");

		JsonNode claims = passwordGrant("mentor.ana", "demo");
		assertThat(claims.get("sub").asString()).isEqualTo(ana.id());
		assertThat(claims.get("org").asString()).isEqualTo("org-creative-mentorship");
		assertThat(strings(claims.get("roles"))).containsExactly("mentor");
		assertThat(strings(claims.get("aud"))).contains("mentoring-api");
		assertThat(claims.has("participant_id")).isFalse();
		// people sign in with their address too
		assertThat(passwordGrant("ana.petrovic@example.org", "demo").get("sub").asString()).isEqualTo(ana.id());
	}

	@Test
	void aNewAccountIsEnabledHasNoPasswordYetAndIsFoundByIdAndByItsAddressInAnyCase() {
		String email = uniqueAddress();

		Account created = provider.create(new NewAccount(email, "Maja Kovačević", "hr", "org-kultura-nova", List.of("mentee")));

		assertThat(created.id()).isNotBlank();
		assertThat(created.email()).isEqualTo(email.toLowerCase());
		assertThat(created.enabled()).isTrue();
		assertThat(created.passwordSet()).isFalse();
		Account found = provider.find(created.id()).orElseThrow();
		assertThat(found).isEqualTo(new Account(created.id(), email.toLowerCase(), "Maja Kovačević", "hr", "org-kultura-nova",
				List.of("mentee"), true, false));
		assertThat(provider.findByEmail(email.toUpperCase())).contains(found);
	}

	@Test
	void anAddressThatHasAnAccountCannotGetASecondOne() {
		String email = uniqueAddress();
		provider.create(new NewAccount(email, "First", "en", "org-kultura-nova", List.of("mentor")));

		assertThatThrownBy(
				() -> provider.create(new NewAccount(email.toUpperCase(), "Second", "en", "org-kultura-nova", List.of("mentor"))))
			.isInstanceOf(AccountAlreadyExists.class);
	}

	@Test
	void anAccountWithAPasswordGetsTokensThatCarryItsOrganisationAndRolesAndEveryChangeOfThem() throws Exception {
		String email = uniqueAddress();
		Account account = provider.create(new NewAccount(email, "Petra Novak", "sl", "org-ljubljana-arts-network",
				List.of("mentee")));

		provider.setPassword(account.id(), "a long enough passphrase");

		assertThat(provider.find(account.id()).orElseThrow().passwordSet()).isTrue();
		JsonNode claims = passwordGrant(email, "a long enough passphrase");
		assertThat(claims.get("sub").asString()).isEqualTo(account.id());
		assertThat(claims.get("org").asString()).isEqualTo("org-ljubljana-arts-network");
		assertThat(strings(claims.get("roles"))).containsExactly("mentee");
		assertThat(strings(claims.get("aud"))).contains("mentoring-api");

		provider.changeAccess(account.id(), new AccountAccess("org-kultura-nova", List.of("mentor", "coordinator"), true));

		Account changed = provider.find(account.id()).orElseThrow();
		assertThat(changed.organisationId()).isEqualTo("org-kultura-nova");
		assertThat(changed.roles()).containsExactlyInAnyOrder("mentor", "coordinator");
		assertThat(changed.locale()).as("kept").isEqualTo("sl");
		assertThat(changed.displayName()).as("kept").isEqualTo("Petra Novak");
		assertThat(changed.passwordSet()).as("kept").isTrue();
		JsonNode after = passwordGrant(email, "a long enough passphrase");
		assertThat(after.get("org").asString()).isEqualTo("org-kultura-nova");
		assertThat(strings(after.get("roles"))).containsExactlyInAnyOrder("mentor", "coordinator");

		provider.changeAccess(account.id(), new AccountAccess("org-kultura-nova", List.of("mentor"), false));

		assertThat(provider.find(account.id()).orElseThrow().enabled()).isFalse();
		assertThat(tokenRequest(Map.of("grant_type", "password", "client_id", "mentoring-cli", "client_secret", "demo",
				"username", email, "password", "a long enough passphrase")).statusCode())
			.as("a disabled account gets no token")
			.isEqualTo(400);
	}

	@Test
	void aDeletedAccountIsGoneAndDeletingItAgainDoesNothing() {
		Account account = provider.create(new NewAccount(uniqueAddress(), "Gone Soon", "en", "org-kultura-nova", List.of("mentee")));

		provider.delete(account.id());

		assertThat(provider.find(account.id())).isEmpty();
		assertThat(provider.findByEmail(account.email())).isEmpty();
		provider.delete(account.id());
		provider.delete(UUID.randomUUID().toString());
	}

	@Test
	void unknownAccountsAndAddressesAreNotFound() {
		assertThat(provider.find(UUID.randomUUID().toString())).isEmpty();
		assertThat(provider.findByEmail(uniqueAddress())).isEmpty();
	}

	@Test
	void anIntegrationClientGetsClientCredentialsTokensWithItsOrganisationRolesAndAudienceUntilItIsRemoved() throws Exception {
		IntegrationClient client = provider.registerClient("CRM sync", "org-kultura-nova", List.of("coordinator"));

		HttpResponse<String> granted = clientCredentials(client.clientId(), client.clientSecret());
		assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
		JsonNode claims = claims(granted);
		assertThat(claims.get("org").asString()).isEqualTo("org-kultura-nova");
		assertThat(strings(claims.get("roles"))).containsExactly("coordinator");
		assertThat(strings(claims.get("aud"))).contains("mentoring-api");
		assertThat(claims.has("resource_access")).as("no role of Keycloak's own").isFalse();

		provider.removeClient(client.clientId());

		assertThat(clientCredentials(client.clientId(), client.clientSecret()).statusCode()).isEqualTo(401);
		provider.removeClient(client.clientId());
	}

	@Test
	void removingOneOfThePlatformsOwnClientsLeavesItAlone() throws Exception {
		provider.removeClient("participant-service");
		provider.removeClient("mentoring-web");

		assertThat(clientCredentials("participant-service", ACCOUNTS_CLIENT_SECRET).statusCode()).isEqualTo(200);
		assertThat(provider.findByEmail("admin@example.org")).isPresent();
	}

	@Test
	void theServiceMayManageUsersAndClientsAndNothingElse() throws Exception {
		List<String> needed = List.of("manage-users", "view-users", "query-users", "manage-clients", "view-clients",
				"query-clients");
		assertThat(serviceAccountRoles).containsExactlyInAnyOrderElementsOf(needed);

		JsonNode claims = claims(clientCredentials("participant-service", ACCOUNTS_CLIENT_SECRET));
		// view-users includes query-groups: composites show expanded in the token
		assertThat(strings(claims.get("resource_access").get("realm-management").get("roles"))).containsAll(needed)
			.doesNotContain("realm-admin", "manage-realm", "manage-authorization", "impersonation", "manage-events");
	}

	@Test
	void aWrongClientSecretMakesTheProviderUnavailable() {
		try (KeycloakIdentityProvider refused = provider("not-the-secret")) {
			assertThatThrownBy(() -> refused.findByEmail("admin@example.org")).isInstanceOf(IdentityProviderUnavailable.class);
		}
	}

	private static KeycloakIdentityProvider provider(String secret) {
		return new KeycloakIdentityProvider(new ParticipantServiceProperties.Accounts.Keycloak(url(), REALM,
				"participant-service", secret, Duration.ofSeconds(10)));
	}

	private static String url() {
		return "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080);
	}

	private static String uniqueAddress() {
		return "Person." + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
	}

	/** The access token's claims of a person, through the demo's password-grant client. */
	private static JsonNode passwordGrant(String username, String password) throws Exception {
		HttpResponse<String> response = tokenRequest(Map.of("grant_type", "password", "client_id", "mentoring-cli",
				"client_secret", "demo", "username", username, "password", password, "scope", "openid"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return claims(response);
	}

	private static HttpResponse<String> clientCredentials(String clientId, String secret) throws Exception {
		return tokenRequest(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
	}

	private static HttpResponse<String> tokenRequest(Map<String, String> form) throws Exception {
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/realms/" + REALM + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode claims(HttpResponse<String> tokenResponse) {
		String token = JSON.readTree(tokenResponse.body()).get("access_token").asString();
		return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

	/** A claim that may be one string or an array of them, as {@code aud}. */
	private static List<String> strings(JsonNode claim) {
		List<String> values = new ArrayList<>();
		if (claim == null) {
			return values;
		}
		if (claim.isArray()) {
			claim.values().forEach(value -> values.add(value.asString()));
		}
		else {
			values.add(claim.asString());
		}
		return values;
	}

	private static Path repositoryFile(String relative) {
		Path directory = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		while (directory != null) {
			if (Files.isRegularFile(directory.resolve(relative))) {
				return directory.resolve(relative);
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException(relative + " not found above " + System.getProperty("user.dir"));
	}

}
