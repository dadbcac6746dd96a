package com.kreativnomentorstvo.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A part of the stack running as its own JVM, its output in a log file. */
final class ChildProcess {

	private final String name;

	private final Process process;

	private final Path log;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/** Starts {@code java <jvmOptions> <arguments>} with the extra environment. */
	static ChildProcess startJava(String name, List<String> jvmOptions, List<String> arguments,
			Map<String, String> environment, Path logs, Path workingDirectory) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(arguments);
		Files.createDirectories(logs);
		Path log = logs.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		return new ChildProcess(name, builder.start(), log);
	}

	/** Runs a short java command to completion, failing if it does not succeed. */
	static void runJava(String name, List<String> arguments, Path logs, Path workingDirectory)
			throws IOException, InterruptedException {
		ChildProcess child = startJava(name, List.of("-Xmx256m"), arguments, Map.of(), logs, workingDirectory);
		if (!child.process.waitFor(60, TimeUnit.SECONDS) || child.process.exitValue() != 0) {
			throw new IllegalStateException(name + " failed; see " + child.log);
		}
	}

	String name() {
		return name;
	}

	Path log() {
		return log;
	}

	long pid() {
		return process.pid();
	}

	boolean isAlive() {
		return process.isAlive();
	}

	/** Resident memory in kB (Linux), or -1 where it cannot be read. */
	long residentKilobytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or already gone
		}
		return -1;
	}

	/** Asks the process to stop (SIGTERM), then forces it after the grace period. */
	void stop(long graceSeconds) {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
