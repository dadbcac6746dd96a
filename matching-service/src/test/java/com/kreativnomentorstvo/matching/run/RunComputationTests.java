package com.kreativnomentorstvo.matching.run;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.matching.fixture.Profiles;
import com.kreativnomentorstvo.matching.run.MatchingRun.Inputs;
import com.kreativnomentorstvo.matching.run.MatchingRun.MentorInput;
import com.kreativnomentorstvo.matching.run.MatchingRun.Pair;
import com.kreativnomentorstvo.matching.run.MatchingRun.ProposedPair;
import com.kreativnomentorstvo.matching.run.MatchingRun.Results;
import com.kreativnomentorstvo.matching.run.MatchingRun.Settings;
import com.kreativnomentorstvo.matching.scoring.CriterionPoints;
import com.kreativnomentorstvo.matching.scoring.CrossBorder;
import com.kreativnomentorstvo.matching.scoring.ScoringPolicy;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;

class RunComputationTests {

	private final Profiles ana = aMentee().id("ana").skill("digital-tools", 5);

	private final Profiles boris = aMentee().id("boris").skill("fundraising", 5);

	private final Profiles vesna = aMentor().id("vesna").skill("digital-tools", 5).skill("fundraising", 3);

	private final Profiles zoran = aMentor().id("zoran").skill("fundraising", 5);

