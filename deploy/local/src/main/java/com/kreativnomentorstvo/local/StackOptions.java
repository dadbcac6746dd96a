package com.kreativnomentorstvo.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the local stack runs: where the repository and the data are, which ports, and which parts
 * are external. Command-line flags win over environment variables.
 *
 * @param root the repository (the runnable jars are under each module's {@code target/})
 * @param dataDir where the store, the broker and the logs keep their files
 * @param portOffset added to every port, so a second stack (e.g. the system test) can run beside one
 * @param reset wipe the data directory first
 * @param demo load the demo programme if it is not there yet
 * @param jvmOptions added after the stack's own JVM options for the gateway and the services (the
 *     last of two options wins), e.g. {@code -XX:TieredStopAtLevel=4} for full JIT in a benchmark
 * @param env the environment; {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}, {@code SMTP_HOST}
 *     / {@code SMTP_PORT} and {@code ISSUER_URI} replace the parts the stack would start
 */
record StackOptions(Path root, Path dataDir, int portOffset, boolean reset, boolean demo, List<String> jvmOptions,
		Map<String, String> env) {

	static StackOptions parse(String[] args, Map<String, String> env) {
		Path root = Path.of(System.getProperty("mentoring.root", ".")).toAbsolutePath().normalize();
		Path dataDir = null;
		int offset = Integer.parseInt(env.getOrDefault("MENTORING_PORT_OFFSET", "0"));
		boolean reset = false;
		boolean demo = true;
		List<String> jvmOptions = List.of();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--reset" -> reset = true;
				case "--no-demo" -> demo = false;
				case "--data-dir" -> dataDir = Path.of(args[++i]);
				case "--port-offset" -> offset = Integer.parseInt(args[++i]);
				case "--jvm-options" -> jvmOptions = List.of(args[++i].trim().split("\\s+"));
				case "--help", "-h" -> {
					System.out.println("""
							Usage: ./run-local.sh [--reset] [--no-demo] [--data-dir DIR] [--port-offset N] [--jvm-options "..."]
							  --reset          wipe the local data (store, broker, logs) before starting
							  --no-demo        do not load the demo programme
							  --data-dir DIR   keep data in DIR instead of .local/
							  --port-offset N  add N to every port (run a second stack beside the first)
							  --jvm-options "OPTS"  more JVM options for the gateway and services; they
							                   start with a small heap and C1 only (quick start, little
							                   memory): "-XX:TieredStopAtLevel=4 -Xmx512m" for full speed
							Environment: KAFKA_BOOTSTRAP_SERVERS, MONGODB_URI, SMTP_HOST/SMTP_PORT, ISSUER_URI
							use an existing part instead of starting one.""");
					System.exit(0);
				}
				default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
			}
		}
		return new StackOptions(root, (dataDir == null ? root.resolve(".local") : dataDir).toAbsolutePath(), offset,
				reset, demo, jvmOptions, env);
	}

	int port(int base) {
		return base + portOffset;
	}

	String external(String variable) {
		String value = env.get(variable);
		return value == null || value.isBlank() ? null : value;
	}

	Path logs() {
		return dataDir.resolve("logs");
	}

}
