package com.kreativnomentorstvo.participants.programme;

import static com.kreativnomentorstvo.events.participants.ProgrammeStatus.ARCHIVED;
import static com.kreativnomentorstvo.events.participants.ProgrammeStatus.CLOSED;
import static com.kreativnomentorstvo.events.participants.ProgrammeStatus.CLOSING;
import static com.kreativnomentorstvo.events.participants.ProgrammeStatus.DRAFT;
import static com.kreativnomentorstvo.events.participants.ProgrammeStatus.OPEN;
import static com.kreativnomentorstvo.events.participants.ProgrammeStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kreativnomentorstvo.events.participants.ProgrammeStatus;

/** Which status a programme's dates give, and every move a coordinator may and may not make. */
class StatusRulesTests {

	private static final LocalDate OPENS = LocalDate.of(2027, 1, 15);

	private static final LocalDate CLOSES = LocalDate.of(2027, 1, 31);

	private static final LocalDate STARTS = LocalDate.of(2027, 2, 1);

	private static final LocalDate ENDS = LocalDate.of(2027, 7, 31);

	@ParameterizedTest(name = "{0} gives {1}")
	@CsvSource({ "2027-01-14, DRAFT", "2027-01-15, OPEN", "2027-01-31, OPEN", "2027-02-01, RUNNING",
			"2027-07-16, RUNNING", "2027-07-17, CLOSING", "2027-07-31, CLOSING", "2027-08-01, CLOSED",
			"2030-01-01, CLOSED" })
	void theDatesGiveAStatusForEachDay(LocalDate today, ProgrammeStatus expected) {
		assertThat(StatusRules.byDates(OPENS, CLOSES, STARTS, ENDS, today, 14)).isEqualTo(expected);
	}

	@Test
	void anEnrolmentWindowThatRunsPastTheStartKeepsTheProgrammeOpenUntilItCloses() {
		LocalDate closesLate = STARTS.plusDays(10);

		assertThat(StatusRules.byDates(OPENS, closesLate, STARTS, ENDS, STARTS, 14)).isEqualTo(OPEN);
		assertThat(StatusRules.byDates(OPENS, closesLate, STARTS, ENDS, closesLate, 14)).isEqualTo(OPEN);
		assertThat(StatusRules.byDates(OPENS, closesLate, STARTS, ENDS, closesLate.plusDays(1), 14)).isEqualTo(RUNNING);
	}

	@Test
	void theClosingDaysAreConfigurable() {
		assertThat(StatusRules.byDates(OPENS, CLOSES, STARTS, ENDS, LocalDate.of(2027, 7, 1), 30)).isEqualTo(CLOSING);
		assertThat(StatusRules.byDates(OPENS, CLOSES, STARTS, ENDS, LocalDate.of(2027, 7, 1), 14)).isEqualTo(RUNNING);
	}

	@Test
	void aShortProgrammeIsClosingFromItsFirstDay() {
		// closing days reach back before the start: CLOSING only once it has started
		LocalDate ends = STARTS.plusDays(5);
		assertThat(StatusRules.byDates(OPENS, CLOSES, STARTS, ends, CLOSES, 14)).isEqualTo(OPEN);
		assertThat(StatusRules.byDates(OPENS, CLOSES, STARTS, ends, STARTS, 14)).isEqualTo(CLOSING);
	}

	@ParameterizedTest(name = "from {0} to {1}")
	@CsvSource({ "DRAFT, OPEN RUNNING CLOSING CLOSED", "OPEN, RUNNING CLOSING CLOSED", "RUNNING, CLOSING CLOSED",
			"CLOSING, CLOSED", "CLOSED, ARCHIVED", "ARCHIVED, ''" })
	void everyStatusAllowsOnlyTheseMoves(ProgrammeStatus from, String allowed) {
		List<ProgrammeStatus> expected = allowed.isBlank() ? List.of()
				: Arrays.stream(allowed.split(" ")).map(ProgrammeStatus::valueOf).toList();

		for (ProgrammeStatus to : ProgrammeStatus.values()) {
			assertThat(StatusRules.allows(from, to, from == ARCHIVED ? CLOSED : from))
				.as("%s -> %s", from, to)
				.isEqualTo(expected.contains(to));
		}
		assertThat(StatusRules.movesFrom(from, from == ARCHIVED ? CLOSED : from)).containsExactlyElementsOf(expected);
	}

	@Test
	void aClosingProgrammeRunsAgainOnlyOnceItsDatesNoLongerMakeItClosing() {
		assertThat(StatusRules.allows(CLOSING, RUNNING, CLOSING)).isFalse();
		assertThat(StatusRules.allows(CLOSING, RUNNING, CLOSED)).isFalse();
		assertThat(StatusRules.allows(CLOSING, RUNNING, RUNNING)).isTrue();
		assertThat(StatusRules.allows(CLOSING, OPEN, RUNNING)).as("only back to RUNNING").isFalse();
		assertThat(StatusRules.allows(CLOSED, RUNNING, RUNNING)).as("a closed programme stays closed").isFalse();
	}

	@Test
	void theStatusIsTheStoredOneMovedOnByTheDates() {
		assertThat(StatusRules.effective(null, RUNNING)).as("stored before statuses").isEqualTo(RUNNING);
		assertThat(StatusRules.effective(DRAFT, OPEN)).isEqualTo(OPEN);
		assertThat(StatusRules.effective(RUNNING, OPEN)).as("moved on early by hand").isEqualTo(RUNNING);
		assertThat(StatusRules.effective(ARCHIVED, CLOSED)).isEqualTo(ARCHIVED);
		assertThat(StatusRules.effective(CLOSED, CLOSED)).isEqualTo(CLOSED);
	}

}
