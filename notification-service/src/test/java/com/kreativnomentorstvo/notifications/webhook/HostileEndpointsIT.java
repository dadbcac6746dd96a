package com.kreativnomentorstvo.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.participants.OrganisationUpdated;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Receiver;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.notifications.support.SlowReceiver;
import com.kreativnomentorstvo.notifications.support.SlowReceiver.Behaviour;
import com.kreativnomentorstvo.notifications.support.TestHosts;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/**
 * Endpoints that misbehave, on real sockets on loopback (the tests' operator setting allows
 * 127.0.0.1/32 and nothing else): one that never answers, one that trickles its status line, one
 * that answers at once and trickles an endless body, and a name that resolves to an internal
 * address only once it was accepted. A well-behaved endpoint of the same organisation keeps getting
 * its events as usual meanwhile. Each request has a 5 s deadline here.
 */
class HostileEndpointsIT extends ServiceUnderTest {

	private static final TestTokens TOKENS = TestTokens.shared();

	private static final String UPDATED = EventType.ORGANISATION_UPDATED.typeName();

	private static final long DEADLINE_NANOS = 5_000_000_000L;

	private final String organisation = Fixtures.unique("org");

	private final String coordinator = TOKENS.coordinator(organisation);

	private final List<AutoCloseable> endpoints = new ArrayList<>();

	@AfterEach
	void closeEndpoints() throws Exception {
		for (AutoCloseable endpoint : endpoints) {
			endpoint.close();
		}
	}

	@Test
	void silentAndTricklingEndpointsDelayNobodyElsesDeliveries() {
		SlowReceiver silent = open(new SlowReceiver(Behaviour.SILENT));
		SlowReceiver tricklingStatus = open(new SlowReceiver(Behaviour.TRICKLING_STATUS));
		SlowReceiver tricklingBody = open(new SlowReceiver(Behaviour.TRICKLING_BODY));
		Receiver normal = open(new Receiver());
		String silentHook = subscribe(silent.url());
		String tricklingStatusHook = subscribe(tricklingStatus.url());
		String tricklingBodyHook = subscribe(tricklingBody.url());
		String normalHook = subscribe(normal.url());

		for (int version = 1; version <= 4; version++) {
			Events.publish(new OrganisationUpdated(organisation, "Kultura Nova " + version, "HR", "ngo",
					List.of("name"), version, Instant.now()));
		}

		eventually().until(() -> normal.requests().size() == 4);
		long lastNormal = normal.receivedAtNanos().get(3);
		eventually().until(() -> !silent.connections().isEmpty() && !silent.connections().get(0).open());
		SlowReceiver.Connection firstSilent = silent.connections().get(0);
		// every event reached the normal endpoint before the silent one's first request ran out of time
		assertThat(lastNormal).isLessThan(firstSilent.closedAtNanos());
		assertThat(firstSilent.closedAtNanos() - firstSilent.openedAtNanos).as("the silent request was cut at its deadline")
			.isBetween(DEADLINE_NANOS - 2_000_000_000L, DEADLINE_NANOS + 10_000_000_000L);
		// the silent endpoint never held more than its two places (workers.per-endpoint)
		assertThat(openAt(silent, lastNormal)).isLessThanOrEqualTo(2);
		assertThat(openAt(tricklingStatus, lastNormal)).isLessThanOrEqualTo(2);

		// the body that never ends does not matter: the status line was all that was read
		eventually().until(() -> statuses(tricklingBodyHook).stream().filter("DELIVERED"::equals).count() == 4);
		for (JsonNode delivery : deliveries(tricklingBodyHook).path("items")) {
			assertThat(delivery.path("attempts").get(0).path("durationMillis").asLong()).isLessThan(4_000);
		}
		// a request that ran out of time is logged as such and not repeated at once by the same dispatch
		eventually().until(() -> deliveries(tricklingStatusHook).path("items")
			.findValuesAsString("error")
			.contains("no answer within 5000 ms"));
		eventually().until(() -> deliveries(silentHook).path("items").findValuesAsString("error")
			.contains("no answer within 5000 ms"));
		for (JsonNode delivery : deliveries(silentHook).path("items")) {
			assertThat(delivery.path("requests").asInt()).isLessThanOrEqualTo(delivery.path("dispatches").asInt());
		}
		assertThat(statuses(normalHook)).containsOnly("DELIVERED");
	}

