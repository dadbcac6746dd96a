package com.kreativnomentorstvo.matching.it;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.MatchingCriterion;
import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.matching.fixture.Profiles;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/** Runs keep their inputs and settings, so they can be replayed with other settings and compared. */
class MatchingRunIT extends MatchingIntegrationTest {

	@Test
	void aWhatIfRunReusesTheInputsOfAnEarlierRunWithOtherWeightsAndIsComparedWithIt() {
		double runsBefore = timedRuns();
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee().skill("digital-tools", 5);
		Profiles vesna = aMentor().skill("digital-tools", 5).capacity(1);
		Profiles zoran = aMentor().skill("fundraising", 5).capacity(1);
		ana.prefers(zoran.id());
		enrol(programme, ana, vesna, zoran);
		Reply first = api().post(runs(programme), coordinator(programme),
				Map.of("weights", Map.of("goals", 100, "preferences", 0)));
		assertThat(MatchLifecycleIT.mentorOf(first.json(), ana.id())).isEqualTo(vesna.id());
		Profiles late = aMentee();
		enrol(programme, late);

		Reply whatIf = api().post(runs(programme), coordinator(programme),
				Map.of("basedOn", first.text("id"), "weights", Map.of("goals", 0, "preferences", 100)));

		assertThat(whatIf.status()).isEqualTo(201);
		assertThat(whatIf.text("basedOn")).isEqualTo(first.text("id"));
		assertThat(whatIf.json().get("settings").get("scoredAt"))
			.isEqualTo(first.json().get("settings").get("scoredAt"));
		assertThat(whatIf.json().get("summary").get("mentees").asInt()).isEqualTo(1);
		assertThat(MatchLifecycleIT.mentorOf(whatIf.json(), ana.id())).isEqualTo(zoran.id());
		Reply comparison = api().get(
				runs(programme) + "/" + first.text("id") + "/comparison?with=" + whatIf.text("id"), coordinator(programme));
		assertThat(comparison.status()).isEqualTo(200);
		assertThat(comparison.json().get("samePairs").asInt()).isZero();
		assertThat(comparison.json().get("changes")).singleElement().satisfies(change -> {
			assertThat(change.get("mentorInRun").asString()).isEqualTo(vesna.id());
			assertThat(change.get("mentorInOther").asString()).isEqualTo(zoran.id());
		});
		Reply replay = api().post(runs(programme), coordinator(programme), Map.of("basedOn", first.text("id")));
		assertThat(replay.json().get("proposals")).isEqualTo(first.json().get("proposals"));
		assertThat(api().post(runs(programme), coordinator(programme), Map.of()).json().get("summary").get("mentees")
			.asInt()).isEqualTo(2);
		// each of the four runs was timed on /actuator/prometheus
		assertThat(timedRuns()).isGreaterThanOrEqualTo(runsBefore + 4);
	}

	@Test
	void aCriterionThePolicyWeighsAtZeroContributesNothingToAnyScore() {
		Map<String, Integer> weights = Map.of("goals", 60, "availability", 0, "timezone", 0, "country", 40,
				"preferences", 0);
		TestProgramme weighed = aProgramme(new MatchingPolicy(weights, true, "PREFER", 2, 7, false));
		TestProgramme byDefault = aProgramme(new MatchingPolicy(Map.of(), true, "PREFER", 2, 7, false));
		for (TestProgramme programme : List.of(weighed, byDefault)) {
			Profiles ana = aMentee().skill("digital-tools", 5).in("RS", "Beograd");
			Profiles boris = aMentee().skill("fundraising", 4).in("HR", "Zagreb");
			Profiles vesna = aMentor().skill("digital-tools", 5).in("SI", "Ljubljana").capacity(1);
			Profiles zoran = aMentor().skill("fundraising", 5).in("MK", "Skopje").capacity(1);
			ana.prefers(vesna.id());
			enrol(programme, ana, boris, vesna, zoran);
		}

		Reply run = api().post(runs(weighed), coordinator(weighed), Map.of());
		Reply reference = api().post(runs(byDefault), coordinator(byDefault), Map.of());

		assertThat(run.json().get("settings").get("weights").properties()).extracting(Map.Entry::getKey)
			.containsExactlyElementsOf(MatchingCriterion.codes());
		Map<String, Double> points = pointsByCriterion(run);
		assertThat(points).containsEntry("availability", 0.0).containsEntry("timezone", 0.0)
			.containsEntry("preferences", 0.0);
		assertThat(points.get("goals")).isPositive();
		assertThat(points.get("country")).isPositive();
		// the same people under the default weights: these criteria do give points, so the zeros above are the policy's
		Map<String, Double> referencePoints = pointsByCriterion(reference);
		assertThat(referencePoints.get("timezone")).isPositive();
		assertThat(referencePoints.get("preferences")).isPositive();
	}

