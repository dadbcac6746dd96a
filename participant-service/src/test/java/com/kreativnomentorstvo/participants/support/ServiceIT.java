package com.kreativnomentorstvo.participants.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.kreativnomentorstvo.participants.account.Account;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

/**
 * The one application context of this module's integration tests: the service on a random port
 * with the JVM's shared broker, store and token issuer. Each test builds its own small network of
 * organisations with unique ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
				"logging.level.state.change.logger=WARN", "logging.level.org.springframework.kafka=WARN" })
@WithPlatformInfrastructure
@Import(TestIdentityProvider.InContext.class)
public abstract class ServiceIT {

	protected static final TestTokens TOKENS = TestTokens.shared();

	@LocalServerPort
	int port;

	@Autowired
	protected MongoOperations mongo;

	@Autowired
	protected TestIdentityProvider accounts;

	protected ServiceApi api;

	protected final String admin = TOKENS.admin("org-platform");

	/** The other services' data exports, behind a stand-in for the gateway. */
	protected static final StubGateway GATEWAY = StubGateway.shared();

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry properties) {
		properties.add("mentoring.participants.export.gateway-url", GATEWAY::url);
	}

	@BeforeEach
	protected void connect() {
		if (api == null) {
			api = new ServiceApi(port);
		}
	}

	/** Registers an organisation (as an administrator) and returns its id. */
	protected String newOrganisation(String country) {
		String id = "org-" + Fixtures.unique();
		Reply reply = api.post("/api/v1/organisations", admin, Fixtures.anOrganisation(id, country));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return id;
	}

	/** Creates a programme (as an administrator) and returns its id. */
	protected String newProgramme(Json programme) {
		Reply reply = api.post("/api/v1/programmes", admin, programme);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.text("id");
	}

	/**
	 * Enrols a participant (as an administrator, as data is imported) and returns her id. Unless the
	 * body names them, she gets an id and an existing account, {@link TestTokens#accountOf(String)} of
	 * the id, with a password, so that {@code TOKENS.participant(id, ...)} is her.
	 */
	protected String enrol(Json participant) {
		Json body = participant.copy();
		if (!body.containsKey("id")) {
			body.with("id", "p-" + Fixtures.unique());
		}
		if (!body.containsKey("accountId")) {
			String id = (String) body.get("id");
			body.with("accountId", TestTokens.accountOf(id));
			accounts.add(new Account(TestTokens.accountOf(id), (String) body.get("email"),
					(String) body.get("displayName"), (String) body.get("preferredLocale"),
					(String) body.get("organisationId"), List.of(((String) body.get("role")).toLowerCase(Locale.ROOT)), true, true));
		}
		Reply reply = api.post("/api/v1/participants", admin, body);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.text("id");
	}

	/** Every record on the topic that matches, now. */
	/**
	 * The matching records of a topic, each event once as a consumer applies it: delivery is at
	 * least once, so a record the outbox relayed twice (same event id) counts once. Records without
	 * an event id (tombstones) are all kept.
	 */
	protected static List<ConsumerRecord<String, byte[]>> records(String topic,
			Predicate<ConsumerRecord<String, byte[]>> match) {
		Set<String> seen = new HashSet<>();
		return EventRecords.all(topic).stream().filter(match).filter(record -> {
			String id = EventRecords.header(record, "ce_id");
			return id == null || seen.add(id);
		}).toList();
	}

	protected static String type(ConsumerRecord<String, byte[]> record) {
		return EventRecords.header(record, "ce_type");
	}

}
