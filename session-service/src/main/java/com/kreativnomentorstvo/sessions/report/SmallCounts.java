package com.kreativnomentorstvo.sessions.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Withholds the counts of one report that could single a person out: a count of 1 to
 * {@link #THRESHOLD} - 1 is not shown (primary suppression), and where a breakdown shows its total
 * and exactly one of its cells is withheld, the smallest other non-zero cell is withheld too, so that
 * the first cannot be worked out by subtraction (secondary suppression). Zero is shown: it describes
 * nobody. Counts how many it withheld.
 */
final class SmallCounts {

	/** The smallest count shown: fewer than five people are withheld. */
	static final int THRESHOLD = 5;

	private int withheld;

	/** The count, or {@code null} when it is withheld. */
	Integer shown(int count) {
		if (small(count)) {
			withheld++;
			return null;
		}
		return count;
	}

	/**
	 * One column of a breakdown: its cells as shown, in their order.
	 * @param total the column's total (shown by itself with {@link #shown})
	 */
	List<Integer> column(int total, List<Integer> cells) {
		List<Integer> shown = new ArrayList<>(cells.stream().map(this::shown).toList());
		long withheldHere = shown.stream().filter(cell -> cell == null).count();
		if (withheldHere == 1 && !small(total)) {
			IntStream.range(0, cells.size())
				.filter(i -> shown.get(i) != null && shown.get(i) > 0)
				.boxed()
				.min(Comparator.comparing(cells::get))
				.ifPresent(i -> {
					shown.set(i, null);
					withheld++;
				});
		}
		return shown;
	}

	/** Withholds figures that go with a withheld count (e.g. the sessions of too few pairs). */
	void withholdAlso(int figures) {
		withheld += figures;
	}

	/** How many figures were withheld so far. */
	int withheld() {
		return withheld;
	}

	static boolean small(int count) {
		return count > 0 && count < THRESHOLD;
	}

	/** {@code part / whole} rounded to three decimals, when both are shown and the whole is not zero. */
	static Double share(Integer part, Integer whole) {
		if (part == null || whole == null || whole == 0) {
			return null;
		}
		return Math.round(part * 1000.0 / whole) / 1000.0;
	}

}
