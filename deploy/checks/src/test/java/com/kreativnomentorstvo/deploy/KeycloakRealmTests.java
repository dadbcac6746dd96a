package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Keycloak realm of docker-compose holds exactly the demo personas of deploy/demo-personas.md. */
class KeycloakRealmTests {

	private static final String REALM = "deploy/keycloak/mentoring-realm.json";

	private static final Pattern PERSONA = Pattern
		.compile("^\\| ([a-z.]+) \\| ([a-z]+) \\| (org-[a-z-]+) \\| ?(p-[a-z0-9-]+)? ?\\|$");

	private final JsonNode realm = Repository.json(REALM);

	record Persona(String username, String role, String org, String participantId) {
	}

	static List<Persona> personas() {
		List<Persona> personas = new ArrayList<>();
		for (String line : Repository.read("deploy/demo-personas.md").split("\n")) {
			Matcher matcher = PERSONA.matcher(line.strip());
			if (matcher.matches()) {
				personas.add(new Persona(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
			}
		}
		return personas;
	}

	@Test
	void everyPersonaIsAUserWithItsRoleOrganisationAndParticipantId() {
		List<Persona> personas = personas();
		assertThat(personas).hasSizeGreaterThanOrEqualTo(13);
		assertThat(elements(realm.get("users"))).hasSameSizeAs(personas);
		for (Persona persona : personas) {
			JsonNode user = user(persona.username()).orElseThrow(() -> new AssertionError("no user " + persona.username()));
			// the token's sub is the user id: the persona's username, as the local authorization server issues it
			assertThat(user.get("id").asString()).isEqualTo(persona.username());
			assertThat(user.get("enabled").asBoolean()).isTrue();
			assertThat(strings(user.get("clientRoles").get("mentoring-api"))).containsExactly(persona.role());
			assertThat(strings(user.get("attributes").get("org"))).containsExactly(persona.org());
			JsonNode participantId = user.get("attributes").get("participant_id");
			if (persona.participantId() == null) {
				assertThat(participantId).as(persona.username()).isNull();
			}
			else {
				assertThat(strings(participantId)).containsExactly(persona.participantId());
			}
			// a complete profile: Keycloak asks nothing before it issues the first token
			assertThat(user.get("email").asString()).contains("@");
			assertThat(user.get("firstName").asString()).isNotBlank();
			assertThat(user.get("lastName").asString()).isNotBlank();
			assertThat(user.get("emailVerified").asBoolean()).isTrue();
			assertThat(elements(user.get("requiredActions"))).isEmpty();
		}
	}

	@Test
	void everyPasswordIsTheLocalDevelopmentDefaultAndTheRealmSaysSo() {
		for (JsonNode user : elements(realm.get("users"))) {
			JsonNode credential = user.get("credentials").get(0);
			assertThat(credential.get("type").asString()).isEqualTo("password");
			assertThat(credential.get("value").asString()).isEqualTo("demo");
			assertThat(credential.get("temporary").asBoolean()).isFalse();
		}
		assertThat(realm.get("displayName").asString()).contains("LOCAL DEVELOPMENT DEFAULTS");
		assertThat(realm.get("attributes").get("localDevelopmentDefaults").asString()).isEqualTo("true");
		assertThat(client("mentoring-cli").get("name").asString()).contains("LOCAL DEVELOPMENT ONLY");
		assertThat(Repository.read("deploy/demo-personas.md")).contains("local-development default: `demo`");
	}

	@Test
	void theApiIsTheAudienceAndOwnsThePlatformsRoles() {
		JsonNode api = client("mentoring-api");
		assertThat(api.get("bearerOnly").asBoolean()).isTrue();
		assertThat(elements(realm.get("roles").get("client").get("mentoring-api")).stream().map(r -> r.get("name").asString()))
			.containsExactlyInAnyOrder("admin", "coordinator", "mentor", "mentee");
	}

	@Test
	void bothClientsThatIssueTokensPutTheClaimsThePlatformReadsIntoThem() {
		for (String clientId : List.of("mentoring-web", "mentoring-cli")) {
			JsonNode client = client(clientId);
			JsonNode org = mapper(client, "oidc-usermodel-attribute-mapper", "org");
			assertThat(org.get("config").get("user.attribute").asString()).isEqualTo("org");
			assertThat(org.get("config").get("jsonType.label").asString()).isEqualTo("String");
			assertThat(org.get("config").get("access.token.claim").asString()).isEqualTo("true");
			JsonNode participant = mapper(client, "oidc-usermodel-attribute-mapper", "participant_id");
			assertThat(participant.get("config").get("user.attribute").asString()).isEqualTo("participant_id");
			assertThat(participant.get("config").get("access.token.claim").asString()).isEqualTo("true");
			// roles: a JSON array of the user's roles of mentoring-api
			JsonNode roles = mapper(client, "oidc-usermodel-client-role-mapper", "roles");
			assertThat(roles.get("config").get("usermodel.clientRoleMapping.clientId").asString()).isEqualTo("mentoring-api");
			assertThat(roles.get("config").get("multivalued").asString()).isEqualTo("true");
			assertThat(roles.get("config").get("access.token.claim").asString()).isEqualTo("true");
			JsonNode audience = elements(client.get("protocolMappers")).stream()
				.filter(m -> m.get("protocolMapper").asString().equals("oidc-audience-mapper"))
				.findFirst()
				.orElseThrow(() -> new AssertionError(clientId + " has no audience mapper"));
			assertThat(audience.get("config").get("included.client.audience").asString())
				.isEqualTo(Compose.envExample().get("TOKEN_AUDIENCE"));
			assertThat(audience.get("config").get("access.token.claim").asString()).isEqualTo("true");
		}
		assertThat(client("mentoring-web").get("publicClient").asBoolean()).isTrue();
		assertThat(client("mentoring-web").get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
		assertThat(client("mentoring-web").get("directAccessGrantsEnabled").asBoolean()).isFalse();
		assertThat(client("mentoring-cli").get("directAccessGrantsEnabled").asBoolean()).isTrue();
		assertThat(elements(client("mentoring-web").get("redirectUris")))
			.allSatisfy(uri -> assertThat(uri.asString()).startsWith("${PUBLIC_URL}/"));
	}

	@Test
	void onlyAdministratorsMaySeeOrChangeTheClaimsThePlatformTrusts() {
		String config = realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0).get("config")
			.get("kc.user.profile.config").get(0).asString();
		JsonNode profile = JsonMapper.builder().build().readTree(config);
		for (String attribute : List.of("org", "participant_id")) {
			JsonNode declared = elements(profile.get("attributes")).stream()
				.filter(a -> a.get("name").asString().equals(attribute))
				.findFirst()
				.orElseThrow(() -> new AssertionError("the user profile does not declare " + attribute));
			assertThat(strings(declared.get("permissions").get("edit"))).containsExactly("admin");
			assertThat(strings(declared.get("permissions").get("view"))).containsExactly("admin");
		}
		assertThat(realm.get("registrationAllowed").asBoolean()).isFalse();
	}

	private Optional<JsonNode> user(String username) {
		return elements(realm.get("users")).stream().filter(u -> u.get("username").asString().equals(username)).findFirst();
	}

	private JsonNode client(String clientId) {
		return elements(realm.get("clients")).stream()
			.filter(c -> c.get("clientId").asString().equals(clientId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no client " + clientId));
	}

	private static JsonNode mapper(JsonNode client, String type, String claim) {
		return elements(client.get("protocolMappers")).stream()
			.filter(m -> m.get("protocolMapper").asString().equals(type))
			.filter(m -> m.get("config").has("claim.name") && m.get("config").get("claim.name").asString().equals(claim))
			.findFirst()
			.orElseThrow(() -> new AssertionError(client.get("clientId").asString() + " has no " + type + " for " + claim));
	}

	private static List<JsonNode> elements(JsonNode array) {
		return array == null ? List.of() : StreamSupport.stream(array.spliterator(), false).toList();
	}

	private static List<String> strings(JsonNode array) {
		return elements(array).stream().map(JsonNode::asString).toList();
	}

}
