package com.kreativnomentorstvo.participants.account;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * How accounts and integration clients look in a Keycloak realm (deploy/keycloak/mentoring-realm.json):
 * a person's organisation and roles are the user attributes {@code org} and {@code roles}, which the
 * realm's protocol mappers put into her tokens; an integration client carries them as hardcoded claims.
 */
final class KeycloakRepresentations {

	static final String ORGANISATION = "org";

	static final String ROLES = "roles";

	static final String LOCALE = "locale";

	/** The audience of every token the platform accepts ({@code TOKEN_AUDIENCE}). */
	static final String AUDIENCE = "mentoring-api";

	/** Marks the clients this port registered, so that it never removes one of the platform's own. */
	static final String INTEGRATION_MARKER = "mentoring.integration";

	static final String INTEGRATION_ORGANISATION = "mentoring.integration.organisation";

	private static final SecureRandom RANDOM = new SecureRandom();

	private KeycloakRepresentations() {
	}

	/**
	 * A new, enabled user without a password. Her address is her username too, so that she signs in with
	 * it; the whole display name is the first name, as names do not split the same way everywhere. The
	 * address counts as verified: the platform reaches her at it with the link to set her password.
	 */
	static UserRepresentation newUser(NewAccount account) {
		UserRepresentation user = new UserRepresentation();
		String email = normalisedEmail(account.email());
		user.setUsername(email);
		user.setEmail(email);
		user.setEmailVerified(true);
		user.setFirstName(account.displayName());
		user.setEnabled(true);
		Map<String, List<String>> attributes = new HashMap<>();
		attributes.put(ORGANISATION, single(account.organisationId()));
		attributes.put(ROLES, List.copyOf(account.roles()));
		if (account.locale() != null && !account.locale().isBlank()) {
			attributes.put(LOCALE, List.of(account.locale()));
		}
		user.setAttributes(attributes);
		return user;
	}

	/** The account a user is; {@code passwordSet} from her credentials, which the user itself does not show. */
	static Account account(UserRepresentation user, boolean passwordSet) {
		return new Account(user.getId(), user.getEmail(), displayName(user), first(user, LOCALE), first(user, ORGANISATION),
				values(user, ROLES), Boolean.TRUE.equals(user.isEnabled()), passwordSet);
	}

	static boolean hasPassword(List<CredentialRepresentation> credentials) {
		return credentials.stream().anyMatch(credential -> CredentialRepresentation.PASSWORD.equals(credential.getType()));
	}

	/**
	 * Sets what the user's tokens say and whether she may sign in, keeping her other attributes. A value
	 * that goes away is sent as an empty list, which Keycloak takes as "remove".
	 */
	static void applyAccess(UserRepresentation user, AccountAccess access) {
		Map<String, List<String>> attributes = new HashMap<>(user.getAttributes() == null ? Map.of() : user.getAttributes());
		attributes.put(ORGANISATION, single(access.organisationId()));
		attributes.put(ROLES, List.copyOf(access.roles()));
		user.setAttributes(attributes);
		user.setEnabled(access.enabled());
	}

	static CredentialRepresentation password(String password) {
		CredentialRepresentation credential = new CredentialRepresentation();
		credential.setType(CredentialRepresentation.PASSWORD);
		credential.setValue(password);
		credential.setTemporary(false);
		return credential;
	}

	/**
	 * The client id of a new integration: readable in Keycloak's console ({@code integration-crm-sync-…})
	 * and unique through a random suffix.
	 */
	static String integrationClientId(String name) {
		String slug = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (slug.length() > 40) {
			slug = slug.substring(0, 40).replaceAll("-+$", "");
		}
		byte[] suffix = new byte[4];
		RANDOM.nextBytes(suffix);
		return Stream.of("integration", slug, HexFormat.of().formatHex(suffix))
			.filter(part -> !part.isEmpty())
			.collect(Collectors.joining("-"));
	}

