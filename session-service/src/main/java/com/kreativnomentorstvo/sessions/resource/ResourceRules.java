package com.kreativnomentorstvo.sessions.resource;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;

/**
 * The rules of what a resource says about itself, beyond the shape the controller checks: its
 * language is one of the platform's six, its tags come from the taxonomy, it is either a link (an
 * absolute http or https address) or a file, and a {@code LINK} is a link. Each returns the fields at
 * fault, so one answer names them all.
 */
final class ResourceRules {

	/** The languages the platform speaks, as their tags are written. */
	static final List<String> LANGUAGES = List.of("en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl");

	private ResourceRules() {
	}

	/** The language as the platform writes its tag (case aside), if it is one of the six. */
	static Optional<String> language(String tag) {
		return tag == null ? Optional.empty() : LANGUAGES.stream().filter(tag::equalsIgnoreCase).findFirst();
	}

	/**
	 * The closest of the six to a reader's language tag: the same, else the same language ({@code sr}
	 * is written in Latin script here), else English.
	 */
	static String readerLanguage(String tag) {
		if (tag == null || tag.isBlank()) {
			return "en";
		}
		Optional<String> exact = language(tag);
		if (exact.isPresent()) {
			return exact.get();
		}
		Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
		if ("sr".equals(locale.getLanguage())) {
			return "Cyrl".equals(locale.getScript()) ? "sr-Cyrl" : "sr-Latn";
		}
		return LANGUAGES.stream().filter(l -> l.equals(locale.getLanguage())).findFirst().orElse("en");
	}

	static List<FieldProblem> checkLanguage(String tag) {
		return language(tag).isPresent() ? List.of()
				: List.of(FieldProblem.of("language", "library.language", String.join(", ", LANGUAGES)));
	}

	/**
	 * The tags outside the taxonomy, each named by its place ({@code tags[1]}); a resource may have
	 * none. Repeated tags count once (see {@link #distinct}).
	 */
	static List<FieldProblem> checkTags(List<String> tags, Collection<String> taxonomy) {
		List<FieldProblem> problems = new ArrayList<>();
		if (tags == null) {
			return problems;
		}
		for (int i = 0; i < tags.size(); i++) {
			if (!taxonomy.contains(tags.get(i))) {
				problems.add(FieldProblem.of("tags[" + i + "]", "library.tag-unknown", tags.get(i)));
			}
		}
		return problems;
	}

	static List<String> distinct(List<String> tags) {
		return tags == null ? List.of() : List.copyOf(new LinkedHashSet<>(tags));
	}

	/** Exactly one of a link and a file; a {@code LINK} must be a link; the link an absolute http(s) address. */
	static List<FieldProblem> checkTarget(ResourceKind kind, String url, boolean hasFile) {
		List<FieldProblem> problems = new ArrayList<>();
		boolean hasUrl = url != null && !url.isBlank();
		if (hasUrl && hasFile) {
			problems.add(FieldProblem.of("url", "library.link-or-file"));
		}
		else if (!hasUrl && !hasFile) {
			problems.add(FieldProblem.of(kind == ResourceKind.LINK ? "url" : "file", "library.link-or-file"));
		}
		if (kind == ResourceKind.LINK && hasFile) {
			problems.add(FieldProblem.of("file", "library.link-is-no-file"));
		}
		if (hasUrl && !isWebAddress(url)) {
			problems.add(FieldProblem.of("url", "library.url"));
		}
		return problems;
	}

	/** An absolute http or https address with a host and no user name or password in it. */
	static boolean isWebAddress(String url) {
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
					&& !uri.getHost().isBlank() && uri.getRawUserInfo() == null && url.equals(url.strip());
		}
		catch (URISyntaxException invalid) {
			return false;
		}
	}

}