	@Test
	void eachMenteeGetsTheMentorThatMakesTheBestTotal() {
		Results results = compute(List.of(ana, boris), List.of(vesna, zoran), 1, settings());

		assertThat(results.proposals()).extracting(ProposedPair::menteeId, ProposedPair::mentorId)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ana", "vesna"),
					org.assertj.core.groups.Tuple.tuple("boris", "zoran"));
		assertThat(results.summary().matched()).isEqualTo(2);
		assertThat(results.proposals()).allSatisfy(pair -> assertThat(
				pair.explanation().contributions().stream().mapToInt(CriterionPoints::points).sum())
			.isEqualTo(pair.explanation().score()));
	}

	@Test
	void aLockedPairIsKeptEvenWhenItLowersTheTotal() {
		Results results = compute(List.of(ana, boris), List.of(vesna, zoran), 1,
				settings().withLocked(new Pair("vesna", "boris")));

		assertThat(results.proposals()).anySatisfy(pair -> {
			assertThat(pair.menteeId()).isEqualTo("boris");
			assertThat(pair.mentorId()).isEqualTo("vesna");
			assertThat(pair.locked()).isTrue();
		});
	}

	@Test
	void anExcludedPairIsNeverProposedAndTheMenteeLearnsWhy() {
		Results results = compute(List.of(ana), List.of(vesna), 1,
				settings().withExcluded(new Pair("vesna", "ana")));

		assertThat(results.proposals()).isEmpty();
		assertThat(results.unmatched()).singleElement().satisfies(unmatched -> {
			assertThat(unmatched.reason()).isEqualTo("excluded-pair");
			assertThat(unmatched.blockedBy()).containsEntry("excluded-pair", 1);
		});
	}

	@Test
	void unmatchedMenteesAreToldWhatBlocksThem() {
		Profiles slovene = aMentee().id("sl-only").speaking("sl");
		Profiles inPerson = aMentee().id("in-person").meeting(Format.IN_PERSON).in("MK", "Skopje");
		Profiles third = aMentee().id("third");

		Results results = compute(List.of(slovene, inPerson, ana, third), List.of(vesna), 1, settings());

		assertThat(results.summary().matched()).isEqualTo(1);
		assertThat(results.unmatched()).extracting(MatchingRun.UnmatchedMentee::menteeId,
				MatchingRun.UnmatchedMentee::reason)
			.contains(org.assertj.core.groups.Tuple.tuple("sl-only", "no-eligible-mentor"),
					org.assertj.core.groups.Tuple.tuple("in-person", "no-eligible-mentor"));
		assertThat(results.unmatched()).filteredOn(u -> u.menteeId().equals("sl-only"))
			.singleElement()
			.satisfies(u -> assertThat(u.explanation()).contains("1 share no working language"));
		assertThat(results.unmatched()).filteredOn(u -> u.menteeId().equals("in-person"))
			.singleElement()
			.satisfies(u -> assertThat(u.blockedBy()).containsEntry("incompatible-format", 1));
		assertThat(results.unmatched()).filteredOn(u -> !u.menteeId().startsWith("sl") && !u.menteeId().startsWith("in"))
			.singleElement()
			.satisfies(u -> assertThat(u.reason()).isEqualTo("capacity-exhausted"));
	}

	@Test
	void aMenteeWhoseMentorsAreFullIsToldSo() {
		Results results = compute(List.of(ana), List.of(vesna), 0, settings());

		assertThat(results.unmatched()).singleElement()
			.satisfies(u -> assertThat(u.reason()).isEqualTo("mentors-full"));
	}

	@Test
	void locksThatBreakARuleAreRefusedNamingTheField() {
		Profiles slovene = aMentee().id("sl-only").speaking("sl");

		assertThatThrownBy(() -> compute(List.of(slovene, ana), List.of(vesna), 1,
				settings().withLocked(new Pair("vesna", "sl-only"), new Pair("nobody", "ana"))))
			.isInstanceOfSatisfying(InvalidFieldsException.class, ex -> assertThat(ex.problems())
				.extracting(InvalidFieldsException.FieldProblem::field)
				.containsExactly("lockedPairs[0]", "lockedPairs[1].mentorId"));
		assertThatThrownBy(() -> compute(List.of(ana, boris), List.of(vesna), 1,
				settings().withLocked(new Pair("vesna", "ana"), new Pair("vesna", "boris"))))
			.isInstanceOfSatisfying(InvalidFieldsException.class, ex -> assertThat(ex.problems())
				.extracting(InvalidFieldsException.FieldProblem::field)
				.containsExactly("lockedPairs[1].mentorId"));
	}

	@Test
	void theSameInputsAndSettingsGiveTheSameResults() {
		Settings settings = settings().build();
		Results first = compute(List.of(ana, boris), List.of(vesna, zoran), 2, settings);
		Results again = compute(List.of(ana, boris), List.of(vesna, zoran), 2, settings);

		assertThat(again.proposals()).isEqualTo(first.proposals());
		assertThat(again.summary().totalScore()).isEqualTo(first.summary().totalScore());
	}

	private static Results compute(List<Profiles> mentees, List<Profiles> mentors, int places,
			SettingsBuilder settings) {
		return compute(mentees, mentors, places, settings.build());
	}

	private static Results compute(List<Profiles> mentees, List<Profiles> mentors, int places, Settings settings) {
		Inputs inputs = new Inputs(mentees.stream().map(Profiles::profile).toList(),
				mentors.stream().map(m -> new MentorInput(m.profile(), places, places)).toList(), List.of(), List.of());
		return RunComputation.compute(inputs, settings);
	}

	private static SettingsBuilder settings() {
		return new SettingsBuilder();
	}

	/** Settings with the default policy. */
	static final class SettingsBuilder {

		private List<Pair> locked = List.of();

		private List<Pair> excluded = List.of();

		SettingsBuilder withLocked(Pair... pairs) {
			locked = List.of(pairs);
			return this;
		}

		SettingsBuilder withExcluded(Pair... pairs) {
			excluded = List.of(pairs);
			return this;
		}

		Settings build() {
			Map<String, Integer> weights = ScoringPolicy.defaults().weightsByCode();
			return new Settings(weights, CrossBorder.NEUTRAL, true, false, locked, excluded,
					Instant.parse("2026-03-01T12:00:00Z"), "Europe/Belgrade", List.of());
		}

	}

}
