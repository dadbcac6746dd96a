package com.kreativnomentorstvo.bench.load;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs the load scenarios against a running local stack and writes their figures, each beside its
 * reference, to the console and to {@code target/load-results.md}. {@code bench/load/run.sh} starts
 * the stack and calls this with the scenarios to run: {@code footprint gateway pages notifications pipeline}.
 */
public final class LoadBench {

	static final List<String> SCENARIOS = List.of("footprint", "gateway", "pages", "notifications", "pipeline");

	private LoadBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> env = System.getenv();
		Stack stack = Stack.fromEnvironment(env);
		List<String> scenarios = args.length == 0 ? SCENARIOS : List.of(args);
		Report report = new Report(Path.of(env.getOrDefault("RESULTS", "target/load-results.md")));
		report.line("# Load on the local stack, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
				+ " processors; " + stack.duration().toSeconds() + " s per measured load");
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		for (String scenario : scenarios) {
			switch (scenario) {
				case "footprint" -> new Footprint().run(stack, env, report);
				case "gateway" -> new GatewayOverhead(client).run(stack, report);
				case "pages" -> new WebPages(client).run(stack, report);
				case "notifications" -> new Notifications(client).run(stack, report);
				case "pipeline" -> new EventPipeline(client).run(stack, report);
				default -> throw new IllegalArgumentException("no scenario " + scenario + "; there are " + SCENARIOS);
			}
		}
		System.exit(0);
	}

}
