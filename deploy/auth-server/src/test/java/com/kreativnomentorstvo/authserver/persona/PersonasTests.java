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

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class PersonasTests {

	/** The contract every issuer follows; the module sits in deploy/auth-server. */
	private static final Path CONTRACT = Path.of("../demo-personas.md");

	private final Personas demo = Personas.load(new ClassPathResource("personas.yml"));

	@Test
	void demoPersonasAreExactlyTheContractTable() throws IOException {
		assumeTrue(Files.exists(CONTRACT), "deploy/demo-personas.md is not next to this module");
		List<Persona> table = Files.readAllLines(CONTRACT)
			.stream()
			.filter(line -> line.startsWith("| ") && line.split("\\|", -1).length == 6)
			.map(line -> Arrays.stream(line.split("\\|", -1)).map(String::strip).toList())
			.filter(cells -> !cells.get(1).equals("username"))
			.map(cells -> new Persona(cells.get(1), "demo", cells.get(3), List.of(cells.get(2).split(",\\s*")),
					cells.get(4)))
			.toList();

		assertThat(table).hasSize(13);
		assertThat(demo.all()).containsExactlyElementsOf(table);
	}

	@Test
	void everyDemoPasswordIsThePlainLocalDefault() {
		assertThat(demo.all()).allSatisfy(persona -> assertThat(persona.encodedPassword()).isEqualTo("{noop}demo"));
	}

	@Test
	void hashedPasswordsAreKeptAsTheyAre() {
		Persona persona = new Persona("admin", "{bcrypt}$2a$10$abc", "org-a", List.of("admin"), null);

		assertThat(persona.encodedPassword()).isEqualTo("{bcrypt}$2a$10$abc");
		assertThat(persona.toString()).doesNotContain("bcrypt");
	}

	@Test
	void onlyMentorsAndMenteesCarryAParticipantId() {
		assertThat(demo.find("coordinator.hr")).hasValueSatisfying(p -> assertThat(p.participantId()).isNull());
		assertThat(demo.find("mentee.sara")).hasValueSatisfying(
				p -> assertThat(p.participantId()).isEqualTo("p-demo-mentee-3"));
	}

	@Test
	void aMentorWithoutParticipantIdIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Persona("mentor.x", "demo", "org-a", List.of("mentor"), " "))
			.withMessageContaining("participant-id");
	}

	@Test
	void anUnknownRoleIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Persona("boss", "demo", "org-a", List.of("superuser"), null))
			.withMessageContaining("unknown role 'superuser'");
	}

	@Test
	void aUsernameListedTwiceIsRefused() {
		Persona admin = new Persona("admin", "demo", "org-a", List.of("admin"), null);

		assertThatIllegalArgumentException().isThrownBy(() -> Personas.of(List.of(admin, admin)))
			.withMessageContaining("admin is listed twice");
	}

	@Test
	void aFileWithoutPersonasIsRefused() {
		ByteArrayResource yaml = new ByteArrayResource("users: []\n".getBytes(), "empty.yml");

		assertThatThrownBy(() -> Personas.load(yaml)).hasMessageContaining("no 'personas:' list");
	}

	@Test
	void theExampleIsTheFirstCoordinator() {
		assertThat(demo.example()).map(Persona::username).hasValue("coordinator.rs");
	}

}
