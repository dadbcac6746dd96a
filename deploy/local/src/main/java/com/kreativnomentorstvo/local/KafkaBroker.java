package com.kreativnomentorstvo.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Apache Kafka's own server in KRaft mode (one node, broker and controller), as a child process
 * with its log directory under the data directory, so topics survive restarts like the store does.
 */
final class KafkaBroker {

	private static final String ENTRY = "com.kreativnomentorstvo.local.kafka.WatchedMain";

	/** Formats the log directory with a cluster id Kafka draws itself (the fault suite's broker uses it too). */
	private static final String FORMAT = "com.kreativnomentorstvo.local.kafka.FormatStorage";

	static ChildProcess start(StackOptions options, int port, int controllerPort) throws IOException,
			InterruptedException {
		Path home = options.dataDir().resolve("kafka");
		Path logDir = home.resolve("data");
		Path config = home.resolve("server.properties");
		Files.createDirectories(logDir);
		Files.writeString(config, """
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				controller.quorum.voters=1@127.0.0.1:%2$d
				log.dirs=%3$s
				""".formatted(port, controllerPort, logDir.toString().replace("\\", "/")) + commonSettings(options.root()));
		List<String> classPath = List.of("-cp", classPath(options));
		if (!Files.exists(logDir.resolve("meta.properties"))) {
			ChildProcess.runJava("kafka-format",
					concat(classPath, List.of(FORMAT, config.toString())),
					options.logs(), options.root());
		}
		return ChildProcess.startJava("kafka", List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"),
				concat(classPath, List.of(ENTRY, Long.toString(ProcessHandle.current().pid()), "kafka.Kafka",
						config.toString())),
				Map.of(), options.logs(), options.root());
	}

	/**
	 * The settings every one-node broker of the project shares, from the kafka-broker module's
	 * {@code single-node-broker.properties} (the fault suite's broker reads them too).
	 */
	static String commonSettings(Path root) throws IOException {
		Path settings = root.resolve("deploy/kafka-broker/target/classes/single-node-broker.properties");
		if (!Files.exists(settings)) {
			throw new IllegalStateException("Kafka's settings are missing: build first (" + settings + ")");
		}
		return Files.readString(settings);
	}

	private static String classPath(StackOptions options) {
		Path module = options.root().resolve("deploy/kafka-broker/target");
		if (!Files.isDirectory(module.resolve("lib"))) {
			throw new IllegalStateException("Kafka's class path is missing: build first (" + module + "/lib)");
		}
		return module.resolve("classes") + java.io.File.pathSeparator + module.resolve("lib") + "/*";
	}

	private static List<String> concat(List<String> first, List<String> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}

	private KafkaBroker() {
	}

}
