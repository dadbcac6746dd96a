package com.kreativnomentorstvo.participants.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import tools.jackson.databind.json.JsonMapper;

class KeycloakRepresentationsTests {

	@Test
	void aNewUserSignsInWithHerAddressAndCarriesOrganisationRolesAndLocaleAsAttributes() {
		UserRepresentation user = KeycloakRepresentations.newUser(new NewAccount(" Ana.Petrovic@Example.org ", "Ana Petrović",
				"sr-Latn", "org-creative-mentorship", List.of("mentor", "mentee")));

		assertThat(user.getUsername()).isEqualTo("ana.petrovic@example.org");
		assertThat(user.getEmail()).isEqualTo("ana.petrovic@example.org");
		assertThat(user.isEmailVerified()).isTrue();
		assertThat(user.isEnabled()).isTrue();
		assertThat(user.getFirstName()).isEqualTo("Ana Petrović");
		assertThat(user.getLastName()).isNull();
		assertThat(user.getAttributes()).containsEntry("org", List.of("org-creative-mentorship"))
			.containsEntry("roles", List.of("mentor", "mentee"))
			.containsEntry("locale", List.of("sr-Latn"));
		assertThat(user.getCredentials()).isNull();
		assertThat(user.getRequiredActions()).isNullOrEmpty();
	}

	@Test
	void aNewUserWithoutLocaleLeavesTheAttributeOut() {
		UserRepresentation user = KeycloakRepresentations
			.newUser(new NewAccount("a@example.org", "A", null, "org-kultura-nova", List.of("coordinator")));

		assertThat(user.getAttributes()).doesNotContainKey("locale");
	}

	@Test
	void aUserIsReadAsAnAccountWithHerWholeName() {
		UserRepresentation user = new UserRepresentation();
		user.setId("5b1d-42");
		user.setUsername("mentor.ana");
		user.setEmail("ana.petrovic@example.org");
		user.setFirstName("Ana");
		user.setLastName("Petrović");
		user.setEnabled(false);
		user.setAttributes(Map.of("org", List.of("org-creative-mentorship"), "roles", List.of("mentor", "coordinator"),
				"locale", List.of("sr-Latn"), "unrelated", List.of("x")));

		Account account = KeycloakRepresentations.account(user, true);

		assertThat(account).isEqualTo(new Account("5b1d-42", "ana.petrovic@example.org", "Ana Petrović", "sr-Latn",
				"org-creative-mentorship", List.of("mentor", "coordinator"), false, true));
	}

	@Test
	void aUserWithoutAttributesOrNameIsAnAccountWithoutOrganisationAndRolesNamedByHerUsername() {
		UserRepresentation user = new UserRepresentation();
		user.setId("7");
		user.setUsername("someone@example.org");
		user.setEmail("someone@example.org");
		user.setEnabled(true);

		Account account = KeycloakRepresentations.account(user, false);

		assertThat(account.displayName()).isEqualTo("someone@example.org");
		assertThat(account.organisationId()).isNull();
		assertThat(account.roles()).isEmpty();
		assertThat(account.locale()).isNull();
		assertThat(account.enabled()).isTrue();
		assertThat(account.passwordSet()).isFalse();
	}

	@Test
	void onlyAPasswordCredentialMeansThePasswordIsSet() {
		CredentialRepresentation otp = new CredentialRepresentation();
		otp.setType("otp");
		CredentialRepresentation password = new CredentialRepresentation();
		password.setType("password");

		assertThat(KeycloakRepresentations.hasPassword(List.of())).isFalse();
		assertThat(KeycloakRepresentations.hasPassword(List.of(otp))).isFalse();
		assertThat(KeycloakRepresentations.hasPassword(List.of(otp, password))).isTrue();
	}

	@Test
	void changingAccessReplacesOrganisationAndRolesKeepsTheOtherAttributesAndSendsRemovedValuesAsEmpty() {
		UserRepresentation user = new UserRepresentation();
		user.setEnabled(true);
		user.setAttributes(new HashMap<>(Map.of("org", List.of("org-a"), "roles", List.of("mentee"), "locale", List.of("hr"))));

		KeycloakRepresentations.applyAccess(user, new AccountAccess("org-b", List.of("mentor", "mentee"), false));

		assertThat(user.isEnabled()).isFalse();
		assertThat(user.getAttributes()).containsEntry("org", List.of("org-b"))
			.containsEntry("roles", List.of("mentor", "mentee"))
			.containsEntry("locale", List.of("hr"));

		KeycloakRepresentations.applyAccess(user, new AccountAccess(null, List.of(), true));

		assertThat(user.isEnabled()).isTrue();
		assertThat(user.getAttributes()).containsEntry("org", List.of()).containsEntry("roles", List.of());
	}

