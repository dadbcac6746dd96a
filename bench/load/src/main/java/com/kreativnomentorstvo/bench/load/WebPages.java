package com.kreativnomentorstvo.bench.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 6: the time to the answer of the web application's main pages, each beside the API call
 * the page makes, at the same constant rates in the same run; the goal is a page at most twice its
 * slowest API call at p95.
 */
final class WebPages {

	/** A page and the slowest API call it makes. */
	record Page(String path, String api) {
	}

	static final List<Page> PAGES = List.of(new Page("/programmes", "/api/v1/programmes?page=0&size=20"),
			new Page("/programmes/prog-reg-lab-2027", "/api/v1/programmes/prog-reg-lab-2027"),
			new Page("/programmes/prog-reg-lab-2027/applications",
					"/api/v1/participants?programmeId=prog-reg-lab-2027&status=APPLIED&size=100"));

	/** Requests a second: a light and a busy hour of a partner organisation's instance. */
	private static final List<Double> RATES = List.of(10.0, 40.0);

	private final HttpClient client;

	WebPages(HttpClient client) {
		this.client = client;
	}

	void run(Stack stack, Report report) throws InterruptedException {
		report.heading("6. Web pages beside the API calls they make (open load, through the gateway)");
		OpenLoad open = new OpenLoad(client);
		ClosedLoad closed = new ClosedLoad(client);
		List<List<String>> rows = new ArrayList<>();
		List<List<String>> ratios = new ArrayList<>();
		for (Page page : PAGES) {
			Requests pageRequests = Requests.get(stack.pageGet(page.path()));
			Requests apiRequests = Requests.get(stack.apiGet(stack.gateway(), page.api()));
			closed.run("warm-up", 2, Duration.ofSeconds(5), pageRequests);
			closed.run("warm-up", 2, Duration.ofSeconds(5), apiRequests);
			for (double rate : RATES) {
				Figures p = open.run("`" + page.path() + "`", rate, stack.duration(), pageRequests);
				Figures a = open.run("its API call `" + page.api() + "`", rate, stack.duration(), apiRequests);
				rows.add(Report.row(p, Report.number(rate)));
				rows.add(Report.row(a, Report.number(rate)));
				ratios.add(List.of("`" + page.path() + "`", Report.number(rate), Report.number(p.millis(95)),
						Report.number(a.millis(95)), "**" + Report.number(p.millis(95) / a.millis(95)) + "**"));
			}
		}
		report.line("\n" + stack.duration().toSeconds() + " s per load, the page and then its API call at each rate:");
		report.table(Report.columns(), rows);
		report.line("\nPage against its API call at p95 (goal: <= 2):");
		report.table(List.of("page", "req/s", "page p95 (ms)", "API p95 (ms)", "page/API"), ratios);
	}

}
