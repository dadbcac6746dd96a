package com.kreativnomentorstvo.gateway.ratelimit;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.kreativnomentorstvo.testkit.Ports;

/**
 * A real Redis server for tests, started from the {@code redis-server} binary when the machine has
 * one (Debian: {@code apt-get install redis-server}); tests that need it skip when it has not.
 */
final class RedisServer implements AutoCloseable {

	private final Process process;

	private final int port;

	private RedisServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** The binary on the {@code PATH}, if any. */
	static Optional<Path> binary() {
		String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin" + File.pathSeparator
				+ "/usr/local/bin";
		return Stream.of(path.split(File.pathSeparator))
			.filter(directory -> !directory.isBlank())
			.map(directory -> Path.of(directory, "redis-server"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/** Starts a server on a free loopback port, without persistence, and waits until it listens. */
	static RedisServer start(Path binary) throws IOException {
		int port = Ports.free();
		Process process = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		RedisServer server = new RedisServer(process, port);
		await().atMost(Duration.ofSeconds(30)).until(() -> Ports.listening(port));
		return server;
	}

	String url() {
		return "redis://127.0.0.1:" + port;
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
