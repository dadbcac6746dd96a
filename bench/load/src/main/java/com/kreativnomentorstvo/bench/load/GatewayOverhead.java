package com.kreativnomentorstvo.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 1: what the gateway adds to one authenticated GET, beside the same GET straight to the
 * service in the same run: the added p50 and p99 at 200 requests a second (open load, alternating
 * rounds), and the throughput of each at saturation (closed load) with the processor time each
 * process spends per request.
 */
final class GatewayOverhead {

	static final String PATH = "/api/v1/programmes/prog-reg-lab-2027";

	private static final double RATE = 200;

	private static final int ROUNDS = 2;

	private static final int CONNECTIONS = 16;

	private final HttpClient client;

	GatewayOverhead(HttpClient client) {
		this.client = client;
	}

	void run(Stack stack, Report report) throws InterruptedException {
		report.heading("1. Gateway overhead: `GET " + PATH + "`, directly and through the gateway");
		Requests direct = Requests.get(stack.apiGet(stack.participantService(), PATH));
		Requests through = Requests.get(stack.apiGet(stack.gateway(), PATH));
		ClosedLoad closed = new ClosedLoad(client);
		// the stack runs C1 only: 30 s of warm-up each, or the first round measures compilation
		closed.run("warm-up", 4, Duration.ofSeconds(30), direct);
		closed.run("warm-up", 4, Duration.ofSeconds(30), through);

		OpenLoad open = new OpenLoad(client);
		List<List<String>> rows = new ArrayList<>();
		List<List<String>> added = new ArrayList<>();
		for (int round = 1; round <= ROUNDS; round++) {
			Figures d = open.run("direct, round " + round, RATE, stack.duration(), direct);
			Figures g = open.run("gateway, round " + round, RATE, stack.duration(), through);
			rows.add(Report.row(d, Report.number(RATE)));
			rows.add(Report.row(g, Report.number(RATE)));
			added.add(List.of(Integer.toString(round), Report.number(g.millis(50) - d.millis(50)),
					Report.number(g.millis(99) - d.millis(99))));
		}
		report.line("\nOpen load at " + Report.number(RATE) + " req/s, " + stack.duration().toSeconds()
				+ " s per load, direct and gateway alternating:");
		report.table(Report.columns(), rows);
		report.line("\nWhat the gateway adds (target: <= 3 ms at p50, <= 10 ms at p99):");
		report.table(List.of("round", "added p50 (ms)", "added p99 (ms)"), added);

		StackProcesses processes = StackProcesses.of(stack.pid());
		List<List<String>> saturated = new ArrayList<>();
		List<String> cpuHeader = new ArrayList<>(List.of("load"));
		List<List<String>> cpuRows = new ArrayList<>();
		cpuHeader.add("driver");
		cpuHeader.addAll(processes.names());
		Map<String, Double> atRest = processes.atRest(Duration.ofSeconds(10));
		double[] throughput = new double[2];
		int i = 0;
		for (Requests requests : List.of(direct, through)) {
			String name = requests == direct ? "direct" : "gateway";
			Map<String, Duration> before = processes.cpu();
			Duration driverBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
			Figures f = closed.run(name + ", " + CONNECTIONS + " connections", CONNECTIONS, stack.duration(), requests);
			Duration driver = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).minus(driverBefore);
			Map<String, Double> per = StackProcesses.perRequest(before, processes.cpu(), f.sent(), atRest, f.elapsed());
			saturated.add(Report.row(f, "as many as answered"));
			List<String> cpuRow = new ArrayList<>(List.of(name));
			cpuRow.add(Report.number(driver.toNanos() / 1e6 / Math.max(1, f.sent())));
			per.values().forEach(ms -> cpuRow.add(Report.number(ms)));
			cpuRows.add(cpuRow);
			throughput[i++] = f.throughput();
		}
		report.line("\nClosed load (saturation), " + CONNECTIONS + " connections, " + stack.duration().toSeconds()
				+ " s each:");
		report.table(Report.columns(), saturated);
		report.line("\n**Throughput gateway/direct: " + Report.number(throughput[1] / throughput[0])
				+ "** (target: >= 0.5). Processor time per request (ms) by process, less what each uses at rest ("
				+ atRest.entrySet().stream().map(e -> e.getKey() + " " + Report.number(e.getValue())).toList()
				+ " ms/s):");
		report.table(cpuHeader, cpuRows);
	}

}
