package com.kreativnomentorstvo.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

class PageSizeLimitTests {

	private final PageSizeLimit limit = new PageSizeLimit(new LimitProperties(DataSize.ofKilobytes(256), 100));

	@ParameterizedTest(name = "size={0}: {1}")
	@CsvSource(delimiter = '|', value = { "1|", "100|", " 50 |", "0|", "-5|", "101|must be at most 100",
			"99999999999999999999999|must be at most 100", "1e9|must be a whole number", "ten|must be a whole number",
			"''|must be a whole number", "10.5|must be a whole number" })
	void judgesTheRequestedSize(String size, String problem) {
		assertThat(limit.problemWith(size)).isEqualTo(problem);
	}

}