	@Test
	void aNameThatResolvesToAnInternalAddressAfterItWasAcceptedReachesNothing() {
		Receiver[] pair = onOnePort("127.0.0.1", "127.0.0.2");
		Receiver allowed = pair[0];
		Receiver internal = pair[1];
		String name = "hooks-" + UUID.randomUUID().toString().substring(0, 8) + ".rebinding.test";
		TestHosts.point(name, "127.0.0.2");

		String webhook = subscribe("http://" + name + ":" + allowed.port() + "/hook");

		assertThat(TestHosts.lookups(name)).as("no name lookup when subscribing").isZero();
		Events.publish(new OrganisationUpdated(organisation, "Kultura Nova", "HR", "ngo", List.of("kind"), 1,
				Instant.now()));
		eventually().until(() -> deliveries(webhook).path("items").findValuesAsString("error")
			.stream()
			.anyMatch(error -> error.startsWith("refused: URL points at a private, loopback or link-local address (127.0.0.2)")));
		assertThat(internal.requests()).isEmpty();
		assertThat(TestHosts.lookups(name)).as("looked up when connecting").isPositive();

		// the same name, resolving to an address the operator allows: the very next dispatch goes through
		TestHosts.point(name, "127.0.0.1");
		eventually().until(() -> allowed.requests().size() == 1);
		assertThat(internal.requests()).isEmpty();
		assertThat(statuses(webhook)).containsExactly("DELIVERED");
	}

	@Test
	void aSubscriptionLooksUpNoNameOnTheRequestThread() {
		String name = "nowhere-" + UUID.randomUUID().toString().substring(0, 8) + ".invalid";

		Reply created = api().post("/api/v1/webhooks", coordinator,
				Map.of("url", "https://" + name + "/hook", "eventTypes", List.of(UPDATED), "secret",
						"whsec-test-0123456789abcdef"));
		Reply changed = api().put("/api/v1/webhooks/" + created.json().path("id").asString(), coordinator,
				Map.of("url", "https://www." + name + "/hook", "eventTypes", List.of(UPDATED)));

		assertThat(created.status()).isEqualTo(201);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(TestHosts.lookups(name) + TestHosts.lookups("www." + name)).isZero();
		Reply literal = api().post("/api/v1/webhooks", coordinator,
				Map.of("url", "http://10.0.0.8/hook", "eventTypes", List.of(UPDATED), "secret",
						"whsec-test-0123456789abcdef"));
		assertThat(literal.status()).isEqualTo(422);
		assertThat(literal.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
	}

	/** Connections of the endpoint open at the moment. */
	private static long openAt(SlowReceiver endpoint, long nanos) {
		return endpoint.connections()
			.stream()
			.filter(c -> c.openedAtNanos <= nanos && (c.open() || c.closedAtNanos() > nanos))
			.count();
	}

	/** Two receivers on one port, on two loopback addresses. */
	private Receiver[] onOnePort(String first, String second) {
		for (int attempt = 0; attempt < 10; attempt++) {
			Receiver one = open(new Receiver(first, 0));
			try {
				return new Receiver[] { one, open(new Receiver(second, one.port())) };
			}
			catch (IllegalStateException taken) {
				if (!(taken.getCause() instanceof BindException)) {
					throw taken;
				}
			}
		}
		throw new UncheckedIOException(new IOException("no port free on both " + first + " and " + second));
	}

	private <T extends AutoCloseable> T open(T endpoint) {
		endpoints.add(endpoint);
		return endpoint;
	}

	private String subscribe(String url) {
		Reply created = api().post("/api/v1/webhooks", coordinator,
				Map.of("url", url, "eventTypes", List.of(UPDATED), "secret", "whsec-test-0123456789abcdef"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	private JsonNode deliveries(String webhook) {
		return api().get("/api/v1/webhooks/" + webhook + "/deliveries?size=100", coordinator).json();
	}

	private List<String> statuses(String webhook) {
		return deliveries(webhook).path("items").findValuesAsString("status");
	}

}
