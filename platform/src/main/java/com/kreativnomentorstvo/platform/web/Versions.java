package com.kreativnomentorstvo.platform.web;

/**
 * Optimistic concurrency over HTTP: an aggregate's version is its strong ETag ({@code "3"}), and a
 * change must name the version it was based on in {@code If-Match}.
 */
public final class Versions {

	/** The ETag of a version. */
	public static String etag(Long version) {
		return "\"" + (version == null ? 0 : version) + "\"";
	}

	/**
	 * Checks a change's {@code If-Match} against the current version.
	 * @throws PreconditionRequiredException 428 if the header is missing
	 * @throws PreconditionFailedException 412 if it names another version
	 */
	public static void requireMatch(String ifMatch, Long current, String what) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new PreconditionRequiredException(
					ProblemText.of("precondition-required.detail", ProblemText.resourceName(what)));
		}
		checkMatch(ifMatch, current, what);
	}

	/** Checks {@code If-Match} if the caller sent one. */
	public static void checkMatch(String ifMatch, Long current, String what) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return;
		}
		String expected = etag(current);
		for (String tag : ifMatch.split(",")) {
			String candidate = tag.strip();
			if (candidate.equals("*") || candidate.equals(expected) || candidate.equals(expected.replace("\"", ""))) {
				return;
			}
		}
		throw new PreconditionFailedException(
				ProblemText.of("stale-version.detail", ProblemText.resourceName(what), expected));
	}

	private Versions() {
	}

}
