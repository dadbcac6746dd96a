package com.kreativnomentorstvo.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

import com.jayway.jsonpath.JsonPath;

@LocalAuthServer
class AdminApiIT {

	@LocalServerPort
	int port;

	private AdminApi admin;

	@Test
	void anAccountIsCreatedWithoutAPasswordAndFoundByItsAddressInAnyCase() throws Exception {
		String address = uniqueAddress("Nina.Markovic");

		HttpResponse<String> created = admin().post("/admin/accounts", newAccount(address, "mentee"));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		assertThat(UUID.fromString(id)).hasToString(id);
		assertThat(created.headers().firstValue("Location")).hasValue("/admin/accounts/" + id);
		assertThat(JsonPath.<String>read(created.body(), "$.email")).isEqualTo(address.toLowerCase());
		assertThat(JsonPath.<String>read(created.body(), "$.displayName")).isEqualTo("Nina Marković");
		assertThat(JsonPath.<String>read(created.body(), "$.locale")).isEqualTo("sr-Latn");
		assertThat(JsonPath.<String>read(created.body(), "$.organisationId")).isEqualTo("org-kultura-nova");
		assertThat(JsonPath.<List<String>>read(created.body(), "$.roles")).containsExactly("mentee");
		assertThat(JsonPath.<Boolean>read(created.body(), "$.enabled")).isTrue();
		assertThat(JsonPath.<Boolean>read(created.body(), "$.passwordSet")).isFalse();
		assertThat(created.body()).doesNotContain("passwordHash", "username");

		HttpResponse<String> found = admin().get("/admin/accounts?email=" + TokenRequests.encode(address.toUpperCase()));
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(found.body(), "$[*].id")).containsExactly(id);
		HttpResponse<String> byId = admin().get("/admin/accounts/" + id);
		assertThat(byId.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(byId.body(), "$.email")).isEqualTo(address.toLowerCase());
	}

	@Test
	void anAddressNobodyHasFindsAnEmptyListAndAnUnknownIdIsNotFound() throws Exception {
		HttpResponse<String> none = admin().get("/admin/accounts?email=" + uniqueAddress("nobody"));
		assertThat(none.statusCode()).isEqualTo(200);
		assertThat(none.body()).isEqualTo("[]");

		for (HttpResponse<String> response : List.of(admin().get("/admin/accounts/no-such-account"),
				admin().put("/admin/accounts/no-such-account/password", "{\"password\":\"long-enough-1\"}"),
				admin().put("/admin/accounts/no-such-account/access",
						"{\"organisationId\":\"org-a\",\"roles\":[],\"enabled\":true}"))) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("urn:mentoring:problem:not-found");
		}
	}

	@Test
	void aTakenAddressIsAConflictWhateverItsCase() throws Exception {
		String address = uniqueAddress("marija");
		assertThat(admin().post("/admin/accounts", newAccount(address, "mentor")).statusCode()).isEqualTo(201);

		HttpResponse<String> again = admin().post("/admin/accounts", newAccount(address.toUpperCase(), "mentee"));

		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JsonPath.<String>read(again.body(), "$.type")).isEqualTo("urn:mentoring:problem:account-exists");
		assertThat(admin().post("/admin/accounts", newAccount("Ana.Petrovic@example.org", "mentor")).statusCode())
			.as("a persona's address is taken too")
			.isEqualTo(409);
	}

	@Test
	void badInputIsAProblemNamingTheFieldsAtFault() throws Exception {
		HttpResponse<String> invalid = admin().post("/admin/accounts", """
				{"email": "not-an-address", "displayName": " ", "locale": "en", "organisationId": "org-a",
				 "roles": ["mentor", "superuser"]}""");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(invalid.body(), "$.type")).isEqualTo("urn:mentoring:problem:invalid-input");
		assertThat(JsonPath.<List<String>>read(invalid.body(), "$.errors[*].field")).contains("email", "displayName")
			.anySatisfy(field -> assertThat(field).startsWith("roles[1]"));

		HttpResponse<String> unknownField = admin().post("/admin/accounts", """
				{"email": "%s", "displayName": "X", "organisationId": "org-a", "roles": [], "participantId": "p-1"}"""
			.formatted(uniqueAddress("x")));
		assertThat(unknownField.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(unknownField.body(), "$.errors[*].field")).containsExactly("participantId");

		String id = create(uniqueAddress("short"), "mentee");
		HttpResponse<String> shortPassword = admin().put("/admin/accounts/" + id + "/password", "{\"password\":\"short\"}");
		assertThat(shortPassword.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(shortPassword.body(), "$.errors[*].field")).containsExactly("password");
		assertThat(shortPassword.body()).doesNotContain("\"short\"");

		HttpResponse<String> noEnabled = admin().put("/admin/accounts/" + id + "/access",
				"{\"organisationId\":\"org-a\",\"roles\":[\"mentee\"]}");
		assertThat(noEnabled.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(noEnabled.body(), "$.errors[*].field")).containsExactly("enabled");

		HttpResponse<String> noEmail = admin().get("/admin/accounts");
		assertThat(noEmail.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(noEmail.body(), "$.errors[*].field")).containsExactly("email");
	}

	@Test
	void anAccountSignsInOnceItHasAPasswordAndHerTokensSpeakForHer() throws Exception {
		String address = uniqueAddress("jelena");
		String id = create(address, "mentee");
		Browser browser = new Browser(port);
		browser.authorize();
		assertThat(Browser.location(browser.signIn(address, "chosen-password-1")))
			.as("no password yet: no sign-in")
			.endsWith("/login?error");

		HttpResponse<String> set = admin().put("/admin/accounts/" + id + "/password",
				"{\"password\":\"chosen-password-1\"}");

		assertThat(set.statusCode()).isEqualTo(204);
		assertThat(JsonPath.<Boolean>read(admin().get("/admin/accounts/" + id).body(), "$.passwordSet")).isTrue();
		Browser.Tokens tokens = new Browser(port).signInAndRedeem(address, "chosen-password-1");
		Jwt accessToken = TokenRequests.decoderFor(baseUrl()).decode(tokens.accessToken());
		assertThat(accessToken.getSubject()).isEqualTo(id);
		assertThat(accessToken.getClaimAsString("org")).isEqualTo("org-kultura-nova");
		assertThat(accessToken.getClaimAsStringList("roles")).containsExactly("mentee");
		Jwt idToken = TokenRequests.anyAudienceDecoderFor(baseUrl()).decode(tokens.idToken());
		assertThat(idToken.getClaimAsString("email")).isEqualTo(address.toLowerCase());
		assertThat(idToken.getClaimAsString("name")).isEqualTo("Nina Marković");
		assertThat(idToken.getClaimAsString("locale")).isEqualTo("sr-Latn");
	}

	@Test
	void aDisabledAccountCannotSignInAndAnEnabledOneCanAgain() throws Exception {
		String address = uniqueAddress("petar");
		String id = createWithPassword(address, "mentor");
		Browser signedInBefore = new Browser(port);
		signedInBefore.signInAndRedeem(address, "chosen-password-1").accessToken();

		assertThat(admin().put("/admin/accounts/" + id + "/access",
				"{\"organisationId\":\"org-kultura-nova\",\"roles\":[\"mentor\"],\"enabled\":false}").statusCode())
			.isEqualTo(204);

		Browser browser = new Browser(port);
		browser.authorize();
		assertThat(Browser.location(browser.signIn(address, "chosen-password-1"))).endsWith("/login?error");
		assertThat(signedInBefore.authorizeAgainAndRedeem().response().statusCode())
			.as("a session from before gets no more tokens")
			.isEqualTo(400);

		admin().put("/admin/accounts/" + id + "/access",
				"{\"organisationId\":\"org-kultura-nova\",\"roles\":[\"mentor\"],\"enabled\":true}");
		assertThat(new Browser(port).signInAndRedeem(address, "chosen-password-1").accessToken()).isNotBlank();
	}

	@Test
	void changedAccessShowsInTheNextToken() throws Exception {
		String address = uniqueAddress("milica");
		String id = createWithPassword(address, "mentee");
		Browser browser = new Browser(port);
		Jwt before = TokenRequests.decoderFor(baseUrl())
			.decode(browser.signInAndRedeem(address, "chosen-password-1").accessToken());
		assertThat(before.getClaimAsStringList("roles")).containsExactly("mentee");

		admin().put("/admin/accounts/" + id + "/access",
				"{\"organisationId\":\"org-skopje-creative-hub\",\"roles\":[\"mentee\",\"mentor\"],\"enabled\":true}");

		Jwt after = TokenRequests.decoderFor(baseUrl()).decode(browser.authorizeAgainAndRedeem().accessToken());
		assertThat(after.getSubject()).isEqualTo(id);
		assertThat(after.getClaimAsString("org")).isEqualTo("org-skopje-creative-hub");
		assertThat(after.getClaimAsStringList("roles")).containsExactly("mentee", "mentor");
		HttpResponse<String> account = admin().get("/admin/accounts/" + id);
		assertThat(JsonPath.<List<String>>read(account.body(), "$.roles")).containsExactly("mentee", "mentor");
		assertThat(JsonPath.<Boolean>read(account.body(), "$.passwordSet")).as("the password is kept").isTrue();
	}

	@Test
	void deletingIsIdempotentAndEndsSigningIn() throws Exception {
		String address = uniqueAddress("goran");
		String id = createWithPassword(address, "mentor");

		assertThat(admin().delete("/admin/accounts/" + id).statusCode()).isEqualTo(204);
		assertThat(admin().delete("/admin/accounts/" + id).statusCode()).isEqualTo(204);

		assertThat(admin().get("/admin/accounts/" + id).statusCode()).isEqualTo(404);
		Browser browser = new Browser(port);
		browser.authorize();
		assertThat(Browser.location(browser.signIn(address, "chosen-password-1"))).endsWith("/login?error");
		assertThat(admin().post("/admin/accounts", newAccount(address, "mentee")).statusCode())
			.as("the address is free again")
			.isEqualTo(201);
	}

	@Test
	void anIntegrationsClientGetsTokensWithItsOrganisationAndRolesUntilItIsRemoved() throws Exception {
		HttpResponse<String> registered = admin().post("/admin/clients",
				"{\"name\":\"Kultura Nova CRM\",\"organisationId\":\"org-kultura-nova\",\"roles\":[\"coordinator\"]}");

		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		assertThat(registered.headers().firstValue("Cache-Control")).hasValueSatisfying(
				value -> assertThat(value).contains("no-store"));
		String clientId = JsonPath.read(registered.body(), "$.clientId");
		String secret = JsonPath.read(registered.body(), "$.clientSecret");
		assertThat(clientId).startsWith("int-");
		assertThat(secret).hasSizeGreaterThanOrEqualTo(32);

		Jwt token = TokenRequests.decoderFor(baseUrl())
			.decode(TokenRequests.accessToken(TokenRequests.clientCredentials(baseUrl(), clientId, secret, Map.of())));
		assertThat(token.getSubject()).isEqualTo(clientId);
		assertThat(token.getAudience()).containsExactly(LocalAuthServer.AUDIENCE);
		assertThat(token.getClaimAsString("org")).isEqualTo("org-kultura-nova");
		assertThat(token.getClaimAsStringList("roles")).containsExactly("coordinator");
		assertThat(TokenRequests.clientCredentials(baseUrl(), clientId, "wrong-secret", Map.of()).statusCode())
			.isEqualTo(401);

		assertThat(admin().delete("/admin/clients/" + clientId).statusCode()).isEqualTo(204);
		assertThat(admin().delete("/admin/clients/" + clientId).statusCode()).isEqualTo(204);
		assertThat(TokenRequests.clientCredentials(baseUrl(), clientId, secret, Map.of()).statusCode()).isEqualTo(401);
	}

	@Test
	void theAdminApiRefusesEveryTokenWithoutTheAccountsScope() throws Exception {
		String persona = TokenRequests.accessToken(TokenRequests.clientCredentials(baseUrl(), "admin", "demo", Map.of()));
		String person = new Browser(port).signInAndRedeem("coordinator.hr", "demo").accessToken();
		String noScope = TokenRequests.accessToken(
				TokenRequests.clientCredentials(baseUrl(), AdminApi.CLIENT_ID, AdminApi.CLIENT_SECRET, Map.of()));

		assertThat(admin().send("GET", "/admin/accounts/any", null, null).statusCode()).isEqualTo(401);
		assertThat(admin().send("GET", "/admin/accounts/any", null, "not-a-token").statusCode()).isEqualTo(401);
		for (String token : List.of(persona, person, noScope)) {
			assertThat(admin().send("GET", "/admin/accounts?email=admin@example.org", null, token).statusCode())
				.isEqualTo(403);
			assertThat(admin().send("POST", "/admin/clients",
					"{\"name\":\"x\",\"organisationId\":\"org-a\",\"roles\":[\"admin\"]}", token).statusCode())
				.isEqualTo(403);
		}
	}

	@Test
	void anIntegrationsTokenDoesNotOpenTheAdminApi() throws Exception {
		HttpResponse<String> registered = admin().post("/admin/clients",
				"{\"name\":\"Reports\",\"organisationId\":\"org-a\",\"roles\":[\"admin\"]}");
		String token = TokenRequests.accessToken(TokenRequests.clientCredentials(baseUrl(),
				JsonPath.read(registered.body(), "$.clientId"), JsonPath.read(registered.body(), "$.clientSecret"),
				Map.of()));

		assertThat(admin().send("DELETE", "/admin/accounts/" + UUID.randomUUID(), null, token).statusCode())
			.isEqualTo(403);
		assertThat(TokenRequests.clientCredentials(baseUrl(), JsonPath.read(registered.body(), "$.clientId"),
				JsonPath.read(registered.body(), "$.clientSecret"), Map.of("scope", "accounts")).statusCode())
			.as("nor may it ask for the scope")
			.isEqualTo(400);
	}

	private String create(String address, String role) throws Exception {
		HttpResponse<String> created = admin().post("/admin/accounts", newAccount(address, role));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonPath.read(created.body(), "$.id");
	}

	private String createWithPassword(String address, String role) throws Exception {
		String id = create(address, role);
		assertThat(admin().put("/admin/accounts/" + id + "/password", "{\"password\":\"chosen-password-1\"}")
			.statusCode()).isEqualTo(204);
		return id;
	}

	private static String newAccount(String address, String role) {
		return """
				{"email": "%s", "displayName": "Nina Marković", "locale": "sr-Latn",
				 "organisationId": "org-kultura-nova", "roles": ["%s"]}""".formatted(address, role);
	}

	private static String uniqueAddress(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
	}

	private AdminApi admin() {
		if (admin == null) {
			admin = new AdminApi(port);
		}
		return admin;
	}

	private String baseUrl() {
		return "http://localhost:" + port;
	}

}