	/** 256 random bits, URL-safe: chosen here, so the client is complete in the one call that creates it. */
	static String newClientSecret() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	/**
	 * A confidential client that gets tokens only with the client-credentials grant; its tokens carry
	 * the organisation and roles given here (as a person's would) and the platform's audience.
	 */
	static ClientRepresentation integrationClient(String clientId, String secret, String name, String organisationId,
			List<String> roles) {
		ClientRepresentation client = new ClientRepresentation();
		client.setClientId(clientId);
		client.setName(name);
		client.setDescription("Integration of " + organisationId + ", registered through the mentoring platform");
		client.setEnabled(true);
		client.setProtocol("openid-connect");
		client.setPublicClient(false);
		client.setBearerOnly(false);
		client.setClientAuthenticatorType("client-secret");
		client.setSecret(secret);
		client.setServiceAccountsEnabled(true);
		client.setStandardFlowEnabled(false);
		client.setImplicitFlowEnabled(false);
		client.setDirectAccessGrantsEnabled(false);
		// its tokens carry the claims below, never a role of Keycloak's own
		client.setFullScopeAllowed(false);
		client.setAttributes(Map.of(INTEGRATION_MARKER, "true", INTEGRATION_ORGANISATION, organisationId));
		client.setProtocolMappers(List.of(hardcodedClaim("organisation", ORGANISATION, organisationId, "String"),
				hardcodedClaim("roles", ROLES, jsonArray(roles), "JSON"), audience()));
		return client;
	}

	static boolean isIntegrationClient(ClientRepresentation client) {
		return client.getAttributes() != null && "true".equals(client.getAttributes().get(INTEGRATION_MARKER));
	}

	/** The address as Keycloak keeps it: it compares and stores addresses in lower case. */
	static String normalisedEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	private static ProtocolMapperRepresentation hardcodedClaim(String name, String claim, String value, String type) {
		ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
		mapper.setName(name);
		mapper.setProtocol("openid-connect");
		mapper.setProtocolMapper("oidc-hardcoded-claim-mapper");
		Map<String, String> config = new HashMap<>();
		config.put("claim.name", claim);
		config.put("claim.value", value);
		config.put("jsonType.label", type);
		config.put("access.token.claim", "true");
		config.put("introspection.token.claim", "true");
		config.put("id.token.claim", "false");
		config.put("userinfo.token.claim", "false");
		mapper.setConfig(config);
		return mapper;
	}

	private static ProtocolMapperRepresentation audience() {
		ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
		mapper.setName("audience " + AUDIENCE);
		mapper.setProtocol("openid-connect");
		mapper.setProtocolMapper("oidc-audience-mapper");
		mapper.setConfig(Map.of("included.client.audience", AUDIENCE, "access.token.claim", "true",
				"introspection.token.claim", "true", "id.token.claim", "false"));
		return mapper;
	}

	/** Roles are plain words ({@code admin}, {@code coordinator}, …); quotes and backslashes are escaped anyway. */
	static String jsonArray(List<String> values) {
		return values.stream()
			.map(value -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "[", "]"));
	}

	private static String displayName(UserRepresentation user) {
		String name = Stream.of(user.getFirstName(), user.getLastName())
			.filter(part -> part != null && !part.isBlank())
			.map(String::strip)
			.collect(Collectors.joining(" "));
		return name.isEmpty() ? user.getUsername() : name;
	}

	private static List<String> single(String value) {
		return value == null || value.isBlank() ? List.of() : List.of(value);
	}

	private static String first(UserRepresentation user, String attribute) {
		List<String> values = values(user, attribute);
		return values.isEmpty() ? null : values.get(0);
	}

	private static List<String> values(UserRepresentation user, String attribute) {
		if (user.getAttributes() == null || user.getAttributes().get(attribute) == null) {
			return List.of();
		}
		return new ArrayList<>(user.getAttributes().get(attribute).stream().filter(v -> v != null && !v.isBlank()).toList());
	}

}
