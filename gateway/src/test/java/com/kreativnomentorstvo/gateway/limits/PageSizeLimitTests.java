package com.kreativnomentorstvo.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.util.unit.DataSize;

import com.kreativnomentorstvo.testkit.language.ProblemBundle;

class PageSizeLimitTests {

	private static final ProblemBundle ENGLISH = ProblemBundle.of("problems/gateway");

	private final PageSizeLimit limit = new PageSizeLimit(new LimitProperties(DataSize.ofKilobytes(256), 100,
			new LimitProperties.Uploads(DataSize.ofKilobytes(256), List.of()),
			new LimitProperties.RefusedBody(DataSize.ofMegabytes(2), Duration.ofSeconds(5))));

	@ParameterizedTest(name = "size={0}: {1}")
	@CsvSource(delimiter = '|', value = { "1|", "100|", " 50 |", "0|", "-5|", "101|must be at most 100",
			"99999999999999999999999|must be at most 100", "1e9|must be a whole number", "ten|must be a whole number",
			"''|must be a whole number", "10.5|must be a whole number" })
	void judgesTheRequestedSize(String size, String problem) {
		MessageSourceResolvable text = limit.problemWith(size);

		assertThat(text == null ? null : ENGLISH.format(Locale.ENGLISH, text.getCodes()[0], text.getArguments()))
			.isEqualTo(problem);
	}

}
