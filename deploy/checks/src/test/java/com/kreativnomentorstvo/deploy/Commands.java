package com.kreativnomentorstvo.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the real tools (docker-compose, kubectl, kustomize, promtool) when this machine has them. */
final class Commands {

	private Commands() {
	}

	record Result(int exitCode, String output) {

		boolean succeeded() {
			return exitCode == 0;
		}

	}

	/** The executable of that name on the PATH, if there is one. */
	static Optional<Path> onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Arrays.stream(path.split(File.pathSeparator))
			.filter(directory -> !directory.isBlank())
			.map(directory -> Path.of(directory, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/** Runs a command in the repository root; standard error goes into the output. */
	static Result run(List<String> command) {
		return run(command, Repository.ROOT);
	}

	static Result run(List<String> command, Path directory) {
		try {
			Path output = Files.createTempFile("deploy-checks-", ".out");
			try {
				Process process = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
					.redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
					.start();
				if (!process.waitFor(120, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new AssertionError("timed out after 120 s: " + command);
				}
				return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException e) {
			throw new AssertionError("could not run " + command, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted: " + command, e);
		}
	}

}
