package com.kreativnomentorstvo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The templates join text inside one Spring expression ({@code ${'match.status.' + m.status}}), never
 * with Thymeleaf's own {@code +} between expressions ({@code 'match.status.' + ${m.status}}) nor with a
 * literal substitution ({@code |…${x}…|}, which Thymeleaf turns into the same): Thymeleaf's {@code +}
 * first tries each side as a number, through an exception it throws and catches, which cost a page a
 * few per cent of the web application's CPU (bench/pages).
 */
class TemplateExpressionsTests {

	/** A Thymeleaf-level join: a literal or an expression, {@code +}, and another of either. */
	private static final Pattern THYMELEAF_JOIN = Pattern.compile("('|\\})\\s*\\+\\s*('|\\$\\{|\\*\\{|#\\{)");

	private static final Pattern LITERAL_SUBSTITUTION = Pattern.compile("=\"\\|[^\"|]*\\$\\{[^\"|]*\\|\"");

	@Test
	void noTemplateJoinsTextWithThymeleafsOwnPlus() throws IOException {
		List<String> joins = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(path -> path.toString().endsWith(".html")).sorted().toList()) {
				List<String> lines = Files.readAllLines(template);
				for (int i = 0; i < lines.size(); i++) {
					String outsideSpring = lines.get(i).replaceAll("\\$\\{[^{}]*\\}", "\\${}");
					if (THYMELEAF_JOIN.matcher(outsideSpring).find() || LITERAL_SUBSTITUTION.matcher(lines.get(i)).find()) {
						joins.add(template.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
					}
				}
			}
		}

		assertThat(joins).isEmpty();
	}

}
