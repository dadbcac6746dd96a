package com.kreativnomentorstvo.notifications.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.kreativnomentorstvo.testkit.MovableClock;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * The base of every integration test: one application context for all of them (same annotations,
 * properties and clock), the JVM's shared broker, store, token issuer and SMTP server, a movable
 * clock, a name resolver tests can point, a store that can be told to refuse a write, and fast
 * polling, retries and back-offs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPlatformInfrastructure
@Import({ TestClock.class, TestHosts.class, StoreFaults.class })
@TestPropertySource(properties = {
		"logging.level.root=WARN",
		"logging.level.com.kreativnomentorstvo=INFO",
		"mentoring.notifications.public-url=http://localhost:8080",
		"mentoring.notifications.mail.poll-interval=200ms",
		"mentoring.notifications.mail.initial-back-off=300ms",
		"mentoring.notifications.mail.max-back-off=1s",
		"mentoring.notifications.mail.max-attempts=100",
		"mentoring.notifications.mail.from=Kreativno mentorstvo <no-reply@kreativnomentorstvo.org>",
		"mentoring.notifications.webhooks.allowed-private-networks=127.0.0.1/32",
		"mentoring.notifications.webhooks.poll-interval=200ms",
		"mentoring.notifications.webhooks.timeout=5s",
		"mentoring.notifications.webhooks.workers=8",
		"mentoring.notifications.webhooks.per-endpoint=2",
		"mentoring.notifications.inbox.max-per-recipient=20",
		// short retentions, so that a test moves the clock by days, not months; only tests run the purge
		"mentoring.notifications.inbox.read-retention=2d",
		"mentoring.notifications.inbox.unread-retention=5d",
		"mentoring.notifications.mail.retention=5d",
		"mentoring.notifications.webhooks.retention=5d",
		"mentoring.notifications.purge-interval=1000d",
		"mentoring.notifications.webhooks.retry.max-attempts=3",
		"mentoring.notifications.webhooks.retry.initial-wait=50ms",
		"mentoring.notifications.webhooks.circuit-breaker.sliding-window=4",
		"mentoring.notifications.webhooks.circuit-breaker.minimum-calls=4",
		"mentoring.notifications.webhooks.circuit-breaker.failure-rate-threshold=50",
		"mentoring.notifications.webhooks.circuit-breaker.wait-in-open-state=1h",
		"mentoring.notifications.webhooks.initial-back-off=200ms",
		"mentoring.notifications.webhooks.max-back-off=1s",
		"mentoring.notifications.webhooks.max-delivery-attempts=1000",
		"mentoring.notifications.webhooks.disable-after=1h",
		"mentoring.notifications.webhooks.disable-after-failures=4",
		// events waiting for facts are decided again at once; the deadline is the default (15m)
		"mentoring.notifications.webhooks.pending.sweep-interval=200ms",
		// reminder tests drive the schedulers themselves, as separate "instances" sharing the store
		"mentoring.notifications.reminders.poll-interval=1h",
		"mentoring.notifications.reminders.proposal-unanswered-after=3d",
		"mentoring.notifications.reminders.pair-silent-after=21d",
		"mentoring.notifications.stream.poll-interval=200ms",
		"mentoring.notifications.stream.heartbeat=2s" })
public abstract class ServiceUnderTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected MovableClock clock;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", Smtp::port);
	}

	protected ServiceApi api() {
		return new ServiceApi(port);
	}

	/**
	 * The value of a counter on {@code /actuator/prometheus}, e.g. {@code mentoring_notifications_email_total}
	 * with {@code outcome="sent"}; {@code null} when the service does not show it.
	 */
	protected Double counter(String name, String outcome) {
		Reply scraped = api().get("/actuator/prometheus", null);
		Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*outcome=\"" + Pattern.quote(outcome)
				+ "\"[^}]*} (\\S+)$").matcher(scraped.body());
		return line.find() ? Double.valueOf(line.group(1)) : null;
	}

	/** The signed-in holder's own inbox, once it holds a notification of the kind. */
	protected JsonNode awaitInbox(String token, String kind) {
		ServiceApi api = api();
		eventually().until(() -> api.get("/api/v1/notifications", token).json().path("items").findValuesAsString("kind")
			.contains(kind));
		return api.get("/api/v1/notifications", token).json();
	}

	/** The e-mails of one kind received so far at the address. */
	protected static List<MimeMessage> mails(String address, String kind) {
		return Smtp.to(address).stream().filter(m -> kind.equals(Mail.header(m, "X-Mentoring-Kind"))).toList();
	}

	/** The first e-mail of the kind at the address, once there is one. */
	protected static MimeMessage awaitOne(String address, String kind) {
		eventually().until(() -> !mails(address, kind).isEmpty());
		return mails(address, kind).get(0);
	}

	/** Awaitility with the generous timeout of a shared, busy build machine. */
	protected static ConditionFactory eventually() {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200));
	}

}
