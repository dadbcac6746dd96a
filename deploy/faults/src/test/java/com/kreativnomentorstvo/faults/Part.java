package com.kreativnomentorstvo.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.kreativnomentorstvo.testkit.Ports;

import static org.awaitility.Awaitility.await;

/**
 * One part of the stack as its own process, which the suite can kill, stop, resume and start
 * again with the same command: each start appends to the same log file, after a line that says so.
 */
final class Part {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String name;

	private final AtomicInteger kills = new AtomicInteger();

	/** When each SIGKILL of this part took effect (its process gone). */
	private final List<Instant> killedAt = new CopyOnWriteArrayList<>();

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path log;

	private final Path workingDirectory;

	private volatile Process process;

	private int starts;

	Part(String name, List<String> command, Map<String, String> environment, Path log, Path workingDirectory) {
		this.name = name;
		this.command = List.copyOf(command);
		this.environment = Map.copyOf(environment);
		this.log = log;
		this.workingDirectory = workingDirectory;
	}

	/** {@code java <options> <arguments>} with this JVM's own java. */
	static List<String> java(List<String> options, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options);
		command.addAll(arguments);
		return command;
	}

	String name() {
		return name;
	}

	Path log() {
		return log;
	}

	synchronized void start() throws IOException {
		if (process != null && process.isAlive()) {
			throw new IllegalStateException(name + " is running already");
		}
		Files.createDirectories(log.getParent());
		Files.writeString(log, "\n=== " + name + " start " + (++starts) + " at " + Instant.now() + " ===\n",
				StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		process = builder.start();
	}

	boolean isAlive() {
		Process current = process;
		return current != null && current.isAlive();
	}

	long pid() {
		return process.pid();
	}

	/** SIGKILL: no shutdown hook, no last write, nothing flushed. */
	void kill() throws InterruptedException {
		Process current = process;
		if (current != null && current.isAlive()) {
			current.destroyForcibly();
			current.waitFor(30, TimeUnit.SECONDS);
			kills.incrementAndGet();
			killedAt.add(Instant.now());
		}
	}

	/** How many SIGKILLs of this part took effect after {@code from} and before {@code to}. */
	int killsBetween(Instant from, Instant to) {
		return (int) killedAt.stream().filter(at -> at.isAfter(from) && at.isBefore(to)).count();
	}

	/** How often this part was killed with SIGKILL. */
	int kills() {
		return kills.get();
	}

	/** SIGTERM, as an orchestrator stops a process; SIGKILL after the grace period. */
	void stop(Duration grace) throws InterruptedException {
		Process current = process;
		if (current != null && current.isAlive()) {
			current.destroy();
			if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				current.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	/** SIGSTOP: the process keeps its sockets and answers nothing. */
	void pause() throws IOException, InterruptedException {
		signal("STOP");
	}

	/** SIGCONT. */
	void resume() throws IOException, InterruptedException {
		signal("CONT");
	}

	private void signal(String signal) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
		if (kill.waitFor() != 0) {
			throw new IllegalStateException("kill -" + signal + " " + name + " failed");
		}
	}

	/** Waits until the URL answers 200, failing early if the process exits. */
	void awaitHttp(String url, Duration atMost) {
		awaitHttp(atMost, url);
	}

	/** Waits until one of the URLs answers 200 (where a part has its health, by version), failing early if it exits. */
	void awaitHttp(Duration atMost, String... urls) {
		await(name + " answers " + String.join(" or ", urls)).atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!isAlive()) {
				throw new IllegalStateException(name + " exited; see " + log);
			}
			for (String url : urls) {
				try {
					if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
							HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return true;
					}
				}
				catch (IOException notYet) {
					// not this one, or not yet
				}
			}
			return false;
		});
	}

	/** Waits until something accepts connections on the port, failing early if the process exits. */
	void awaitPort(int port, Duration atMost) {
		await(name + " listens on " + port).atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!isAlive()) {
				throw new IllegalStateException(name + " exited; see " + log);
			}
			return Ports.listening(port);
		});
	}

	@Override
	public String toString() {
		return name;
	}

}
