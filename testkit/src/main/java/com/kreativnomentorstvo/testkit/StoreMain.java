package com.kreativnomentorstvo.testkit;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The store of the fault-injection suite as a process of its own, so that the suite can stop it
 * (SIGSTOP) and resume it (SIGCONT) like a database server that hangs: a server speaking the
 * MongoDB wire protocol (mongo-java-server, {@link CopyingMemoryBackend}), its data in memory. It
 * exits when the suite's JVM is gone. Its class path needs only this class, that backend and
 * mongo-java-server's own jars. Usage: {@code StoreMain <port> <suite-pid>}.
 */
public final class StoreMain {

	/** Printed once the store accepts connections. */
	public static final String READY = "store ready on port ";

	public static void main(String[] args) {
		int port = Integer.parseInt(args[0]);
		long suite = Long.parseLong(args[1]);
		MongoServer server = new MongoServer(new CopyingMemoryBackend());
		server.bind("127.0.0.1", port);
		ProcessHandle.of(suite).ifPresentOrElse(parent -> parent.onExit().thenRun(() -> {
			server.shutdownNow();
			System.exit(0);
		}), () -> System.exit(0));
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "store-stop"));
		System.out.println(READY + port);
	}

	private StoreMain() {
	}

}
