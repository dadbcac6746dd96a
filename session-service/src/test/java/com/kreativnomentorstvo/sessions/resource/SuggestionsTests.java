package com.kreativnomentorstvo.sessions.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.sessions.resource.Suggestions.PairGoal;

/** The order a pair is offered resources in: its language, then its goals met, then the newest. */
class SuggestionsTests {

	static final Instant T0 = Instant.parse("2027-01-10T10:00:00Z");

	static final List<PairGoal> GOALS = List.of(PairGoal.ofCode("digital-tools"),
			PairGoal.ofCode("community-engagement"), PairGoal.ofWords("Plan transnational programmes!"));

	@Test
	void moreGoalsMetComeFirstThenTheNewest() {
		LibraryResource oldTwo = resource("en", 0, "digital-tools", "community-engagement");
		LibraryResource newOne = resource("en", 2, "digital-tools");
		LibraryResource oldOne = resource("en", 1, "community-engagement");
		LibraryResource newest = resource("en", 3);

		assertThat(order(List.of(newest, oldOne, newOne, oldTwo), "en")).containsExactly(oldTwo, newOne, oldOne, newest);
	}

	@Test
	void theReadersLanguageComesBeforeEveryGoal() {
		LibraryResource serbianAll = resource("sr-Latn", 5, "digital-tools", "community-engagement",
				"transnational-programmes");
		LibraryResource englishNone = resource("en", 0);

		assertThat(order(List.of(serbianAll, englishNone), "en")).containsExactly(englishNone, serbianAll);
		assertThat(order(List.of(englishNone, serbianAll), "sr-Latn")).containsExactly(serbianAll, englishNone);
	}

	@Test
	void aGoalThePairWroteIsMetByATagItsWordsName() {
		assertThat(Suggestions.goalsMet(resource("en", 0, "transnational-programmes"), GOALS)).isEqualTo(1);
		assertThat(Suggestions.goalsMet(resource("en", 0, "transnational"), GOALS)).isEqualTo(1);
		assertThat(Suggestions.goalsMet(resource("en", 0, "programmes-abroad"), GOALS)).isZero();
		assertThat(Suggestions.goalsMet(resource("en", 0, "digital-tools", "transnational-programmes"), GOALS))
			.isEqualTo(2);
		assertThat(Suggestions.goalsMet(resource("en", 0, "digital-tools"), List.of())).isZero();
	}

	@Test
	void eachGoalCountsOnceHoweverManyTagsMeetIt() {
		List<PairGoal> one = List.of(PairGoal.ofWords("Digital tools and community engagement"));
		assertThat(Suggestions.goalsMet(resource("en", 0, "digital-tools", "community-engagement"), one)).isEqualTo(1);
	}

	private static List<LibraryResource> order(List<LibraryResource> resources, String language) {
		return Suggestions.order(resources, GOALS, language).stream().map(Suggestions.Suggestion::resource).toList();
	}

	private static LibraryResource resource(String language, int minutesAfter, String... tags) {
		return LibraryResource.publish("prog-1", "org-1", "A resource", null, language, ResourceKind.GUIDE,
				List.of(tags), "https://example.org", T0.plusSeconds(60L * minutesAfter));
	}

}
