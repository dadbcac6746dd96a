package com.kreativnomentorstvo.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario 3: a thousand sessions of one pair (a mentor in Croatia, a mentee in Serbia, paired by
 * hand by the programme's organiser) booked in a burst through the gateway, and the time
 * until every e-mail about them (one to the mentor and one to the mentee per session) has been
 * accepted by the stack's SMTP server, counted at that server.
 */
final class Notifications {

	static final int SESSIONS = 1_000;

	/** How fast the burst is sent: as fast as session-service takes it. */
	private static final double BURST_RATE = 500;

	private static final String PROGRAMME = "prog-reg-lab-2027";

	private static final String MENTOR = "p-demo-mentor-2";

	private static final String MENTEE = "p-demo-mentee-1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;

	Notifications(HttpClient client) {
		this.client = client;
	}

	void run(Stack stack, Report report) throws Exception {
		report.heading("3. Notifications: " + SESSIONS + " sessions booked in a burst, until every e-mail is at the SMTP server");
		String mentorship = mentorship(stack);
		List<String> addresses = List.of(address(stack, MENTOR), address(stack, MENTEE));
		// one session first: that it is told by e-mail to both, and everything warm
		LocalDateTime first = LocalDate.now().plusDays(3).atTime(LocalTime.of(6, 0));
		long[] before = counts(stack, addresses);
		expect(send(book(stack, mentorship, first)), 201, "the first session");
		awaitCounts(stack, addresses, before, 1, Duration.ofMinutes(1));

		long[] start = counts(stack, addresses);
		long began = System.nanoTime();
		Figures burst = new OpenLoad(client).run("book a session (`POST /api/v1/mentorships/{id}/sessions`)", BURST_RATE,
				Duration.ofNanos(Math.round(SESSIONS / BURST_RATE * 1e9)), new Requests() {

					@Override
					public HttpRequest request(long number) {
						// two hours apart, so that none overlaps another
						return book(stack, mentorship, first.plusHours(2 * (number + 1)));
					}

					@Override
					public boolean answered(long number, HttpResponse<String> response) {
						return response.statusCode() == 201;
					}
				});
		long booked = System.nanoTime();
		long[] reached = awaitCounts(stack, addresses, start, burst.expected(), Duration.ofMinutes(5));
		long delivered = System.nanoTime();
		long emails = (reached[0] - start[0]) + (reached[1] - start[1]);
		double seconds = (delivered - began) / 1e9;

		report.table(Report.columns(), List.of(Report.row(burst, Report.number(BURST_RATE))));
		report.line("\n" + burst.expected() + " sessions booked in " + Report.number((booked - began) / 1e9) + " s; "
				+ emails + " e-mails of " + 2 * burst.expected() + " expected at the SMTP server **"
				+ Report.number(seconds) + " s** after the first booking (target: <= 30 s), "
				+ Report.number(emails / seconds) + " e-mails/s; the last one "
				+ Report.number((delivered - booked) / 1e9) + " s after the last booking was answered.");
	}

	/** The pair's mentorship: paired by hand and started at once (or found, from an earlier run). */
	private String mentorship(Stack stack) throws Exception {
		HttpResponse<String> paired = send(json(stack, stack.adminToken(), "/api/v1/programmes/" + PROGRAMME + "/matches",
				"{\"mentorId\": \"%s\", \"menteeId\": \"%s\", \"startNow\": true}".formatted(MENTOR, MENTEE)));
		if (paired.statusCode() != 201 && paired.statusCode() != 409) {
			throw new IllegalStateException("pairing failed: " + paired.statusCode() + " " + paired.body());
		}
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		while (System.nanoTime() < deadline) {
			HttpResponse<String> found = send(stack.apiGet(stack.gateway(),
					"/api/v1/mentorships?programmeId=" + PROGRAMME + "&size=100", stack.adminToken()));
			if (found.statusCode() == 200) {
				for (JsonNode m : JSON.readTree(found.body()).path("items")) {
					if (MENTOR.equals(m.path("mentor").path("participantId").asString())
							&& MENTEE.equals(m.path("mentee").path("participantId").asString())
							&& "ACTIVE".equals(m.path("status").asString())) {
						return m.path("id").asString();
					}
				}
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
		}
		throw new IllegalStateException("no active mentorship of " + MENTOR + " and " + MENTEE + " within a minute");
	}

	private String address(Stack stack, String participant) throws Exception {
		HttpResponse<String> read = send(stack.apiGet(stack.gateway(), "/api/v1/participants/" + participant,
				stack.adminToken()));
		expect(read, 200, participant);
		return JSON.readTree(read.body()).path("email").asString();
	}

	private HttpRequest book(Stack stack, String mentorship, LocalDateTime start) {
		return json(stack, stack.token(), "/api/v1/mentorships/" + mentorship + "/sessions",
				"{\"start\": \"%s\", \"timeZone\": \"Europe/Belgrade\", \"durationMinutes\": 60}".formatted(start));
	}

	private static HttpRequest json(Stack stack, String token, String path, String body) {
		return HttpRequest.newBuilder(URI.create(stack.gateway() + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/** Waits until each address has received this many more messages; the counts then. */
	private long[] awaitCounts(Stack stack, List<String> addresses, long[] from, long more, Duration atMost)
			throws Exception {
		long deadline = System.nanoTime() + atMost.toNanos();
		long[] now = counts(stack, addresses);
		while (System.nanoTime() < deadline) {
			now = counts(stack, addresses);
			boolean all = true;
			for (int i = 0; i < now.length; i++) {
				all &= now[i] - from[i] >= more;
			}
			if (all) {
				return now;
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
		}
		return now;
	}

	private long[] counts(Stack stack, List<String> addresses) throws IOException, InterruptedException {
		long[] counts = new long[addresses.size()];
		for (int i = 0; i < counts.length; i++) {
			HttpResponse<String> count = send(HttpRequest.newBuilder(URI.create(stack.mail() + "/messages/count?to="
					+ URLEncoder.encode(addresses.get(i), StandardCharsets.UTF_8))).build());
			counts[i] = JSON.readTree(count.body()).path("count").asLong();
		}
		return counts;
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static void expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
		}
	}

}
