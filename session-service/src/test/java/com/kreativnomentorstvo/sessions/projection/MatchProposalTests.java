package com.kreativnomentorstvo.sessions.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Acceptances arrive as events: those that cannot be a side of the match are ignored, never refused. */
class MatchProposalTests {

	@Test
	void onlyTheTwoSidesOfAKnownPairAreKeptAsAccepting() {
		MatchProposal proposal = MatchProposal.withId("match-1");
		proposal.pair("prog-1", "par-mentor", "par-mentee");

		assertThat(proposal.accepted("par-mentee")).isTrue();
		assertThat(proposal.accepted("par-stranger")).isFalse();
		assertThat(proposal.accepted("par-mentee")).isTrue();
		assertThat(proposal.accepted("par-mentor")).isTrue();

		assertThat(proposal.getAcceptedBy()).containsExactlyInAnyOrder("par-mentee", "par-mentor");
	}

	@Test
	void whileThePairIsUnknownTheFirstTwoNamesAreKeptAndLaterOnesIgnored() {
		MatchProposal proposal = MatchProposal.withId("match-1");

		proposal.accepted("par-a");
		proposal.accepted("par-b");

		assertThat(proposal.accepted("par-c")).isFalse();
		assertThat(proposal.accepted(null)).isFalse();
		assertThat(proposal.getAcceptedBy()).containsExactlyInAnyOrder("par-a", "par-b");
	}

}
