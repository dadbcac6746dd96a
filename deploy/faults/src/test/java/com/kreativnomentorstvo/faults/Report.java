package com.kreativnomentorstvo.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.kreativnomentorstvo.faults.Ledger.Phase;

/** The suite's report: one row per fault, then what failed and what was noticed, as Markdown. */
final class Report {

	private final FaultSize size;

	private final Mutant mutant;

	private final Ledger ledger;

	private final List<String> global;

	private final Duration took;

	Report(FaultSize size, Mutant mutant, Ledger ledger, List<String> global, Duration took) {
		this.size = size;
		this.mutant = mutant;
		this.ledger = ledger;
		this.global = global;
		this.took = took;
	}

	/** Every failed check, in words. */
	List<String> findings() {
		List<String> findings = new ArrayList<>();
		global.stream().filter(g -> !g.startsWith("note: ")).forEach(findings::add);
		for (Phase phase : ledger.phases) {
			phase.findings.forEach(f -> findings.add(phase.name() + ": " + f));
		}
		return findings;
	}

	String markdown() {
		StringBuilder out = new StringBuilder();
		out.append("### Fault-injection suite, ").append(size.name()).append(" size")
			.append(mutant == Mutant.NONE ? "" : ", against the mutant `" + mutant.id() + "`")
			.append("\n\n")
			.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)))
			.append(" UTC, ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
			.append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s; ")
			.append(findings().isEmpty() ? "**passed**" : "**" + findings().size() + " failed checks**")
			.append("\n\n")
			.append("| # | fault | sent | acknowledged | observed | lost | duplicated | dead-lettered | recovery |\n")
			.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
		int index = 0;
		int[] totals = new int[6];
		for (Phase phase : ledger.phases) {
			out.append("| ").append(index++).append(" | ").append(phase.name()).append(phase.findings.isEmpty() ? "" : " ✗")
				.append(" | ").append(phase.sent.get())
				.append(" | ").append(phase.acknowledged.get())
				.append(" | ").append(phase.observed)
				.append(" | ").append(phase.lost)
				.append(" | ").append(phase.duplicated)
				.append(" | ").append(phase.deadLettered)
				.append(" | ").append(recovery(phase))
				.append(" |\n");
			totals[0] += phase.sent.get();
			totals[1] += phase.acknowledged.get();
			totals[2] += phase.observed;
			totals[3] += phase.lost;
			totals[4] += phase.duplicated;
			totals[5] += phase.deadLettered;
		}
		out.append("| | **total** | ").append(totals[0]).append(" | ").append(totals[1]).append(" | ").append(totals[2])
			.append(" | ").append(totals[3]).append(" | ").append(totals[4]).append(" | ").append(totals[5])
			.append(" | |\n\n");
		out.append("sent and acknowledged: requests of the load that change something (acknowledged = 2xx); observed:"
				+ " acknowledged ones found in every projection that should hold them (the event on its topic, the"
				+ " owning and the consuming services' state, the inboxes, the e-mails at the SMTP server, both webhook"
				+ " subscribers); duplicated: effects beyond one (notifications, e-mails, webhook deliveries,"
				+ " mentorships, sessions, applications of an event in a consumer group); dead-lettered: records on"
				+ " the dead-letter topics (poison, and any live event); recovery: from the end of the fault until"
				+ " every service's median read latency through the gateway is within 2x of its baseline.\n\n");
		for (Phase phase : ledger.phases) {
			if (phase.findings.isEmpty() && phase.notes.isEmpty()) {
				continue;
			}
			out.append("- **").append(phase.name()).append("** (").append(phase.description).append(")\n");
			phase.notes.forEach(n -> out.append("  - ").append(n).append('\n'));
			phase.findings.forEach(f -> out.append("  - ✗ ").append(f).append('\n'));
		}
		if (!global.isEmpty()) {
			out.append("- **whole run**\n");
			global.forEach(g -> out.append("  - ").append(g.startsWith("note: ") ? g.substring(6) : "✗ " + g).append('\n'));
		}
		return out.toString();
	}

	private static String recovery(Phase phase) {
		if (!phase.recoveryMeasured) {
			return "–";
		}
		return phase.recovery == null ? "not within 60 s" : phase.recovery.toSeconds() + " s";
	}

	void write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, markdown());
	}

}
