package com.kreativnomentorstvo.notifications.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kreativnomentorstvo.notifications.template.SupportedLocale;

/**
 * Which version of an announcement a reader gets: hers; a Serbian Latin one in Cyrillic for a
 * Cyrillic reader; the programme's languages in their order; English; the first written.
 */
class AnnouncingTests {

	@ParameterizedTest(name = "{0} reader, written in {1}, programme in {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			sr-Cyrl | en sr-Cyrl sr-Latn | hr en  | sr-Cyrl
			sr-Cyrl | en sr-Latn         | hr en  | Ајка
			sr-Latn | en sr-Cyrl         | sl     | en
			mk      | en sl hr           | hr sl  | hr
			mk      | en sl hr           | de sl  | sl
			mk      | hr en              | sl     | en
			mk      | hr sl              | de     | hr
			sl      | sl en              | en     | sl
			""")
	void aReaderGetsHerLanguageElseSerbianInHerScriptElseTheProgrammesElseEnglishElseTheFirstWritten(String reader,
			String written, String programmeLanguages, String expected) {
		Map<String, Announcement.Text> texts = new LinkedHashMap<>();
		for (String language : written.split(" ")) {
			texts.put(language, language.equals("sr-Latn") ? new Announcement.Text("Ajka", "Pomeren je")
					: new Announcement.Text(language, "body " + language));
		}

		Announcement.Text text = Announcing.textFor(SupportedLocale.of(reader).orElseThrow(), texts,
				List.of(programmeLanguages.split(" ")));

		assertThat(text.subject()).isEqualTo(expected);
		assertThat(text.body()).isEqualTo(expected.equals("Ајка") ? "Померен је" : "body " + expected);
	}

}
