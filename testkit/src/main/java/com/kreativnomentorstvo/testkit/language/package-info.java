/**
 * Checks of the problem texts' bundles: every key in every language, and every key the code names
 * in the bundle; {@link com.kreativnomentorstvo.testkit.language.ProblemTranslations} runs them for
 * each module that extends it.
 */
package com.kreativnomentorstvo.testkit.language;
