package com.kreativnomentorstvo.sessions.resource;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The order in which a pair is offered resources: those in the reader's language first; among them,
 * those whose tags meet more of the pair's goals; then the newest. A goal is met by a resource that
 * carries its taxonomy code (the mentee's goals, as her profile names them) or whose tag the goal's
 * own words name (a goal the pair wrote down, e.g. "Build our digital tools" meets
 * {@code digital-tools}).
 */
final class Suggestions {

	private Suggestions() {
	}

	/** One of the pair's goals: a taxonomy code, or the words the pair wrote. */
	record PairGoal(String code, String words) {

		static PairGoal ofCode(String code) {
			return new PairGoal(code, null);
		}

		static PairGoal ofWords(String words) {
			return new PairGoal(null, words);
		}

		boolean metBy(Collection<String> tags) {
			if (code != null) {
				return tags.contains(code);
			}
			String text = " " + plain(words) + " ";
			return tags.stream().map(Suggestions::plain).anyMatch(tag -> !tag.isBlank() && text.contains(" " + tag + " "));
		}

	}

	/** A resource with how many of the pair's goals it meets. */
	record Suggestion(LibraryResource resource, int goalsMet) {
	}

	static List<Suggestion> order(List<LibraryResource> resources, List<PairGoal> goals, String readerLanguage) {
		Comparator<Suggestion> order = Comparator
			.comparing((Suggestion s) -> !readerLanguage.equalsIgnoreCase(s.resource().getLanguage()))
			.thenComparing(Suggestion::goalsMet, Comparator.reverseOrder())
			.thenComparing(s -> s.resource().getCreatedAt(), Comparator.reverseOrder())
			.thenComparing(s -> s.resource().getId());
		return resources.stream().map(r -> new Suggestion(r, goalsMet(r, goals))).sorted(order).toList();
	}

	static int goalsMet(LibraryResource resource, List<PairGoal> goals) {
		return (int) goals.stream().filter(goal -> goal.metBy(resource.getTags())).count();
	}

	/** Lower case words separated by single spaces: {@code digital-tools} and "Digital tools!" both read "digital tools". */
	private static String plain(String text) {
		return text == null ? ""
				: text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

}
