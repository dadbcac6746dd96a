package com.kreativnomentorstvo.authserver.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import com.jayway.jsonpath.JsonPath;

class PersonasTests {

	/** The contract every issuer follows; the module sits in deploy/auth-server. */
	private static final Path CONTRACT = Path.of("../demo-personas.md");

	/** The demo participants the local launcher loads. */
	private static final Path DEMO_PARTICIPANTS = Path.of("../local/src/main/resources/demo/participants.json");

	private final Personas demo = Personas.load(new ClassPathResource("personas.yml"));

	/** What the contract's table says of a persona. */
	record Row(String username, List<String> roles, String org, String email, String accountId) {

		static Row of(Persona persona) {
			return new Row(persona.username(), persona.roles(), persona.org(), persona.email(), persona.accountId());
		}

	}

	@Test
	void demoPersonasAreExactlyTheContractTable() throws IOException {
		assumeTrue(Files.exists(CONTRACT), "deploy/demo-personas.md is not next to this module");
		List<Row> table = Files.readAllLines(CONTRACT)
			.stream()
			.filter(line -> line.startsWith("| ") && line.split("\\|", -1).length == 7)
			.map(line -> Arrays.stream(line.split("\\|", -1)).map(String::strip).toList())
			.filter(cells -> !cells.get(1).equals("username"))
			.map(cells -> new Row(cells.get(1), List.of(cells.get(2).split(",\\s*")), cells.get(3), cells.get(4),
					cells.get(5)))
			.toList();

		assertThat(table).hasSize(13);
		assertThat(demo.all().stream().map(Row::of).toList()).containsExactlyElementsOf(table);
	}

	@Test
	void mentorsAndMenteesHaveTheAddressesOfTheDemoParticipants() throws IOException {
		assumeTrue(Files.exists(DEMO_PARTICIPANTS), "deploy/local is not next to this module");
		List<Map<String, Object>> participants = JsonPath.read(Files.readString(DEMO_PARTICIPANTS), "$[*]");

		List<String> expected = participants.stream()
			.map(p -> p.get("email") + " " + p.get("organisationId") + " "
					+ p.get("role").toString().toLowerCase(Locale.ROOT) + " " + p.get("displayName"))
			.toList();
		List<String> personas = demo.all()
			.stream()
			.filter(p -> p.roles().contains("mentor") || p.roles().contains("mentee"))
			.map(p -> p.email() + " " + p.org() + " " + p.roles().get(0) + " " + p.displayName())
			.toList();
		assertThat(personas).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void aPersonasAccountIdIsTheNameBasedUuidOfItsUsername() {
		assertThat(demo.find("admin")).hasValueSatisfying(
				admin -> assertThat(admin.accountId()).isEqualTo("21232f29-7a57-35a7-8389-4a0e4a801fc3"));
		assertThat(Persona.accountIdOf("mentee.sara")).isEqualTo(Persona.accountIdOf("mentee.sara"))
			.isNotEqualTo(Persona.accountIdOf("mentee.luka"));
	}

	@Test
	void everyDemoPasswordIsThePlainLocalDefault() {
		assertThat(demo.all()).allSatisfy(persona -> assertThat(persona.encodedPassword()).isEqualTo("{noop}demo"));
	}

	@Test
	void hashedPasswordsAreKeptAsTheyAre() {
		Persona persona = new Persona("admin", "{bcrypt}$2a$10$abc", "admin@example.org", null, null, "org-a",
				List.of("admin"));

		assertThat(persona.hashed()).isTrue();
		assertThat(persona.encodedPassword()).isEqualTo("{bcrypt}$2a$10$abc");
		assertThat(persona.toString()).doesNotContain("bcrypt");
	}

	@Test
	void aPersonaWithoutNameOrLocaleIsCalledByItsUsernameInEnglish() {
		Persona persona = new Persona("coordinator.x", "demo", "x@example.org", " ", null, "org-a",
				List.of("coordinator"));

		assertThat(persona.displayName()).isEqualTo("coordinator.x");
		assertThat(persona.locale()).isEqualTo("en");
	}

	@Test
	void aPersonaWithoutAddressIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Persona("mentor.x", "demo", " ", null, null, "org-a", List.of("mentor")))
			.withMessageContaining("needs an email address");
	}

	@Test
	void anUnknownRoleIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Persona("boss", "demo", "boss@example.org", null, null, "org-a", List.of("superuser")))
			.withMessageContaining("unknown role 'superuser'");
	}

	@Test
	void aUsernameOrAnAddressListedTwiceIsRefused() {
		Persona admin = new Persona("admin", "demo", "admin@example.org", null, null, "org-a", List.of("admin"));
		Persona sameAddress = new Persona("root", "demo", "ADMIN@example.org", null, null, "org-a", List.of("admin"));

		assertThatIllegalArgumentException().isThrownBy(() -> Personas.of(List.of(admin, admin)))
			.withMessageContaining("admin is listed twice");
		assertThatIllegalArgumentException().isThrownBy(() -> Personas.of(List.of(admin, sameAddress)))
			.withMessageContaining("share an email address");
	}

	@Test
	void aFileWithoutPersonasIsRefused() {
		ByteArrayResource yaml = new ByteArrayResource("users: []\n".getBytes(), "empty.yml");

		assertThatThrownBy(() -> Personas.load(yaml)).hasMessageContaining("no 'personas:' list");
	}

	@Test
	void theExampleIsTheFirstCoordinator() {
		assertThat(demo.example()).map(Persona::username).hasValue("coordinator.rs");
		assertThat(Personas.none().example()).isEmpty();
	}

}