	/** Every proposal's points per criterion, added up; each proposal's contributions add up to its score. */
	private static Map<String, Double> pointsByCriterion(Reply run) {
		assertThat(run.status()).as(run.toString()).isEqualTo(201);
		assertThat(run.json().get("proposals")).isNotEmpty();
		Map<String, Double> points = new java.util.HashMap<>();
		for (JsonNode proposal : run.json().get("proposals")) {
			BigDecimal sum = BigDecimal.ZERO;
			for (JsonNode line : proposal.get("contributions")) {
				sum = sum.add(line.get("points").decimalValue());
				points.merge(line.get("criterion").asString(), line.get("points").asDouble(), Double::sum);
			}
			assertThat(sum).isEqualByComparingTo(proposal.get("score").decimalValue());
		}
		return points;
	}

	/** How many runs the {@code mentoring.matching.run} timer has seen, as Prometheus reads it. */
	private double timedRuns() {
		String scraped = api().get("/actuator/prometheus", null).body();
		Matcher count = Pattern.compile("(?m)^mentoring_matching_run_seconds_count(\\{[^}]*})? (\\S+)$").matcher(scraped);
		assertThat(count.find()).as("mentoring_matching_run_seconds_count on /actuator/prometheus").isTrue();
		assertThat(scraped).contains("mentoring_matching_run_seconds_max");
		return Double.parseDouble(count.group(2));
	}

	@Test
	void fairnessFirstNeverLowersTheWorstPairAndIsRecorded() {
		TestProgramme programme = aProgramme();
		for (int k = 0; k < 6; k++) {
			enrol(programme, aMentee().skill(k % 2 == 0 ? "digital-tools" : "fundraising", 1 + k % 5),
					aMentor().skill(k % 3 == 0 ? "digital-tools" : "fundraising", 1 + (k * 2) % 5).capacity(1));
		}
		Reply total = api().post(runs(programme), coordinator(programme), Map.of("fairnessFirst", false));

		Reply fair = api().post(runs(programme), coordinator(programme),
				Map.of("basedOn", total.text("id"), "fairnessFirst", true));

		assertThat(fair.json().get("summary").get("objective").asString()).isEqualTo("FAIRNESS_FIRST");
		assertThat(fair.json().get("summary").get("matched").asInt())
			.isEqualTo(total.json().get("summary").get("matched").asInt());
		assertThat(fair.json().get("summary").get("worstChosenScore").decimalValue())
			.isGreaterThanOrEqualTo(total.json().get("summary").get("worstChosenScore").decimalValue());
		assertThat(fair.json().get("summary").get("totalScore").decimalValue())
			.isLessThanOrEqualTo(total.json().get("summary").get("totalScore").decimalValue());
	}

	@Test
	void aRunIsPublishedOnceAndListedWithoutItsPairs() {
		TestProgramme programme = aProgramme();
		enrol(programme, aMentee(), aMentor());
		String runId = api().post(runs(programme), coordinator(programme), Map.of()).text("id");

		assertThat(api().post(runs(programme) + "/" + runId + "/publish", coordinator(programme), null).status())
			.isEqualTo(200);
		Reply again = api().post(runs(programme) + "/" + runId + "/publish", coordinator(programme), null);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("urn:mentoring:problem:already-published");
		Reply list = api().get(runs(programme) + "?size=5", coordinator(programme));
		assertThat(list.json().get("total").asInt()).isEqualTo(1);
		assertThat(list.json().get("items").get(0).get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(list.json().get("items").get(0).has("proposals")).isFalse();
	}

	private static String runs(TestProgramme programme) {
		return "/api/v1/programmes/" + programme.id() + "/matching-runs";
	}

}