	@Test
	void changingAccessOfAUserWithoutAttributesGivesHerSome() {
		UserRepresentation user = new UserRepresentation();

		KeycloakRepresentations.applyAccess(user, new AccountAccess("org-b", List.of("admin"), true));

		assertThat(user.getAttributes()).containsEntry("org", List.of("org-b")).containsEntry("roles", List.of("admin"));
	}

	@Test
	void aPasswordIsPermanent() {
		CredentialRepresentation credential = KeycloakRepresentations.password("correct horse battery staple");

		assertThat(credential.getType()).isEqualTo("password");
		assertThat(credential.getValue()).isEqualTo("correct horse battery staple");
		assertThat(credential.isTemporary()).isFalse();
	}

	@Test
	void anIntegrationClientIdIsReadableAndUnique() {
		String first = KeycloakRepresentations.integrationClientId("CRM Sync (Kultura Nova)!");
		String second = KeycloakRepresentations.integrationClientId("CRM Sync (Kultura Nova)!");

		assertThat(first).matches("integration-crm-sync-kultura-nova-[0-9a-f]{8}");
		assertThat(second).isNotEqualTo(first);
		assertThat(KeycloakRepresentations.integrationClientId("ÄÖÜ")).matches("integration-[0-9a-f]{8}");
		assertThat(KeycloakRepresentations.integrationClientId("x".repeat(200))).hasSizeLessThanOrEqualTo(61);
	}

	@Test
	void aClientSecretHasTwoHundredAndFiftySixRandomBits() {
		String secret = KeycloakRepresentations.newClientSecret();

		assertThat(secret).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(KeycloakRepresentations.newClientSecret());
	}

	@Test
	void anIntegrationClientGetsOnlyClientCredentialsTokensWithItsOrganisationRolesAndTheAudience() {
		ClientRepresentation client = KeycloakRepresentations.integrationClient("integration-crm-1a2b3c4d", "s3cret",
				"CRM", "org-kultura-nova", List.of("coordinator", "mentor"));

		assertThat(client.getClientId()).isEqualTo("integration-crm-1a2b3c4d");
		assertThat(client.getSecret()).isEqualTo("s3cret");
		assertThat(client.isPublicClient()).isFalse();
		assertThat(client.getClientAuthenticatorType()).isEqualTo("client-secret");
		assertThat(client.isServiceAccountsEnabled()).isTrue();
		assertThat(client.isStandardFlowEnabled()).isFalse();
		assertThat(client.isImplicitFlowEnabled()).isFalse();
		assertThat(client.isDirectAccessGrantsEnabled()).isFalse();
		assertThat(client.isFullScopeAllowed()).isFalse();
		assertThat(KeycloakRepresentations.isIntegrationClient(client)).isTrue();
		assertThat(client.getAttributes()).containsEntry("mentoring.integration.organisation", "org-kultura-nova");

		ProtocolMapperRepresentation org = mapper(client, "org");
		assertThat(org.getProtocolMapper()).isEqualTo("oidc-hardcoded-claim-mapper");
		assertThat(org.getConfig()).containsEntry("claim.value", "org-kultura-nova")
			.containsEntry("jsonType.label", "String")
			.containsEntry("access.token.claim", "true");
		ProtocolMapperRepresentation roles = mapper(client, "roles");
		assertThat(roles.getConfig()).containsEntry("jsonType.label", "JSON").containsEntry("access.token.claim", "true");
		assertThat(JsonMapper.builder().build().readValue(roles.getConfig().get("claim.value"), List.class))
			.containsExactly("coordinator", "mentor");
		assertThat(client.getProtocolMappers()).anySatisfy(mapper -> {
			assertThat(mapper.getProtocolMapper()).isEqualTo("oidc-audience-mapper");
			assertThat(mapper.getConfig()).containsEntry("included.client.audience", "mentoring-api")
				.containsEntry("access.token.claim", "true");
		});
	}

	@Test
	void onlyClientsThisPortRegisteredAreIntegrationClients() {
		ClientRepresentation platformClient = new ClientRepresentation();
		platformClient.setClientId("participant-service");

		assertThat(KeycloakRepresentations.isIntegrationClient(platformClient)).isFalse();
		platformClient.setAttributes(Map.of("mentoring.integration", "false"));
		assertThat(KeycloakRepresentations.isIntegrationClient(platformClient)).isFalse();
	}

	@Test
	void aJsonArrayOfRolesEscapesWhatJsonMust() {
		String array = KeycloakRepresentations.jsonArray(List.of("admin", "we\"ird\\"));

		assertThat(JsonMapper.builder().build().readValue(array, List.class)).containsExactly("admin", "we\"ird\\");
		assertThat(KeycloakRepresentations.jsonArray(List.of())).isEqualTo("[]");
	}

	private static ProtocolMapperRepresentation mapper(ClientRepresentation client, String claim) {
		return client.getProtocolMappers()
			.stream()
			.filter(m -> claim.equals(m.getConfig().get("claim.name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no mapper for " + claim));
	}

}
