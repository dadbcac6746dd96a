package com.kreativnomentorstvo.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processes of a running local stack (the launcher, which holds the store and the mail
 * catcher, and its children: Kafka, the authorization server, the services, the web application
 * and the gateway), by name, with what each has used of the processor and of memory.
 */
final class StackProcesses {

	private static final Pattern JAR = Pattern.compile("([a-z-]+)-\\d[^/]*-exec\\.jar");

	private final Map<String, ProcessHandle> byName;

	private StackProcesses(Map<String, ProcessHandle> byName) {
		this.byName = byName;
	}

	/** The launcher with this process id and its children. */
	static StackProcesses of(long launcherPid) {
		ProcessHandle launcher = ProcessHandle.of(launcherPid)
			.orElseThrow(() -> new IllegalArgumentException("no process " + launcherPid));
		Map<String, ProcessHandle> byName = new LinkedHashMap<>();
		byName.put("launcher (store, mail)", launcher);
		launcher.children().forEach(child -> byName.put(name(child), child));
		return new StackProcesses(byName);
	}

	static String name(ProcessHandle process) {
		String line = process.info().commandLine().orElse("");
		Matcher jar = JAR.matcher(line);
		if (jar.find()) {
			return jar.group(1);
		}
		return line.contains("kafka") ? "kafka" : "pid " + process.pid();
	}

	List<String> names() {
		return List.copyOf(byName.keySet());
	}

	/** Processor time used so far by each process (user and system). */
	Map<String, Duration> cpu() {
		Map<String, Duration> cpu = new LinkedHashMap<>();
		byName.forEach((name, process) -> cpu.put(name, process.info().totalCpuDuration().orElse(Duration.ZERO)));
		return cpu;
	}

	/** Resident memory of each process now, in megabytes. */
	Map<String, Long> residentMegabytes() {
		Map<String, Long> resident = new LinkedHashMap<>();
		byName.forEach((name, process) -> resident.put(name, residentKilobytes(process.pid()).orElse(0L) / 1024));
		return resident;
	}

	static Optional<Long> residentKilobytes(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))
				.stream()
				.filter(l -> l.startsWith("VmRSS:"))
				.map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
				.findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Processor time per request of each process between two readings of {@link #cpu()}, in ms, less
	 * what the process uses at rest over the same time (its scheduled work, the clients' polling).
	 * @param atRest milliseconds per second each process uses without load
	 */
	static Map<String, Double> perRequest(Map<String, Duration> before, Map<String, Duration> after, long requests,
			Map<String, Double> atRest, Duration elapsed) {
		Map<String, Double> per = new LinkedHashMap<>();
		after.forEach((name, used) -> {
			double ms = used.minus(before.getOrDefault(name, Duration.ZERO)).toNanos() / 1e6
					- atRest.getOrDefault(name, 0.0) * elapsed.toNanos() / 1e9;
			per.put(name, Math.max(0, ms) / Math.max(1, requests));
		});
		return per;
	}

	/** Milliseconds of processor time a second each process uses at rest, measured over this time. */
	Map<String, Double> atRest(Duration over) {
		Map<String, Duration> before = cpu();
		java.util.concurrent.locks.LockSupport.parkNanos(over.toNanos());
		Map<String, Double> rest = new LinkedHashMap<>();
		cpu().forEach((name, used) -> rest.put(name,
				used.minus(before.get(name)).toNanos() / 1e6 / (over.toNanos() / 1e9)));
		return rest;
	}

}
