package com.kreativnomentorstvo.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/** The figures as Markdown, printed and appended to a file as each scenario ends. */
final class Report {

	private final Path file;

	Report(Path file) {
		this.file = file;
	}

	void heading(String text) {
		write("\n## " + text + "\n");
	}

	void line(String text) {
		write(text);
	}

	void table(List<String> header, List<List<String>> rows) {
		StringBuilder table = new StringBuilder("\n| ").append(String.join(" | ", header)).append(" |\n|");
		table.append("---|".repeat(header.size())).append('\n');
		for (List<String> row : rows) {
			table.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		write(table.toString());
	}

	/** The usual columns of one load: rate, answers, latencies. */
	static List<String> columns() {
		return List.of("load", "req/s offered", "req/s answered", "p50 (ms)", "p95 (ms)", "p99 (ms)", "max (ms)",
				"unexpected");
	}

	static List<String> row(Figures figures, String offered) {
		return List.of(figures.name(), offered, number(figures.throughput()), number(figures.millis(50)),
				number(figures.millis(95)), number(figures.millis(99)), number(figures.millis(100)),
				figures.unexpected() == 0 ? "0" : figures.unexpected() + " " + figures.unexpectedByAnswer());
	}

	static String number(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
	}

	private void write(String text) {
		System.out.println(text);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
