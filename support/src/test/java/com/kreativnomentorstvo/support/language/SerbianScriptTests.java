package com.kreativnomentorstvo.support.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SerbianScriptTests {

	@Test
	void digraphsBecomeSingleCyrillicLetters() {
		assertThat(SerbianScript.toCyrillic("ljubav, njiva, džep")).isEqualTo("љубав, њива, џеп");
	}

	@Test
	void capitalsAreKeptIncludingCapitalDigraphs() {
		assertThat(SerbianScript.toCyrillic("Ljiljana LJUBIĆ, Njegoš, Džordž")).isEqualTo("Љиљана ЉУБИЋ, Његош, Џорџ");
	}

	@Test
	void everyLetterOfGajsAlphabetHasItsCyrillicCounterpart() {
		assertThat(SerbianScript.toCyrillic("abcčćdđefghijklmnoprsštuvzž"))
			.isEqualTo("абцчћдђефгхијклмнопрсштувзж");
	}

	@Test
	void mustacheTagsAndWebAddressesStayAsTheyAre() {
		assertThat(SerbianScript.toCyrillic("Mesto: {{venue}}, link https://meet.example.org/abc-lj i {{#online}}onlajn{{/online}}"))
			.isEqualTo("Место: {{venue}}, линк https://meet.example.org/abc-lj и {{#online}}онлајн{{/online}}");
	}

	@Test
	void digitsAndPunctuationPassThrough() {
		assertThat(SerbianScript.toCyrillic("Rok: 15. 1. 2027, 10:00 – (razlog)"))
			.isEqualTo("Рок: 15. 1. 2027, 10:00 – (разлог)");
	}

}
