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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario 3: a thousand sessions booked in a burst through the gateway by the four demo pairs that
 * cross a border (paired by hand by the programme's organiser), each pair booking as fast as the
 * platform answers, and the time until every e-mail about them (one to the mentor and one to the
 * mentee per session) has been accepted by the stack's SMTP server, counted at that server.
 */
final class Notifications {

	static final int SESSIONS = 1_000;

	private static final String PROGRAMME = "prog-reg-lab-2027";

	/** Mentor and mentee of each pair; different countries, as the programme's rules want. */
	private static final List<List<String>> PAIRS = List.of(List.of("p-demo-mentor-2", "p-demo-mentee-1"),
			List.of("p-demo-mentor-1", "p-demo-mentee-2"), List.of("p-demo-mentor-4", "p-demo-mentee-3"),
			List.of("p-demo-mentor-3", "p-demo-mentee-4"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;

	Notifications(HttpClient client) {
		this.client = client;
	}

	void run(Stack stack, Report report) throws Exception {
		report.heading("3. Notifications: " + SESSIONS + " sessions booked in a burst, until every e-mail is at the SMTP server");
		List<String> mentorships = new ArrayList<>();
		List<String> addresses = new ArrayList<>();
		for (List<String> pair : PAIRS) {
			mentorships.add(mentorship(stack, pair.get(0), pair.get(1)));
			addresses.add(address(stack, pair.get(0)));
			addresses.add(address(stack, pair.get(1)));
		}
		// one session of each pair first: that it is told by e-mail to both, and everything warm
		LocalDateTime first = LocalDate.now().plusDays(3).atTime(LocalTime.of(6, 0));
		long[] before = counts(stack, addresses);
		for (String mentorship : mentorships) {
			expect(send(book(stack, mentorship, first)), 201, "the first session of " + mentorship);
		}
		long[] one = new long[addresses.size()];
		Arrays.fill(one, 1);
		awaitCounts(stack, addresses, before, one, Duration.ofMinutes(1));

		// the pairings' own e-mails (the introductions) may still be on their way: count from when none arrives
		long[] start = settledCounts(stack, addresses, Duration.ofSeconds(3), Duration.ofMinutes(1));
		AtomicLongArray bookedOf = new AtomicLongArray(PAIRS.size());
		long began = System.nanoTime();
		Figures burst = new ClosedLoad(client).run("book a session (`POST /api/v1/mentorships/{id}/sessions`)",
				PAIRS.size(), Duration.ofMinutes(5), SESSIONS, new Requests() {

					@Override
					public HttpRequest request(long number) {
						// connection c books for pair c; two hours apart, so that none overlaps another
						return book(stack, mentorships.get((int) (number % PAIRS.size())),
								first.plusHours(2 * (number / PAIRS.size() + 1)));
					}

					@Override
					public boolean answered(long number, HttpResponse<String> response) {
						if (response.statusCode() != 201) {
							return false;
						}
						bookedOf.incrementAndGet((int) (number % PAIRS.size()));
						return true;
					}
				});
		long booked = System.nanoTime();
		// each person is told of each session of her pair
		long[] expected = new long[addresses.size()];
		for (int i = 0; i < expected.length; i++) {
			expected[i] = bookedOf.get(i / 2);
		}
		long[] reached = awaitCounts(stack, addresses, start, expected, Duration.ofMinutes(10));
		long delivered = System.nanoTime();
		long emails = 0;
		for (int i = 0; i < reached.length; i++) {
			emails += reached[i] - start[i];
		}
		double seconds = (delivered - began) / 1e9;

		report.table(Report.columns(), List.of(Report.row(burst, "as many as answered, one connection per pair")));
		report.line("\n" + burst.expected() + " sessions booked in " + Report.number((booked - began) / 1e9) + " s; "
				+ emails + " e-mails of " + 2 * burst.expected() + " expected at the SMTP server **"
				+ Report.number(seconds) + " s** after the first booking (target: 1,000 e-mails <= 30 s), **"
				+ Report.number(emails / seconds) + " e-mails/s**; the last one "
				+ Report.number((delivered - booked) / 1e9) + " s after the last booking was answered.");
	}

	/** The pair's mentorship: paired by hand and started at once (or found, from an earlier run). */
	private String mentorship(Stack stack, String mentor, String mentee) throws Exception {
		HttpResponse<String> paired = send(json(stack, stack.adminToken(), "/api/v1/programmes/" + PROGRAMME + "/matches",
				"{\"mentorId\": \"%s\", \"menteeId\": \"%s\", \"startNow\": true}".formatted(mentor, mentee)));
		if (paired.statusCode() != 201 && paired.statusCode() != 409) {
			throw new IllegalStateException("pairing failed: " + paired.statusCode() + " " + paired.body());
		}
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		while (System.nanoTime() < deadline) {
			HttpResponse<String> found = send(stack.apiGet(stack.gateway(),
					"/api/v1/mentorships?programmeId=" + PROGRAMME + "&size=100", stack.adminToken()));
			if (found.statusCode() == 200) {
				for (JsonNode m : JSON.readTree(found.body()).path("items")) {
					if (mentor.equals(m.path("mentor").path("participantId").asString())
							&& mentee.equals(m.path("mentee").path("participantId").asString())
							&& "ACTIVE".equals(m.path("status").asString())) {
						return m.path("id").asString();
					}
				}
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
		}
		throw new IllegalStateException("no active mentorship of " + mentor + " and " + mentee + " within a minute");
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

	/** Waits until each address has received as many more messages as given for it; the counts then. */
	private long[] awaitCounts(Stack stack, List<String> addresses, long[] from, long[] more, Duration atMost)
			throws Exception {
		long deadline = System.nanoTime() + atMost.toNanos();
		long[] now = counts(stack, addresses);
		while (System.nanoTime() < deadline) {
			now = counts(stack, addresses);
			boolean all = true;
			for (int i = 0; i < now.length; i++) {
				all &= now[i] - from[i] >= more[i];
			}
			if (all) {
				return now;
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
		}
		return now;
	}

	/** The mailboxes' counts once they have not changed for {@code quiet} (or after {@code atMost}). */
	private long[] settledCounts(Stack stack, List<String> addresses, Duration quiet, Duration atMost)
			throws IOException, InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		long[] last = counts(stack, addresses);
		long since = System.nanoTime();
		while (System.nanoTime() - since < quiet.toNanos() && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
			long[] now = counts(stack, addresses);
			if (!Arrays.equals(now, last)) {
				last = now;
				since = System.nanoTime();
			}
		}
		return last;
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
