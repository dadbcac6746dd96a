package com.kreativnomentorstvo.matching.scoring;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.matching.fixture.Profiles;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ScorerTests {

	private static final Instant WINTER = Instant.parse("2026-01-15T10:00:00Z");

	private final Scorer scorer = new Scorer(ScoringPolicy.defaults(), WINTER, ZoneId.of("Europe/Belgrade"));

	@Property(tries = 300)
	void everyCriterionIsExplainedAndTheContributionsAddUpToTheScore(@ForAll long seed,
			@ForAll @IntRange(min = 0, max = 100) int goals, @ForAll @IntRange(min = 0, max = 100) int availability,
			@ForAll @IntRange(min = 0, max = 100) int timezone, @ForAll @IntRange(min = 0, max = 100) int country,
			@ForAll @IntRange(min = 0, max = 100) int preferences) {
		Random random = new Random(seed);
		Map<Criterion, Integer> weights = new EnumMap<>(Map.of(Criterion.GOALS, goals, Criterion.AVAILABILITY,
				availability, Criterion.TIMEZONE, timezone, Criterion.COUNTRY, country, Criterion.PREFERENCES, preferences));
		CrossBorder stance = CrossBorder.values()[random.nextInt(3)];
		Scorer randomScorer = new Scorer(new ScoringPolicy(weights, stance, true), WINTER, ZoneId.of("UTC"));
		Candidate mentee = randomScorer.candidate(randomPerson(aMentee(), random).profile());
		Candidate mentor = randomScorer.candidate(randomPerson(aMentor(), random).profile());

		Explanation explanation = randomScorer.explain(mentee, mentor);

		assertThat(explanation.contributions()).extracting(CriterionPoints::criterion)
			.containsExactly(Criterion.values());
		assertThat(explanation.contributions().stream().mapToInt(CriterionPoints::points).sum())
			.isEqualTo(explanation.score())
			.isEqualTo(randomScorer.score(mentee, mentor));
		assertThat(explanation.score()).isBetween(0, ScoringPolicy.FULL_SCORE);
		assertThat(explanation.contributions()).allSatisfy(line -> {
			assertThat(line.points()).isBetween(0, line.maxPoints());
			assertThat(line.explanation()).isNotBlank();
			// the same reason as codes for a reader's language, never with a person's name or id in it
			assertThat(line.because()).isNotEmpty()
				.allSatisfy(reason -> assertThat(reason.code()).matches("[a-z]+(-[a-z]+)+"))
				.allSatisfy(reason -> assertThat(reason.args()).allSatisfy(arg -> assertThat(arg).hasSizeLessThan(20)));
		});
		int[] max = randomScorer.maxPoints();
		int weightSum = goals + availability + timezone + preferences + (stance == CrossBorder.NEUTRAL ? 0 : country);
		assertThat(java.util.Arrays.stream(max).sum()).isEqualTo(weightSum == 0 ? 0 : ScoringPolicy.FULL_SCORE);
	}

	@Test
	void aPairThatSharesNoLanguageIsBlocked() {
		assertThat(blockedBy(aMentee().speaking("sl"), aMentor().speaking("mk", "sr-Latn")))
			.isEqualTo(HardConstraint.LANGUAGE);
		assertThat(blockedBy(aMentee().speaking("sl", "en"), aMentor().speaking("mk", "EN"))).isNull();
	}

	@Test
	void serbianInCyrillicAndInLatinIsOneLanguage() {
		assertThat(blockedBy(aMentee().speaking("sr-Cyrl"), aMentor().speaking("sr-Latn", "mk"))).isNull();
		assertThat(blockedBy(aMentee().speaking("en-GB"), aMentor().speaking("en"))).isNull();
		assertThat(blockedBy(aMentee().speaking("sr-Cyrl"), aMentor().speaking("hr", "mk")))
			.as("another language of the region is not Serbian")
			.isEqualTo(HardConstraint.LANGUAGE);
	}

	@Test
	void inPersonNeedsTheOtherToMeetInPersonInTheSameCity() {
		Profiles mentee = aMentee().meeting(Format.IN_PERSON).in("HR", "Zagreb");
		assertThat(blockedBy(mentee, aMentor().meeting(Format.ONLINE).in("HR", "Zagreb")))
			.isEqualTo(HardConstraint.FORMAT);
		assertThat(blockedBy(mentee, aMentor().meeting(Format.HYBRID).in("HR", "Split")))
			.isEqualTo(HardConstraint.LOCATION);
		assertThat(blockedBy(mentee, aMentor().meeting(Format.IN_PERSON).in("SI", "Zagreb")))
			.isEqualTo(HardConstraint.LOCATION);
		assertThat(blockedBy(mentee, aMentor().meeting(Format.HYBRID).in("HR", "zagreb"))).isNull();
		assertThat(blockedBy(mentee, aMentor().meeting(Format.IN_PERSON).in("HR", null))).isNull();
		assertThat(blockedBy(aMentee().meeting(Format.HYBRID).in("RS", "Novi Sad"),
				aMentor().meeting(Format.ONLINE).in("MK", "Skopje"))).isNull();
	}

	@Test
	void theSameOrganisationIsBlockedOnlyWhenThePolicySaysSo() {
		Profiles mentee = aMentee().of("org-kultura-nova");
		Profiles mentor = aMentor().of("org-kultura-nova");
		assertThat(blockedBy(mentee, mentor)).isNull();
		Scorer strict = new Scorer(new ScoringPolicy(Map.of(), CrossBorder.NEUTRAL, false), WINTER, ZoneId.of("UTC"));
		assertThat(strict.blockedBy(strict.candidate(mentee.profile()), strict.candidate(mentor.profile())))
			.isEqualTo(HardConstraint.ORGANISATION);
	}

	@Test
	void goalsCountByPriorityAndTheMentorsLevel() {
		Profiles mentee = aMentee().skill("digital-tools", 4).skill("fundraising", 1);
		Explanation full = explain(mentee, aMentor().skill("digital-tools", 5).skill("fundraising", 5));
		Explanation half = explain(mentee, aMentor().skill("digital-tools", 5));
		Explanation none = explain(mentee, aMentor().skill("community-engagement", 5));

		assertThat(points(full, Criterion.GOALS)).isEqualTo(maxPoints(Criterion.GOALS));
		// priorities 4 and 1 at level 5 and 0: 20 of 25
		assertThat(points(half, Criterion.GOALS)).isEqualTo(maxPoints(Criterion.GOALS) * 20 / 25);
		assertThat(points(none, Criterion.GOALS)).isZero();
		assertThat(line(half, Criterion.GOALS).explanation()).contains("cover 1 of 2 goals");
	}

	@Test
	void weeklyTimeInCommonCountsAcrossTimeZones() {
		// 18:00–20:00 in Skopje is 17:00–19:00 UTC in winter; 17:00–18:00 UTC in London is the first hour of it
		Profiles mentee = aMentee().zone("Europe/Skopje").available(DayOfWeek.TUESDAY, "18:00", "20:00");
		Profiles mentor = aMentor().zone("Europe/London").available(DayOfWeek.TUESDAY, "17:00", "18:00");

		Explanation explanation = explain(mentee, mentor);

		assertThat(points(explanation, Criterion.AVAILABILITY)).isEqualTo(maxPoints(Criterion.AVAILABILITY) / 2);
		assertThat(line(explanation, Criterion.AVAILABILITY).explanation()).startsWith("1 h a week in common");
		assertThat(line(explanation, Criterion.TIMEZONE).explanation()).isEqualTo("time zones 1 h apart");
	}

	@Test
	void aStatedPreferenceOrAvoidanceMovesThePreferencePoints() {
		Profiles mentor = aMentor();
		int neutral = points(explain(aMentee(), mentor), Criterion.PREFERENCES);
		int asked = points(explain(aMentee().prefers(mentor.id()), mentor), Criterion.PREFERENCES);
		int avoided = points(explain(aMentee(), aMentor().avoids("someone-else")), Criterion.PREFERENCES);
		Profiles mentee = aMentee();
		int avoidedByMentor = points(explain(mentee, aMentor().avoids(mentee.id())), Criterion.PREFERENCES);

		assertThat(asked).isEqualTo(maxPoints(Criterion.PREFERENCES));
		assertThat(neutral).isEqualTo(maxPoints(Criterion.PREFERENCES) / 2).isEqualTo(avoided);
		assertThat(avoidedByMentor).isZero();
	}

	@Test
	void crossBorderPreferenceRewardsDifferentCountries() {
		Scorer crossBorder = new Scorer(new ScoringPolicy(Map.of(), CrossBorder.PREFER, true), WINTER,
				ZoneId.of("UTC"));
		Candidate mentee = crossBorder.candidate(aMentee().in("RS", "Beograd").profile());

		int abroad = crossBorder.score(mentee, crossBorder.candidate(aMentor().in("SI", "Ljubljana").profile()));
		int home = crossBorder.score(mentee, crossBorder.candidate(aMentor().in("RS", "Beograd").profile()));

		assertThat(abroad - home).isEqualTo(crossBorder.maxPoints()[Criterion.COUNTRY.ordinal()]).isPositive();
	}

	private HardConstraint blockedBy(Profiles mentee, Profiles mentor) {
		return scorer.blockedBy(scorer.candidate(mentee.profile()), scorer.candidate(mentor.profile()));
	}

	private Explanation explain(Profiles mentee, Profiles mentor) {
		return scorer.explain(scorer.candidate(mentee.profile()), scorer.candidate(mentor.profile()));
	}

	private int maxPoints(Criterion criterion) {
		return scorer.maxPoints()[criterion.ordinal()];
	}

	private static CriterionPoints line(Explanation explanation, Criterion criterion) {
		return explanation.contributions().get(criterion.ordinal());
	}

	private static int points(Explanation explanation, Criterion criterion) {
		return line(explanation, criterion).points();
	}

	private static Profiles randomPerson(Profiles person, Random random) {
		String[] codes = { "digital-tools", "fundraising", "production", "management", "community" };
		String[] zones = { "Europe/Belgrade", "Europe/London", "Asia/Kathmandu", "America/New_York", "" };
		String[] countries = { "RS", "HR", "MK", "SI" };
		person.in(countries[random.nextInt(4)], random.nextBoolean() ? null : "City" + random.nextInt(3))
			.zone(zones[random.nextInt(zones.length)]);
		for (int k = random.nextInt(4); k > 0; k--) {
			person.skill(codes[random.nextInt(codes.length)], 1 + random.nextInt(5));
		}
		for (int k = random.nextInt(3); k > 0; k--) {
			int from = random.nextInt(22 * 60);
			person.available(DayOfWeek.of(1 + random.nextInt(7)),
					String.format("%02d:%02d", from / 60, from % 60),
					String.format("%02d:%02d", (from + 37 + random.nextInt(120)) / 60 % 24,
							(from + 37 + random.nextInt(120)) % 60));
		}
		if (random.nextInt(4) == 0) {
			person.avoids("someone");
		}
		return person;
	}

}
