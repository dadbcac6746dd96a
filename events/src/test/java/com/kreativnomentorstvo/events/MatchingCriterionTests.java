package com.kreativnomentorstvo.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.MatchingCriterion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MatchingCriterionTests {

	@Test
	void aPolicyHoldsEveryCriterionInOrderThoseLeftOutAtTheirDefault() {
		assertThat(MatchingCriterion.complete(Map.of("country", 0, "goals", 70)))
			.containsExactly(Map.entry("goals", 70), Map.entry("availability", 20), Map.entry("timezone", 10),
					Map.entry("country", 0), Map.entry("preferences", 15));
		assertThat(MatchingCriterion.defaults().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
	}

	@Test
	void namesFromBeforeTheListAreDropped() {
		assertThat(MatchingCriterion.complete(Map.of("crossBorder", 20, "language", 10, "goals", 50)))
			.containsOnlyKeys(MatchingCriterion.codes())
			.containsEntry("goals", 50);
		assertThat(MatchingCriterion.ofCode("language")).isEmpty();
		assertThat(MatchingCriterion.ofCode("timezone")).contains(MatchingCriterion.TIMEZONE);
	}

	@Test
	void thePublishedExamplesWeighOnlyTheCriteria() throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		for (String example : List.of("mentoring.programme.created.v1.json", "mentoring.programme.updated.v1.json")) {
			try (InputStream in = getClass().getResourceAsStream("/examples/" + example)) {
				List<String> names = new ArrayList<>();
				JsonNode weights = json.readTree(in).findValue("weights");
				weights.propertyNames().forEach(names::add);
				assertThat(names).as(example).isNotEmpty().isSubsetOf(MatchingCriterion.codes());
			}
		}
	}

}
