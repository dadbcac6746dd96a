package com.kreativnomentorstvo.sessions.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SmallCountsTests {

	@Test
	void countsOfOneToFourAreWithheldAndZeroAndFiveAreShown() {
		SmallCounts counts = new SmallCounts();
		assertThat(Arrays.asList(counts.shown(0), counts.shown(1), counts.shown(4), counts.shown(5), counts.shown(12)))
			.containsExactly(0, null, null, 5, 12);
		assertThat(counts.withheld()).isEqualTo(2);
	}

	@Test
	void aLoneWithheldCellTakesTheSmallestOtherNonZeroCellWithItSoThatNoSubtractionRevealsIt() {
		SmallCounts counts = new SmallCounts();
		// total 18: without the second suppression, 18 - 10 - 6 = 2 would give the withheld cell away
		assertThat(counts.column(18, List.of(10, 6, 2, 0))).containsExactly(10, null, null, 0);
		assertThat(counts.withheld()).isEqualTo(2);
	}

	@Test
	void twoWithheldCellsNeedNoThirdAndNothingIsWithheldWhereNothingIsSmall() {
		SmallCounts counts = new SmallCounts();
		assertThat(counts.column(12, List.of(3, 3, 6))).containsExactly(null, null, 6);
		assertThat(counts.column(15, List.of(5, 10, 0))).containsExactly(5, 10, 0);
		assertThat(counts.withheld()).isEqualTo(2);
	}

	@Test
	void aSmallTotalHidesItsCellsAlreadyAndZerosNeverStandInForTheSecondCell() {
		SmallCounts counts = new SmallCounts();
		assertThat(counts.column(3, List.of(3, 0))).containsExactly(null, 0);
		// the only other cells are zero: the withheld one then equals the total, which is withheld too
		assertThat(counts.shown(3)).isNull();
	}

	@Test
	void aShareIsGivenOnlyWhereBothItsCountsAreShown() {
		assertThat(SmallCounts.share(5, 6)).isEqualTo(0.833);
		assertThat(SmallCounts.share(null, 6)).isNull();
		assertThat(SmallCounts.share(0, 0)).isNull();
		assertThat(SmallCounts.share(0, 7)).isEqualTo(0.0);
	}

}
