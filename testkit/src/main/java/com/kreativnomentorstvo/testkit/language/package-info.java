/**
 * Checks of the problem texts' bundles: every key in every language, and every key the code names
 * in the bundle.
 */
package com.kreativnomentorstvo.testkit.language;
