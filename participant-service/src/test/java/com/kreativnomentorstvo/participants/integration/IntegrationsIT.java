package com.kreativnomentorstvo.participants.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.participants.account.IntegrationClient;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * Administrators register a client per script or integration, scoped to one organisation: its secret
 * is shown once and kept nowhere here; the list shows who has what; removal takes the client away at
 * the identity provider. Nobody else manages them.
 */
class IntegrationsIT extends ServiceIT {

	private static final String INTEGRATIONS = "/api/v1/integrations";

	@Test
	void anAdministratorRegistersAnIntegrationWhoseSecretIsShownOnceAndStoredNowhere() {
		String organisation = newOrganisation("RS");

		Reply registered = api.post(INTEGRATIONS, admin, Map.of("name", "CRM import", "organisationId", organisation));

		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		String clientId = registered.text("clientId");
		String secret = registered.text("clientSecret");
		assertThat(secret).isNotBlank();
		assertThat(registered.header("Location")).endsWith(INTEGRATIONS + "/" + clientId);
		assertThat(registered.header("Cache-Control")).isEqualTo("no-store");
		assertThat(registered.text("organisationId")).isEqualTo(organisation);
		assertThat(registered.json().path("roles")).extracting(role -> role.asString()).containsExactly("coordinator");
		assertThat(registered.text("createdAt")).isNotBlank();
		assertThat(registered.text("tokenUrl")).endsWith("/oauth2/token");
		assertThat(accounts.clients()).extracting(IntegrationClient::clientId).contains(clientId);

		List<Document> stored = mongo.findAll(Document.class, "integrations");
		assertThat(stored).anySatisfy(document -> assertThat(document.get("_id")).isEqualTo(clientId));
		assertThat(stored).allSatisfy(document -> assertThat(document.toJson()).doesNotContain(secret));
		for (String collection : mongo.getCollectionNames()) {
			assertThat(mongo.findAll(Document.class, collection))
				.as(collection)
				.allSatisfy(document -> assertThat(document.toJson()).doesNotContain(secret));
		}
		Reply read = api.get(INTEGRATIONS + "/" + clientId, admin);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().has("clientSecret")).isFalse();
		assertThat(read.text("name")).isEqualTo("CRM import");
		assertThat(read.text("createdBy")).isEqualTo("admin@org-platform");
	}

	@Test
	void integrationsAreListedAndFilteredByOrganisation() {
		String organisation = newOrganisation("HR");
		String other = newOrganisation("MK");
		String first = register("Newsletter sync", organisation);
		String second = register("Archive export", organisation);
		String elsewhere = register("Reporting", other);

		Reply filtered = api.get(INTEGRATIONS + "?organisationId=" + organisation, admin);

		assertThat(filtered.status()).isEqualTo(200);
		assertThat(filtered.json().path("total").asLong()).isEqualTo(2);
		assertThat(filtered.json().path("items")).extracting(item -> item.path("clientId").asString())
			.containsExactly(second, first);
		assertThat(filtered.json().path("items")).allSatisfy(item -> assertThat(item.has("clientSecret")).isFalse());
		Reply paged = api.get(INTEGRATIONS + "?organisationId=" + organisation + "&size=1&page=1", admin);
		assertThat(paged.json().path("items")).extracting(item -> item.path("clientId").asString())
			.containsExactly(first);
		assertThat(api.get(INTEGRATIONS + "?size=100", admin).json().path("total").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(api.get(INTEGRATIONS + "?organisationId=" + other, admin).json().path("items"))
			.extracting(item -> item.path("clientId").asString())
			.containsExactly(elsewhere);
	}

	@Test
	void removingAnIntegrationRemovesItsClientAndRepeatingItIsHarmless() {
		String organisation = newOrganisation("SI");
		String clientId = register("Old script", organisation);

		Reply removed = api.delete(INTEGRATIONS + "/" + clientId, admin);

		assertThat(removed.status()).isEqualTo(204);
		assertThat(accounts.clients()).extracting(IntegrationClient::clientId).doesNotContain(clientId);
		assertThat(mongo.exists(Query.query(Criteria.where("_id").is(clientId)), "integrations")).isFalse();
		assertThat(api.get(INTEGRATIONS + "/" + clientId, admin).status()).isEqualTo(404);
		assertThat(api.delete(INTEGRATIONS + "/" + clientId, admin).status()).isEqualTo(204);
	}

	@Test
	void onlyAdministratorsManageIntegrations() {
		String organisation = newOrganisation("RS");
		String clientId = register("Board report", organisation);
		String coordinator = TOKENS.coordinator(organisation);

		assertThat(api.post(INTEGRATIONS, coordinator, Map.of("name", "Mine", "organisationId", organisation))
			.status()).isEqualTo(403);
		assertThat(api.get(INTEGRATIONS, coordinator).status()).isEqualTo(403);
		assertThat(api.get(INTEGRATIONS + "?organisationId=" + organisation, coordinator).status()).isEqualTo(403);
		assertThat(api.get(INTEGRATIONS + "/" + clientId, coordinator).status()).isEqualTo(404);
		assertThat(api.delete(INTEGRATIONS + "/" + clientId, coordinator).status()).isEqualTo(404);
		assertThat(api.get(INTEGRATIONS, null).status()).isEqualTo(401);

		assertThat(accounts.clients()).extracting(IntegrationClient::clientId).contains(clientId);
		assertThat(mongo.count(Query.query(Criteria.where("organisationId").is(organisation)), "integrations"))
			.isEqualTo(1);
	}

	@Test
	void anIntegrationGetsOnlyTheCoordinatorRoleOfARegisteredOrganisation() {
		String organisation = newOrganisation("MK");
		int clients = accounts.clients().size();

		Reply admin = api.post(INTEGRATIONS, this.admin,
				Map.of("name", "Escalation", "organisationId", organisation, "roles", List.of("admin")));
		Reply unknown = api.post(INTEGRATIONS, this.admin,
				Map.of("name", "Lost", "organisationId", "org-unknown-" + Fixtures.unique()));
		Reply nameless = api.post(INTEGRATIONS, this.admin, Map.of("organisationId", organisation));

		assertThat(admin.status()).isEqualTo(422);
		assertThat(admin.problemFields()).containsExactly("roles");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.problemFields()).containsExactly("organisationId");
		assertThat(nameless.status()).isEqualTo(400);
		assertThat(nameless.problemFields()).containsExactly("name");
		assertThat(accounts.clients()).hasSize(clients);
		assertThat(mongo.exists(Query.query(Criteria.where("organisationId").is(organisation)), "integrations"))
			.isFalse();
		Reply explicit = api.post(INTEGRATIONS, this.admin,
				Map.of("name", "Explicit", "organisationId", organisation, "roles", List.of("coordinator")));
		assertThat(explicit.status()).as(explicit.toString()).isEqualTo(201);
	}

	@Test
	void whileTheIdentityProviderIsDownNoIntegrationIsRegistered() {
		String organisation = newOrganisation("HR");
		accounts.down(true);
		Reply refused;
		try {
			refused = api.post(INTEGRATIONS, admin, Map.of("name", "Nightly", "organisationId", organisation));
		}
		finally {
			accounts.down(false);
		}

		assertThat(refused.status()).isEqualTo(503);
		assertThat(mongo.exists(Query.query(Criteria.where("organisationId").is(organisation)), "integrations"))
			.isFalse();
	}

	private String register(String name, String organisation) {
		Reply registered = api.post(INTEGRATIONS, admin, Map.of("name", name, "organisationId", organisation));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		return registered.text("clientId");
	}

}
