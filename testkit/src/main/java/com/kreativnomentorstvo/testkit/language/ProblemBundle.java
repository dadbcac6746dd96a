package com.kreativnomentorstvo.testkit.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import com.kreativnomentorstvo.support.language.ApiLanguages;

/**
 * A message bundle of problem texts read file by file, without the fallback to English that
 * {@code ResourceBundle} would apply, so that a test sees a key one language lacks.
 * {@link ProblemTranslations} walks {@link #keysInEveryOtherLanguage()} and calls {@link #assertWorded}.
 */
public final class ProblemBundle {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

	// a Latin word is a code, a field or an acronym if it has an upper-case letter, a digit or _ . [ after its first
	// letter, is in capitals, is kebab-case (digital-tools) or has one or two letters (a language: en, hr)
	private static final Pattern CODE = Pattern.compile(".+[A-Z0-9_.@\\[\\]].*|[A-Z]{2,}|[a-z0-9]+(-[a-z0-9]+)+|[a-z]{1,2}");

	private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");

	private static final Set<String> CYRILLIC = Set.of("sr-Cyrl", "mk");

	private final String basename;

	private final Map<Locale, Properties> files = new LinkedHashMap<>();

	private ProblemBundle(String basename) {
		this.basename = basename;
		for (Locale language : ApiLanguages.SUPPORTED) {
			files.put(language, read(fileName(basename, language)));
		}
	}

	/** The bundle with this base name (e.g. {@code problems/platform}), read from the class path. */
	public static ProblemBundle of(String basename) {
		return new ProblemBundle(basename);
	}

	/** The file of a language: the root file for English, {@code _sr_Latn} and so on for the others. */
	static String fileName(String basename, Locale language) {
		if (language.equals(ApiLanguages.FALLBACK)) {
			return basename + ".properties";
		}
		String suffix = language.getScript().isEmpty() ? language.getLanguage()
				: language.getLanguage() + "_" + language.getScript();
		return basename + "_" + suffix + ".properties";
	}

	/** The English keys. */
	public Set<String> keys() {
		return new TreeSet<>(files.get(ApiLanguages.FALLBACK).stringPropertyNames());
	}

	/** The text of the key in the language's own file, or {@code null}. */
	public String text(Locale language, String key) {
		return files.get(language).getProperty(key);
	}

	/** The text formatted as the services format it (MessageFormat in the language). */
	public String format(Locale language, String key, Object... arguments) {
		String text = text(language, key);
		assertThat(text).as("%s has %s in %s", basename, key, language.toLanguageTag()).isNotNull();
		return new MessageFormat(text, language).format(arguments);
	}

	/** Every English key with each of the five other languages: the arguments of a parameterised test. */
	public Stream<Arguments> keysInEveryOtherLanguage() {
		return keys().stream()
			.flatMap(key -> ApiLanguages.SUPPORTED.stream()
				.filter(language -> !language.equals(ApiLanguages.FALLBACK))
				.map(language -> Arguments.of(key, language.toLanguageTag())));
	}

	/**
	 * The key is worded in the language: present and not blank, with the English text's placeholders,
	 * a valid MessageFormat whose apostrophes are doubled, and in Cyrillic for Serbian Cyrillic and
	 * Macedonian (apart from placeholders, quoted values and codes such as {@code If-Match}).
	 */
	public void assertWorded(String key, String languageTag) {
		Locale language = Locale.forLanguageTag(languageTag);
		String english = text(ApiLanguages.FALLBACK, key);
		String text = text(language, key);
		String where = "%s %s in %s".formatted(basename, key, languageTag);
		assertThat(text).as(where).isNotBlank();
		assertThat(placeholders(text)).as("placeholders of " + where).isEqualTo(placeholders(english));
		assertThat(text.replace("''", "")).as("a lone apostrophe in " + where + " (write it '')").doesNotContain("'");
		assertThat(new MessageFormat(text, language).format(new Object[10])).as(where).isNotBlank();
		if (CYRILLIC.contains(languageTag)) {
			assertThat(latinWords(text)).as("Latin words in " + where).isEmpty();
		}
	}

	/** Every English key is worded in each of the five other languages ({@link #assertWorded}). */
	public void assertWordedInEveryLanguage() {
		keysInEveryOtherLanguage().forEach(each -> assertWorded((String) each.get()[0], (String) each.get()[1]));
	}

	/** The English file itself is well-formed: no blank text, valid MessageFormat, apostrophes doubled. */
	public void assertEnglishWellFormed() {
		for (String key : keys()) {
			String text = text(ApiLanguages.FALLBACK, key);
			assertThat(text).as(key).isNotBlank();
			assertThat(text.replace("''", "")).as("a lone apostrophe in %s (write it '')", key).doesNotContain("'");
			new MessageFormat(text, ApiLanguages.FALLBACK);
		}
	}

	private static List<String> placeholders(String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		found.sort(null);
		return found;
	}

	private static List<String> latinWords(String text) {
		String plain = PLACEHOLDER.matcher(text).replaceAll(" ").replaceAll("\"[^\"]*\"|„[^“]*“|''[^']*''", " ");
		return Stream.of(plain.split("[\\s(),;:!?«»„“\"]+"))
			.map(word -> word.replaceAll("[.]+$", ""))
			.filter(word -> LATIN.matcher(word).find() && !CODE.matcher(word).matches())
			.toList();
	}

	private static Properties read(String path) {
		Properties properties = new Properties();
		try (InputStream in = ProblemBundle.class.getClassLoader().getResourceAsStream(path)) {
			if (in != null) {
				properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
