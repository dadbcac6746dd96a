package com.kreativnomentorstvo.sessions.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;

/** What a resource says about itself: language, tags from the taxonomy, a link or a file. */
class ResourceRulesTests {

	static final Set<String> TAXONOMY = Set.of("digital-tools", "community-engagement");

	@Test
	void theLanguageIsOneOfTheSixWrittenAsThePlatformWritesThem() {
		assertThat(ResourceRules.checkLanguage("sr-Latn")).isEmpty();
		assertThat(ResourceRules.language("SR-latn")).hasValue("sr-Latn");
		assertThat(fields(ResourceRules.checkLanguage("de"))).containsExactly("language");
		assertThat(fields(ResourceRules.checkLanguage(null))).containsExactly("language");
	}

	@Test
	void aTagOutsideTheTaxonomyIsNamedByItsPlace() {
		assertThat(ResourceRules.checkTags(List.of("digital-tools"), TAXONOMY)).isEmpty();
		assertThat(ResourceRules.checkTags(List.of(), TAXONOMY)).isEmpty();
		assertThat(fields(ResourceRules.checkTags(List.of("digital-tools", "astrology", "Digital-Tools"), TAXONOMY)))
			.containsExactly("tags[1]", "tags[2]");
		assertThat(fields(ResourceRules.checkTags(List.of("digital-tools"), Set.of()))).containsExactly("tags[0]");
		assertThat(ResourceRules.distinct(List.of("digital-tools", "community-engagement", "digital-tools")))
			.containsExactly("digital-tools", "community-engagement");
	}

	@Test
	void aResourceIsALinkOrAFileAndALinkIsAnAbsoluteWebAddress() {
		assertThat(ResourceRules.checkTarget(ResourceKind.LINK, "https://example.org/a?b=c", false)).isEmpty();
		assertThat(ResourceRules.checkTarget(ResourceKind.GUIDE, "http://example.org", false)).isEmpty();
		assertThat(ResourceRules.checkTarget(ResourceKind.GUIDE, null, true)).isEmpty();
		assertThat(fields(ResourceRules.checkTarget(ResourceKind.GUIDE, null, false))).containsExactly("file");
		assertThat(fields(ResourceRules.checkTarget(ResourceKind.LINK, " ", false))).containsExactly("url");
		assertThat(fields(ResourceRules.checkTarget(ResourceKind.TEMPLATE, "https://example.org", true)))
			.containsExactly("url");
		assertThat(fields(ResourceRules.checkTarget(ResourceKind.LINK, null, true))).containsExactly("file");
		for (String notAWebAddress : List.of("ftp://example.org/x", "javascript:alert(1)", "example.org/x", "/relative",
				"https://", "https://user:secret@example.org/", "https://exa mple.org", " https://example.org")) {
			assertThat(fields(ResourceRules.checkTarget(ResourceKind.LINK, notAWebAddress, false))).as(notAWebAddress)
				.containsExactly("url");
		}
	}

	@Test
	void aReadersLanguageIsTheClosestOfTheSix() {
		assertThat(ResourceRules.readerLanguage("sr-Cyrl")).isEqualTo("sr-Cyrl");
		assertThat(ResourceRules.readerLanguage("sr")).isEqualTo("sr-Latn");
		assertThat(ResourceRules.readerLanguage("sr-Cyrl-RS")).isEqualTo("sr-Cyrl");
		assertThat(ResourceRules.readerLanguage("hr-HR")).isEqualTo("hr");
		assertThat(ResourceRules.readerLanguage("de")).isEqualTo("en");
		assertThat(ResourceRules.readerLanguage(null)).isEqualTo("en");
	}

	@Test
	void anUploadedFilesNameLosesItsDirectoryAndControlCharacters() {
		assertThat(ResourceLibrary.fileName("C:\\Users\\ana\\plan.pdf")).isEqualTo("plan.pdf");
		assertThat(ResourceLibrary.fileName("../../etc/plan\r\n.pdf")).isEqualTo("plan.pdf");
		assertThat(ResourceLibrary.fileName("a\"b.pdf")).isEqualTo("ab.pdf");
		assertThat(ResourceLibrary.fileName(null)).isEqualTo("file");
		assertThat(ResourceLibrary.fileName("x".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
	}

	private static List<String> fields(List<FieldProblem> problems) {
		return problems.stream().map(FieldProblem::field).toList();
	}

}
