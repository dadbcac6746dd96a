package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Keycloak realm of docker-compose (and the one every instance imports): the clients and claims
 * the platform needs and no people. The demo personas and the {@code mentoring-cli} client live in a
 * separate file that only the demo adds (a partial import). participant-service's
 * KeycloakIdentityProviderIT imports both into a real Keycloak and checks the tokens it then issues.
 */
class KeycloakRealmTests {

	static final String REALM = "deploy/keycloak/mentoring-realm.json";

	static final String DEMO = "deploy/keycloak/mentoring-demo.json";

	private static final String PERSONAS = "deploy/auth-server/src/main/resources/personas.yml";

	/** What participant-service's service account needs to manage accounts and integration clients: no more. */
	static final List<String> SERVICE_ACCOUNT_ROLES = List.of("manage-users", "view-users", "query-users", "manage-clients",
			"view-clients", "query-clients");

	private static final List<String> PLATFORM_ROLES = List.of("admin", "coordinator", "mentor", "mentee");

	private static final List<String> PLATFORM_LOCALES = List.of("en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl");

	private static final Pattern SECRET_PLACEHOLDER = Pattern.compile("\\$\\{ACCOUNTS_CLIENT_SECRET:([^}]+)}");

	private final JsonNode realm = Repository.json(REALM);

	private final JsonNode demo = Repository.json(DEMO);

	@Test
	void theRealmHoldsNoPeopleOnlyTheServiceAccountOfParticipantService() {
		List<JsonNode> users = elements(realm.get("users"));
		assertThat(users).singleElement().satisfies(user -> {
			assertThat(text(user, "serviceAccountClientId")).isEqualTo("participant-service");
			assertThat(user.has("credentials")).isFalse();
			assertThat(user.has("email")).isFalse();
			assertThat(user.has("attributes")).isFalse();
		});
	}

	@Test
	void theRealmRequiresTlsForEveryoneButThisMachineAndLetsNobodyRegister() {
		assertThat(text(realm, "sslRequired")).isIn("external", "all");
		assertThat(bool(realm, "registrationAllowed")).isFalse();
		assertThat(bool(realm, "bruteForceProtected")).isTrue();
	}

	@Test
	void theRealmHasNoDemoClientAndNoClientThatTakesPasswords() {
		assertThat(clients(realm).stream().map(c -> text(c, "clientId"))).doesNotContain("mentoring-cli")
			.containsExactlyInAnyOrder("mentoring-api", "mentoring-web", "participant-service");
		for (JsonNode client : clients(realm)) {
			assertThat(bool(client, "directAccessGrantsEnabled")).as(text(client, "clientId") + " takes passwords").isFalse();
			assertThat(bool(client, "implicitFlowEnabled")).as(text(client, "clientId")).isFalse();
		}
		assertThat(Repository.read(REALM)).doesNotContain("\"demo\"").doesNotContain("LOCAL DEVELOPMENT ONLY");
	}

