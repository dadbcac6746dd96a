package com.kreativnomentorstvo.faults;

import java.util.Arrays;
import java.util.List;

/**
 * A platform build with one mechanism taken out ({@code -Dfaults.mutant=<id>}): the suite must fail
 * against each of them. Only the services run the mutant; see
 * {@code com.kreativnomentorstvo.faults.mutants.MutantsAutoConfiguration}.
 */
enum Mutant {

	/** The real platform. */
	NONE("", false, List.of(), null),

	/** Each delivery of an event is applied, also when the consumer applied it before: the replay applies it again. */
	NO_INBOX("no-inbox", true, List.of(), ".*: [a-z-]+ applied \\d+ events more than once.*"),

	/**
	 * Nothing publishes what the relay right after a write could not: the sweep runs once a century.
	 * What was written while the broker was down stays in the outbox.
	 */
	NO_OUTBOX_SWEEP("no-outbox-sweep", false, List.of("-Dmentoring.outbox.sweep-interval=36500d"),
			".*broker SIGKILL.*: \\d+ acknowledged requests not in every projection.*"),

	/**
	 * A store or broker failure while applying an event counts as a failure of unknown kind: while a
	 * consumer's store is away, its events are dead-lettered after the retries. The finding names the
	 * store's failure as the reason; the phase it is counted in is that of the event's programme,
	 * which may be the one before the outage (its events still being applied when the store went).
	 */
	NO_INFRASTRUCTURE_CLASSIFICATION("no-infrastructure-classification", true, List.of(),
			".*dead-lettered a live event.*(DataAccess|Mongo)[A-Za-z]*Exception.*");

	static final String PROPERTY = "faults.mutant";

	private final String id;

	private final boolean needsCode;

	private final List<String> jvmOptions;

	private final String expectedFinding;

	Mutant(String id, boolean needsCode, List<String> jvmOptions, String expectedFinding) {
		this.id = id;
		this.needsCode = needsCode;
		this.jvmOptions = jvmOptions;
		this.expectedFinding = expectedFinding;
	}

	static Mutant of(String id) {
		if (id == null || id.isBlank()) {
			return NONE;
		}
		return Arrays.stream(values())
			.filter(m -> m.id.equals(id.strip()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown mutant " + id + "; one of no-inbox, "
					+ "no-outbox-sweep, no-infrastructure-classification"));
	}

	String id() {
		return id;
	}

	boolean needsCode() {
		return needsCode;
	}

	List<String> jvmOptions() {
		return jvmOptions;
	}

	/** The failed check (a regular expression over "phase: finding") this mutant must cause. */
	String expectedFinding() {
		return expectedFinding;
	}

}
