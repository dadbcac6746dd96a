package com.kreativnomentorstvo.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import com.kreativnomentorstvo.authserver.account.Accounts;
import com.kreativnomentorstvo.authserver.persona.Persona;

@RealInstance
class RealInstanceIT {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void withoutAPersonasFileNoPersonaIsAnAccountOrAClient() throws Exception {
		assertThat(accounts.findByUsername("coordinator.rs")).isEmpty();
		assertThat(accounts.find(Persona.accountIdOf("coordinator.rs"))).isEmpty();
		assertThat(accounts.findByEmail("ana.petrovic@example.org")).isEmpty();
		assertThat(clients.findByClientId("coordinator.rs")).isNull();

		HttpResponse<String> token = TokenRequests.clientCredentials(baseUrl(), "coordinator.rs", "demo", Map.of());
		assertThat(token.statusCode()).isEqualTo(401);
		Browser browser = new Browser(port);
		browser.authorize();
		assertThat(Browser.location(browser.signIn("coordinator.rs", "demo"))).endsWith("/login?error");
	}

	@Test
	void theLandingPageAndTheLoginFormExplainSigningInWithoutPersonas() throws Exception {
		Browser browser = new Browser(port);

		String landing = browser.get(baseUrl() + "/").body();
		String login = browser.get(baseUrl() + "/login").body();

		assertThat(landing).contains("e-mail address and password", "http://localhost:8080/account/reset")
			.doesNotContain("coordinator.rs", "demo</code>", "curl");
		assertThat(login).contains("Forgot your password?").doesNotContain("coordinator.rs");
	}

	@Test
	void theBootstrapAdministratorSignsInWithHerAddress() throws Exception {
		Browser.Tokens tokens = new Browser(port).signInAndRedeem(RealInstance.ADMIN_EMAIL, RealInstance.ADMIN_PASSWORD);

		Jwt accessToken = TokenRequests.decoderFor(baseUrl()).decode(tokens.accessToken());
		assertThat(accessToken.getSubject())
			.isEqualTo(accounts.findByEmail(RealInstance.ADMIN_EMAIL).orElseThrow().id());
		assertThat(accessToken.getClaimAsString("org")).isEqualTo(RealInstance.ADMIN_ORG);
		assertThat(accessToken.getClaimAsStringList("roles")).containsExactly("admin");
	}

	@Test
	void theAccountsClientManagesAccountsOnARealInstanceToo() throws Exception {
		AdminApi admin = new AdminApi(port);

		HttpResponse<String> found = admin.get("/admin/accounts?email=root@platform.example");

		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("\"roles\":[\"admin\"]", "\"passwordSet\":true");
	}

	private String baseUrl() {
		return "http://localhost:" + port;
	}

}
