package com.kreativnomentorstvo.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

	@Test
	void aRowGivesTheRateAndThePercentilesInMilliseconds(@TempDir Path folder) throws IOException {
		Histogram latencies = new Histogram(3);
		for (int ms = 1; ms <= 100; ms++) {
			latencies.recordValue(ms * 1000L);
		}
		Figures figures = new Figures("read", 100, 98, 2, Map.of("503", 2L), Duration.ofSeconds(2), latencies);
		Report report = new Report(folder.resolve("results.md"));

		report.table(Report.columns(), List.of(Report.row(figures, "50")));

		assertThat(Files.readString(folder.resolve("results.md")))
			.contains("| read | 50 | 49.0 | 50.0 | 95.0 | 99.0 | 100 | 2 {503=2} |");
	}

}
