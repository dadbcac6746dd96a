package com.kreativnomentorstvo.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The whole platform under faults. Starts the stack as separate processes, runs the load through
 * every fault of the size ({@code -Dfaults.size=reduced|full}), checks what the platform did, writes
 * the report to {@code target/faults-report-<size>.md} and fails on any failed check.
 *
 * <p>Against a mutant ({@code -Dfaults.mutant=no-inbox|no-outbox-sweep|no-infrastructure-classification}:
 * a platform build with that mechanism taken out) the expectation turns round: the test passes only
 * if the suite finds something wrong.
 */
class FaultInjectionIT {

	@Test
	void nothingAcknowledgedIsLostAndNothingHappensTwiceUnderFaults() throws Exception {
		// a client cut off mid-message (a killed service) makes GreenMail's handler thread throw: not the suite's failure
		Awaitility.doNotCatchUncaughtExceptionsByDefault();
		FaultSize size = FaultSize.of(System.getProperty("faults.size"));
		Mutant mutant = Mutant.of(System.getProperty("faults.mutant"));
		Path root = Path.of(System.getProperty("mentoring.root", "../..")).toAbsolutePath().normalize();
		Path target = root.resolve("deploy/faults/target");
		String name = size.name() + (mutant == Mutant.NONE ? "" : "-" + mutant.id());
		Instant began = Instant.now();
		try (Stack stack = new Stack(root, System.getProperty("mentoring.version", "0.1.0-SNAPSHOT"),
				target.resolve("faults-run-" + name), mutant)) {
			stack.start();
			try (Kafka kafka = new Kafka(stack.kafkaBootstrap())) {
				FaultSuite suite = new FaultSuite(stack, kafka, size);
				suite.run();
				Verification verification = new Verification(suite);
				List<String> global = new ArrayList<>(
						verification.run(size.name().equals("full") ? Duration.ofMinutes(5) : Duration.ofMinutes(2)));
				if (verification.events() < size.minimumEvents()) {
					global.add("the load caused " + verification.events() + " events; the " + size.name()
							+ " size needs at least " + size.minimumEvents());
				}
				Report report = new Report(size, mutant, suite.ledger(), global, Duration.between(began, Instant.now()));
				Path file = target.resolve("faults-report-" + name + ".md");
				report.write(file);
				System.out.println(report.markdown());
				System.out.println("[faults] report in " + file);
				if (mutant == Mutant.NONE) {
					assertThat(report.findings()).as("failed checks; report in " + file).isEmpty();
				}
				else {
					assertThat(report.findings()).as("the suite notices that " + mutant.id() + " is taken out: a failed check"
							+ " matching " + mutant.expectedFinding() + "; report in " + file)
						.anyMatch(finding -> finding.matches(mutant.expectedFinding()));
				}
			}
		}
	}

}
