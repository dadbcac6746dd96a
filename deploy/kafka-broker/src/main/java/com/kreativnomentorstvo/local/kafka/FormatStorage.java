package com.kreativnomentorstvo.local.kafka;

import java.io.PrintStream;
import java.nio.file.Path;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Formats a new KRaft log directory with a new cluster id, before its broker first starts. Both
 * launchers of a one-node broker (the local stack and the fault suite) run it as a child process
 * on the broker's own class path, so the cluster id comes from Kafka itself ({@link Uuid#randomUuid()},
 * the generator of {@code kafka-storage.sh random-uuid}) instead of a copy of its format in each
 * launcher. Usage: {@code FormatStorage <server.properties>}; exits 0 when formatted, 1 when Kafka
 * refuses (an already formatted directory, say), 2 on a wrong command line.
 */
public final class FormatStorage {

	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("usage: FormatStorage <server.properties>");
			System.exit(2);
		}
		int status;
		try {
			String clusterId = format(Path.of(args[0]), System.out);
			System.out.println("cluster id " + clusterId);
			status = 0;
		}
		catch (RuntimeException ex) {
			// Kafka's refusals (FormatterException, TerseFailure: "already formatted", a bad setting) are
			// runtime exceptions; the launchers point at this process's log, so all of it goes there
			ex.printStackTrace();
			status = 1;
		}
		// as StorageTool.main does: nothing Kafka started may keep the process alive
		System.exit(status);
	}

	/**
	 * Formats the log directories of the configuration with a new cluster id and returns it. Calls
	 * {@link StorageTool#execute} rather than {@code StorageTool.main}, which exits the JVM and so
	 * could not run inside a test.
	 * @throws IllegalStateException when the storage tool rejects the command line
	 */
	public static String format(Path config, PrintStream out) {
		String clusterId = clusterId();
		int status = StorageTool.execute(new String[] { "format", "--cluster-id", clusterId, "--config",
				config.toString() }, out);
		if (status != 0) {
			throw new IllegalStateException("Kafka's storage tool exited with " + status + " formatting " + config);
		}
		return clusterId;
	}

	/**
	 * A new cluster id: 16 random bytes in URL-safe Base64 without padding (22 characters). Kafka's
	 * {@code randomUuid} already draws again for an id starting with '-', which a command line would
	 * read as an option, and for its reserved ids, so no loop is needed here.
	 */
	static String clusterId() {
		return Uuid.randomUuid().toString();
	}

	private FormatStorage() {
	}

}
