package com.kreativnomentorstvo.testkit.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks every module's problem texts pass: each key of its bundle is worded in the five other
 * languages, the English file is well-formed, and every key its main sources name is in its bundles;
 * a service's kinds of resource are worded in the platform bundle. A module's
 * {@code ProblemTranslationsTests} extends it, naming its bundles, and adds the keys its code
 * completes at run time ({@code "pair.blocked." + code}), which no source scan can see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProblemTranslations {

	private final ProblemBundle bundle;

	private final ProblemBundle platform;

	/** A module whose code names keys of its own bundle only (the platform, the gateway). */
	protected ProblemTranslations(String basename) {
		this.bundle = ProblemBundle.of(basename);
		this.platform = null;
	}

	/**
	 * A service: its code names keys of its own bundle and of the platform's, and kinds of resource
	 * (at least one), which the platform bundle words as {@code resource.<name>}.
	 */
	protected ProblemTranslations(String basename, String platformBasename) {
		this.bundle = ProblemBundle.of(basename);
		this.platform = ProblemBundle.of(platformBasename);
	}

	/** The module's own bundle. */
	protected final ProblemBundle bundle() {
		return bundle;
	}

	/** The platform bundle a service's texts stand beside. */
	protected final ProblemBundle platformBundle() {
		assertThat(platform).as("a service's test names the platform bundle").isNotNull();
		return platform;
	}

	Stream<Arguments> everyKeyInEveryOtherLanguage() {
		return bundle.keysInEveryOtherLanguage();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyKeyInEveryOtherLanguage")
	void everyTextIsWordedInEveryLanguage(String key, String language) {
		bundle.assertWorded(key, language);
	}

	@Test
	void theEnglishTextsAreWellFormed() {
		bundle.assertEnglishWellFormed();
	}

	@Test
	void everyKeyTheCodeNamesIsInTheEnglishBundles() {
		SourceKeys named = SourceKeys.ofMainSources();
		Set<String> known = new TreeSet<>(bundle.keys());
		if (platform != null) {
			known.addAll(platform.keys());
		}

		assertThat(named.keys()).isNotEmpty().allSatisfy(key -> assertThat(known).contains(key));
		if (platform != null) {
			assertThat(named.resourceKeys()).isNotEmpty()
				.allSatisfy(key -> assertThat(platform.keys()).contains(key));
		}
	}

}