	@Test
	void participantServiceIsAConfidentialClientWhoseServiceAccountMayManageExactlyUsersAndClients() {
		JsonNode client = client(realm, "participant-service");
		assertThat(bool(client, "publicClient")).isFalse();
		assertThat(text(client, "clientAuthenticatorType")).isEqualTo("client-secret");
		assertThat(bool(client, "serviceAccountsEnabled")).isTrue();
		assertThat(bool(client, "standardFlowEnabled")).isFalse();
		assertThat(bool(client, "directAccessGrantsEnabled")).isFalse();

		JsonNode serviceAccount = elements(realm.get("users")).stream()
			.filter(u -> "participant-service".equals(text(u, "serviceAccountClientId")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no service account user for participant-service"));
		assertThat(names(serviceAccount.get("clientRoles"))).containsExactly("realm-management");
		assertThat(strings(serviceAccount.get("clientRoles").get("realm-management")))
			.containsExactlyInAnyOrderElementsOf(SERVICE_ACCOUNT_ROLES);
		assertThat(strings(serviceAccount.get("realmRoles"))).isEmpty();
		assertThat(serviceAccount.has("groups")).isFalse();
	}

	@Test
	void participantServicesSecretComesFromTheEnvironmentWithTheSameLocalDefaultAsTheService() {
		Matcher placeholder = SECRET_PLACEHOLDER.matcher(text(client(realm, "participant-service"), "secret"));
		assertThat(placeholder.matches()).as("the realm's secret is ${ACCOUNTS_CLIENT_SECRET:<local default>}").isTrue();
		String localDefault = placeholder.group(1);
		assertThat(localDefault).contains("local-development");
		Matcher service = SECRET_PLACEHOLDER.matcher(Repository.read("participant-service/src/main/resources/application.yml"));
		List<String> serviceDefaults = new ArrayList<>();
		while (service.find()) {
			serviceDefaults.add(service.group(1));
		}
		assertThat(serviceDefaults).as("participant-service's defaults of ACCOUNTS_CLIENT_SECRET").isNotEmpty()
			.containsOnly(localDefault);
	}

	@Test
	void peopleSignInThroughTheBrowserClientWithPkceOnlyAtThePlatformsAddresses() {
		JsonNode web = client(realm, "mentoring-web");
		assertThat(bool(web, "publicClient")).isTrue();
		assertThat(bool(web, "standardFlowEnabled")).isTrue();
		assertThat(text(web.get("attributes"), "pkce.code.challenge.method")).isEqualTo("S256");
		assertThat(strings(web.get("redirectUris"))).allSatisfy(uri -> assertThat(uri).startsWith("${PUBLIC_URL}/"))
			.contains("${PUBLIC_URL}/swagger-ui/oauth2-redirect.html", "${PUBLIC_URL}/login/oauth2/code/mentoring-web");
		// signing out of the web application ends at its welcome page, nowhere else
		assertThat(text(web.get("attributes"), "post.logout.redirect.uris")).isEqualTo("${PUBLIC_URL}/");
		JsonNode api = client(realm, "mentoring-api");
		assertThat(bool(api, "bearerOnly")).as("the audience issues no tokens").isTrue();
	}

	@Test
	void everyClientThatIssuesTokensToPeoplePutsOrganisationRolesAndAudienceIntoThem() {
		for (JsonNode client : List.of(client(realm, "mentoring-web"), client(demo, "mentoring-cli"))) {
			String clientId = text(client, "clientId");
			JsonNode org = mapper(client, "oidc-usermodel-attribute-mapper", "org");
			assertThat(text(org.get("config"), "user.attribute")).isEqualTo("org");
			assertThat(text(org.get("config"), "jsonType.label")).isEqualTo("String");
			assertThat(text(org.get("config"), "multivalued")).isEqualTo("false");
			assertThat(text(org.get("config"), "access.token.claim")).isEqualTo("true");
			// roles: a JSON array of the user's attribute values
			JsonNode roles = mapper(client, "oidc-usermodel-attribute-mapper", "roles");
			assertThat(text(roles.get("config"), "user.attribute")).isEqualTo("roles");
			assertThat(text(roles.get("config"), "multivalued")).isEqualTo("true");
			assertThat(text(roles.get("config"), "access.token.claim")).isEqualTo("true");
			JsonNode audience = elements(client.get("protocolMappers")).stream()
				.filter(m -> text(m, "protocolMapper").equals("oidc-audience-mapper"))
				.findFirst()
				.orElseThrow(() -> new AssertionError(clientId + " has no audience mapper"));
			assertThat(text(audience.get("config"), "included.client.audience"))
				.isEqualTo(Compose.envExample().get("TOKEN_AUDIENCE"));
			assertThat(text(audience.get("config"), "access.token.claim")).isEqualTo("true");
		}
	}

	@Test
	void noParticipantIdClaimIsLeft() {
		assertThat(Repository.read(REALM)).doesNotContain("participant_id");
		assertThat(Repository.read(DEMO)).doesNotContain("participant_id");
	}

	@Test
	void onlyAdministratorsMaySeeOrChangeOrganisationAndRolesAndRolesAreThePlatformsFour() {
		JsonNode profile = userProfile();
		for (String attribute : List.of("org", "roles")) {
			JsonNode declared = declared(profile, attribute)
				.orElseThrow(() -> new AssertionError("the user profile does not declare " + attribute));
			assertThat(strings(declared.get("permissions").get("edit"))).containsExactly("admin");
			assertThat(strings(declared.get("permissions").get("view"))).containsExactly("admin");
		}
		JsonNode roles = declared(profile, "roles").orElseThrow();
		assertThat(bool(roles, "multivalued")).isTrue();
		assertThat(strings(roles.get("validations").get("options").get("options")))
			.containsExactlyInAnyOrderElementsOf(PLATFORM_ROLES);
		assertThat(declared(profile, "participant_id")).isEmpty();
		// Keycloak drops attributes its user profile does not declare: nobody adds others unnoticed
		assertThat(profile.has("unmanagedAttributePolicy")).isFalse();
		assertThat(bool(realm, "registrationAllowed")).isFalse();
	}

	@Test
	void peopleSignInWithTheirAddressWhichBelongsToOneAccountOnly() {
		assertThat(bool(realm, "loginWithEmailAllowed")).isTrue();
		assertThat(bool(realm, "duplicateEmailsAllowed")).isFalse();
		assertThat(bool(realm, "editUsernameAllowed")).isFalse();
	}

	@Test
	void theRealmKeepsEveryLanguageOfThePlatformAsALocale() {
		// an account's locale attribute is stored only where the realm is internationalised
		assertThat(bool(realm, "internationalizationEnabled")).isTrue();
		assertThat(strings(realm.get("supportedLocales"))).containsAll(PLATFORM_LOCALES);
	}

	@Test
	void theDemoFileHoldsExactlyThePersonasWithTheirAddressesClaimsAndTheDemoPassword() {
		List<Map<String, Object>> personas = Documents.listAt(Repository.yaml(PERSONAS), "personas")
			.stream()
			.map(Documents::map)
			.toList();
		assertThat(personas).hasSizeGreaterThanOrEqualTo(13);
		assertThat(elements(demo.get("users"))).hasSameSizeAs(personas);
		JsonNode participants = Repository.json("deploy/local/src/main/resources/demo/participants.json");
		for (Map<String, Object> persona : personas) {
			String username = String.valueOf(persona.get("username"));
			JsonNode user = elements(demo.get("users")).stream()
				.filter(u -> username.equals(text(u, "username")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("the demo file has no user " + username));
			assertThat(user.has("id")).as("Keycloak gives imported users their ids").isFalse();
			assertThat(text(user, "email")).as(username).isEqualTo(persona.get("email"));
			assertThat(text(user, "firstName")).as(username).isEqualTo(persona.get("display-name"));
			assertThat(strings(user.get("attributes").get("org"))).containsExactly(String.valueOf(persona.get("org")));
			assertThat(strings(user.get("attributes").get("roles")))
				.containsExactlyElementsOf(Documents.list(persona.get("roles")).stream().map(String::valueOf).toList());
			if (persona.get("locale") != null) {
				assertThat(strings(user.get("attributes").get("locale"))).containsExactly(String.valueOf(persona.get("locale")));
			}
			// mentors and mentees have the addresses of the demo participants of their organisation
			for (String role : List.of("mentor", "mentee")) {
				if (strings(user.get("attributes").get("roles")).contains(role)) {
					assertThat(elements(participants)).as(username + " is a demo participant's address")
						.anySatisfy(p -> {
							assertThat(text(p, "role")).isEqualToIgnoringCase(role);
							assertThat(text(p, "organisationId")).isEqualTo(String.valueOf(persona.get("org")));
							assertThat(text(p, "email")).isEqualTo(text(user, "email"));
						});
				}
			}
			// a complete profile: Keycloak asks nothing before it issues the first token
			assertThat(bool(user, "enabled")).isTrue();
			assertThat(bool(user, "emailVerified")).isTrue();
			assertThat(elements(user.get("requiredActions"))).isEmpty();
			JsonNode credential = user.get("credentials").get(0);
			assertThat(text(credential, "type")).isEqualTo("password");
			assertThat(text(credential, "value")).isEqualTo("demo");
			assertThat(bool(credential, "temporary")).isFalse();
		}
	}

	@Test
	void theDemoIsAPartialImportThatSkipsWhatExistsAndSaysItIsForLocalDevelopmentOnly() {
		assertThat(text(demo, "ifResourceExists")).isEqualTo("SKIP");
		assertThat(names(demo)).containsExactlyInAnyOrder("ifResourceExists", "clients", "users");
		assertThat(clients(demo)).singleElement().satisfies(cli -> {
			assertThat(text(cli, "clientId")).isEqualTo("mentoring-cli");
			assertThat(text(cli, "name")).contains("LOCAL DEVELOPMENT ONLY");
			assertThat(bool(cli, "publicClient")).isFalse();
			assertThat(text(cli, "secret")).isEqualTo("demo");
			assertThat(bool(cli, "directAccessGrantsEnabled")).isTrue();
			assertThat(bool(cli, "standardFlowEnabled")).isFalse();
		});
		assertThat(Repository.read("deploy/keycloak/README.md")).contains("LOCAL DEVELOPMENT").contains("mentoring-demo.json");
	}

	private JsonNode userProfile() {
		String config = realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0).get("config")
			.get("kc.user.profile.config").get(0).asString();
		return JsonMapper.builder().build().readTree(config);
	}

	private static Optional<JsonNode> declared(JsonNode profile, String attribute) {
		return elements(profile.get("attributes")).stream().filter(a -> text(a, "name").equals(attribute)).findFirst();
	}

	static List<JsonNode> clients(JsonNode file) {
		return elements(file.get("clients"));
	}

	static JsonNode client(JsonNode file, String clientId) {
		return clients(file).stream()
			.filter(c -> text(c, "clientId").equals(clientId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no client " + clientId));
	}

	private static JsonNode mapper(JsonNode client, String type, String claim) {
		return elements(client.get("protocolMappers")).stream()
			.filter(m -> text(m, "protocolMapper").equals(type))
			.filter(m -> claim.equals(text(m.get("config"), "claim.name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(text(client, "clientId") + " has no " + type + " for " + claim));
	}

	private static String text(JsonNode node, String field) {
		return node == null || node.get(field) == null ? null : node.get(field).asString();
	}

	private static boolean bool(JsonNode node, String field) {
		return node.get(field) != null && node.get(field).asBoolean();
	}

	private static List<String> names(JsonNode object) {
		return object == null ? List.of() : List.copyOf(object.propertyNames());
	}

	private static List<JsonNode> elements(JsonNode array) {
		return array == null ? List.of() : StreamSupport.stream(array.spliterator(), false).toList();
	}

	private static List<String> strings(JsonNode array) {
		return elements(array).stream().map(JsonNode::asString).toList();
	}

}
