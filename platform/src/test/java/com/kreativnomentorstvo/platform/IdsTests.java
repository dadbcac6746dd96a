package com.kreativnomentorstvo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTests {

	/** What every service's API accepts as an id. */
	private static final String ACCEPTED = "(?=.{2,64}$)[a-z0-9]+(-[a-z0-9]+)*";

	@Test
	void aNewIdNamesItsKindAndIsAcceptedAsAnIdByEveryApi() {
		String id = Ids.next("ses");

		assertThat(id).startsWith("ses-").hasSize(4 + 16).matches(ACCEPTED);
	}

	@Test
	void newIdsDoNotRepeat() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(Ids.next("p"));
		}

		assertThat(ids).hasSize(10_000);
	}

	@Test
	void aDerivedIdIsTheSameForTheSamePartsAndKeepsTheFormStoredRecordsAlreadyHave() {
		String id = Ids.derived("rev", "mentorship-1", "MIDTERM", "p-ana");

		assertThat(id).isEqualTo(Ids.derived("rev", "mentorship-1", "MIDTERM", "p-ana"))
			.isEqualTo("rev-" + UUID.nameUUIDFromBytes("mentorship-1/MIDTERM/p-ana".getBytes(StandardCharsets.UTF_8)))
			.isNotEqualTo(Ids.derived("rev", "mentorship-1", "FINAL", "p-ana"))
			.matches(ACCEPTED);
	}

}
