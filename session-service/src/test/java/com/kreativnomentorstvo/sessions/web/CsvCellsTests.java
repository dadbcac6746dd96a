package com.kreativnomentorstvo.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			=HYPERLINK("http://evil")  | '=HYPERLINK("http://evil")
			+381 11 123                | '+381 11 123
			-2+3                       | '-2+3
			@SUM(A1)                   | '@SUM(A1)
			Ana Petrović               | Ana Petrović
			par-mentor-1               | par-mentor-1
			""")
	void cellsASpreadsheetWouldRunAsAFormulaAreDefused(String value, String exported) {
		assertThat(CsvCells.defused(value)).isEqualTo(exported);
	}

}
