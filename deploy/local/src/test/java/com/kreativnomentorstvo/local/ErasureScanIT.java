package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.Journeys.accept;
import static com.kreativnomentorstvo.local.Journeys.accountOf;
import static com.kreativnomentorstvo.local.Journeys.awaitApplication;
import static com.kreativnomentorstvo.local.Journeys.awaitMentorship;
import static com.kreativnomentorstvo.local.Journeys.book;
import static com.kreativnomentorstvo.local.Journeys.offeredTypes;
import static com.kreativnomentorstvo.local.Journeys.pair;
import static com.kreativnomentorstvo.local.Journeys.subscribe;
import static com.kreativnomentorstvo.local.Journeys.unique;
import static com.kreativnomentorstvo.local.RunningStack.JSON;
import static com.kreativnomentorstvo.local.RunningStack.send;
import static com.kreativnomentorstvo.local.RunningStack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import tools.jackson.databind.JsonNode;

/**
 * Erasure leaves nothing readable behind, on the running stack. A person with a name and address
 * found nowhere else applies through a public call, confirms her address, is admitted (an account),
 * paired and books a session, while her organisation's system takes every webhook it may. Before her
 * erasure a scan finds her name and address in the services' databases, on the contacts topic and
 * in the mail, so the scan can see her. After it, a scan of every record of every topic (dead-letter
 * topics included, where poison contact records of hers were parked), every document of every
 * database, the webhook delivery records and the mail sent since finds neither; the contacts topic's
 * latest record of hers is a tombstone. Then events about her arrive again, replayed as they were
 * and late under new ids, and admins act on her records: nobody gets an e-mail or webhook about her.
 */
@Order(6)
@ExtendWith(RunningStack.Extension.class)
class ErasureScanIT {

	private static final String ORGANISER = "org-creative-mentorship";

	private static final String PARTNER = "org-kultura-nova";

	private static final String PARTICIPANTS = "mentoring.participants.v1";

	private static final String CONTACTS = "mentoring.participant-contacts.v1";

	private static final String ERASED = "mentoring.participant.erased.v1";

	private static final Pattern CONFIRMATION = Pattern.compile("/applications/confirm\\?token=([A-Za-z0-9._-]+)");

	/** The platform's bound for a compacted topic: {@code mentoring.topics.compaction.segment}. */
	private static final Duration SEGMENT = Duration.ofHours(1);

	/** The roller's margin after a segment's age before it appends to close it (CompactedTopicRoller). */
	private static final Duration ROLL_MARGIN = Duration.ofMinutes(1);

	@Test
	void afterHerErasureNoTopicDatabaseDeliveryLogOrLaterMailHoldsHerNameOrAddressAndNothingAboutHerIsSent(
			RunningStack stack) throws Exception {
		Person zora = Person.unique();
		String admin = token("admin");
		String organiser = token("coordinator.rs");
		String partner = token("coordinator.hr");
		String programme = programmeWithAnOpenCall(organiser);

		try (WebhookReceiver system = new WebhookReceiver();
				MongoClient store = MongoClients.create(RunningStack.STORE);
				Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.KAFKA))) {
			List<String> every = offeredTypes(partner);
			assertThat(every).contains("mentoring.participant.enrolled.v1", ERASED);
			String hook = subscribe(partner, system, every, "erasure scan");
			try {
				// she comes in and takes part: application, address confirmed, admitted, paired, a session booked
				String mentor = enrol(admin, programme, "MENTOR", "Control Mentor", "control.mentor." + unique());
				accept(partner, mentor);
				String her = apply(programme, zora);
				confirmFromTheEmail(zora);
				awaitApplication(partner, programme, her);
				accept(partner, her);
				String match = pair(organiser, programme, mentor, her);
				String herToken = stack.sign(RunningStack.claims(accountOf(partner, her), PARTNER, "mentee").build());
				String mentorship = awaitMentorship(herToken, programme);
				String session = book(herToken, mentorship);
				Set<String> herIds = Set.of(her, match, mentorship, session);
				String mentorToken = stack.sign(RunningStack.claims(accountOf(partner, mentor), PARTNER, "mentor").build());
				Readers readers = new Readers(programme, organiser, partner, mentorToken);

				// her mail and her webhooks arrived: the mail names her, the webhooks carry her id
				await("her e-mails, and her mentor's that name her").atMost(Duration.ofSeconds(90))
					.pollInterval(Duration.ofSeconds(1))
					.untilAsserted(() -> {
						List<JsonNode> mails = mails();
						assertThat(mails).filteredOn(mail -> mail.path("to").asString().contains(zora.email()))
							.hasSizeGreaterThanOrEqualTo(3);
						assertThat(mails).filteredOn(mail -> !mail.path("to").asString().contains(zora.email()))
							.anyMatch(mail -> !zora.foundIn(content(mail)).isEmpty());
					});
				await("her organisation's system heard of her enrolment, admission, pair and session")
					.atMost(Duration.ofSeconds(90))
					.pollInterval(Duration.ofSeconds(1))
					.untilAsserted(() -> assertThat(system.typesAbout(her)).contains("mentoring.participant.enrolled.v1",
							"mentoring.participant.admitted.v1", "mentoring.mentorship.started.v1",
							"mentoring.session.scheduled.v1"));

				// a buggy producer's contact records of hers, which no consumer can decode, go to the dead-letter topics
				int parked = poisonContactRecords(kafka, her, zora);
				await("her poison contact records parked on the dead-letter topics").atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofSeconds(1))
					.untilAsserted(() -> assertThat(everyRecord(kafka).stream()
						.filter(r -> r.topic().startsWith("mentoring.dlt.") && her.equals(text(r.key())))
						.count()).isGreaterThanOrEqualTo(parked));

				// the scan sees her: her name and address are in the databases, on the contacts topic, in the mail
				List<String> store0 = scanStore(store, zora);
				List<String> topics0 = scanTopics(kafka, zora, null);
				List<String> mail0 = scanMail(mails(), zora);
				List<String> api0 = scanApi(readers, zora);
				System.out.printf("Before erasure the scan finds her in%n  %s%n  %s%n  %s%n  %d e-mails%n",
						String.join("\n  ", store0), String.join("\n  ", topics0), String.join("\n  ", api0),
						mail0.size());
				assertThat(databasesIn(store0)).as("databases holding her name or address before erasure")
					.contains("participants", "notifications", "sessions", "accounts");
				assertThat(topics0).as("records holding her name or address before erasure")
					.anyMatch(finding -> finding.startsWith(CONTACTS + "/"))
					.allMatch(finding -> finding.startsWith(CONTACTS + "/"));
				assertThat(mail0).isNotEmpty();
				assertThat(api0).as("what her steward and her mentor read of her through the API")
					.anyMatch(finding -> finding.startsWith("GET /participants?"));
				assertThat(webhookDeliveriesAbout(store, her)).as("webhook deliveries about her, with their data")
					.anyMatch(delivery -> delivery.containsKey("data"));

				// her steward erases her
				int mailMark = mails().size();
				int webhookMark = system.received().size();
				HttpResponse<String> erased = send("DELETE", "/api/v1/participants/" + her, partner, null);
				assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
				Instant erasedAt = Instant.now();

				awaitEveryServiceApplied(kafka, store, her);
				await("no database, topic, delivery log or later e-mail holds her name or address")
					.atMost(Duration.ofSeconds(120))
					.pollInterval(Duration.ofSeconds(3))
					.untilAsserted(() -> {
						List<String> found = new ArrayList<>();
						found.addAll(scanStore(store, zora));
						found.addAll(scanTopics(kafka, zora, her));
						found.addAll(scanMail(mailsSince(mailMark), zora));
						found.addAll(scanWebhookLog(hook, partner, zora));
						found.addAll(scanApi(readers, zora));
						assertThat(found).isEmpty();
					});
				assertThat(webhookDeliveriesAbout(store, her))
					.as("webhook deliveries of events about her keep that they were made, not the event")
					.allMatch(delivery -> ERASED.equals(delivery.getString("eventType"))
							|| !delivery.containsKey("data") && !delivery.containsKey("subject"));
				theContactsTopicForgetsHerWithinTheBound(kafka, store, her, erasedAt);

				// events about her come again: replayed as they were, and late under new ids; admins act on her records
				List<ConsumerRecord<byte[], byte[]>> aboutHer = eventsAbout(kafka, herIds);
				assertThat(aboutHer).as("events about her on the topics").hasSizeGreaterThanOrEqualTo(5);
				replay(aboutHer, false);
				replay(aboutHer, true);
				// her contact record too, which would release e-mails waiting for her address if it were applied
				List<ConsumerRecord<byte[], byte[]>> herContact = List.of(lastContactValueOf(everyRecord(kafka), her));
				replay(herContact, false);
				replay(herContact, true);
				try {
					nothingAboutHerIsSentAfterwards(new Scene(programme, mentor, her, session, herIds, erasedAt, mailMark,
							webhookMark), zora, system, store, kafka, readers, admin);
				}
				finally {
					// what the erasure left on the contacts topic, restored: the replayed contact record was the test's own
					try (KafkaProducer<byte[], byte[]> producer = producer()) {
						producer.send(new ProducerRecord<>(CONTACTS, her.getBytes(StandardCharsets.UTF_8), null))
							.get(30, TimeUnit.SECONDS);
					}
				}
				System.out.printf("After erasure and %d replayed events: nothing of her found; %d e-mails and %d webhooks "
						+ "since, none about her but her erasure%n", (aboutHer.size() + herContact.size()) * 2,
						mails().size() - mailMark, system.received().size() - webhookMark);
			}
			finally {
				send("DELETE", "/api/v1/webhooks/" + hook, partner, null);
			}
		}
	}

	/** What the test made: her programme, her mentor, her, her session, her ids, and the marks at her erasure. */
	record Scene(String programme, String mentor, String her, String session, Set<String> herIds, Instant erasedAt,
			int mailMark, int webhookMark) {
	}

	/**
	 * After the replays, admins act on what referenced her; someone else's application (a positive
	 * control) is then mailed and sent as a webhook, every consumer group has read everything, and
	 * still no e-mail or webhook about her has gone out since her erasure, but the erasure itself.
	 */
	private static void nothingAboutHerIsSentAfterwards(Scene scene, Person person, WebhookReceiver system,
			MongoClient store, Admin kafka, Readers readers, String admin) throws Exception {
		HttpResponse<String> cancelled = send("POST", "/api/v1/sessions/" + scene.session() + "/cancel", readers.mentor(),
				"{\"reason\": \"OTHER\"}");
		HttpResponse<String> acceptedAgain = send("POST", "/api/v1/participants/" + scene.her() + "/accept",
				readers.steward(), "{}");
		HttpResponse<String> pairedAgain = send("POST", "/api/v1/programmes/" + scene.programme() + "/matches",
				readers.organiser(),
				"{\"mentorId\": \"%s\", \"menteeId\": \"%s\", \"startNow\": true}".formatted(scene.mentor(), scene.her()));
		System.out.printf("After erasure: her session cancelled %d, she admitted again %d, paired again %d%n",
				cancelled.statusCode(), acceptedAgain.statusCode(), pairedAgain.statusCode());
		assertThat(acceptedAgain.statusCode()).as(acceptedAgain.body()).isGreaterThanOrEqualTo(400);
		assertThat(pairedAgain.statusCode()).as(pairedAgain.body()).isGreaterThanOrEqualTo(400);

		String control = enrol(admin, scene.programme(), "MENTEE", "Control Mentee", "control.mentee." + unique());
		awaitConsumersCaughtUp(kafka, endOffsets(kafka));
		await("the control's e-mail and webhook").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				assertThat(system.typesAbout(control)).contains("mentoring.participant.enrolled.v1");
				assertThat(mailsSince(scene.mailMark()))
					.anyMatch(mail -> mail.path("to").asString().contains("control.mentee."));
			});
		await("nothing about her is sent").during(Duration.ofSeconds(10))
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				assertThat(mailsAbout(mailsSince(scene.mailMark()), person, scene.herIds()))
					.as("e-mails about her since her erasure")
					.isEmpty();
				assertThat(webhooksAbout(since(system.received(), scene.webhookMark()), person, scene.herIds()))
					.as("webhooks about her since her erasure (but the erasure itself)")
					.isEmpty();
				assertThat(webhookDeliveriesAbout(store, scene.her()))
					.as("webhook deliveries about her queued since her erasure (but the erasure itself)")
					.noneMatch(delivery -> !ERASED.equals(delivery.getString("eventType"))
							&& delivery.getDate("createdAt").toInstant().isAfter(scene.erasedAt()));
			});
		assertThat(since(system.received(), scene.webhookMark()))
			.as("her erasure reached her organisation's system: the window sees webhooks about her")
			.anyMatch(r -> ERASED.equals(r.type()) && r.data().contains("\"" + scene.her() + "\""));
		List<String> after = new ArrayList<>(scanStore(store, person));
		after.addAll(scanTopics(kafka, person, scene.her()));
		after.addAll(scanApi(readers, person));
		assertThat(after).as("her name or address brought back by the replays").isEmpty();
	}

	/** A person whose name and address are found nowhere else: a surname of random letters. */
	record Person(String name, String email, String surname) {

		static Person unique() {
			StringBuilder letters = new StringBuilder();
			for (char hex : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
				// letters g to v only, so that no hexadecimal id or hash can contain the surname by chance
				letters.append((char) ('g' + Character.digit(hex, 16)));
			}
			String surname = Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
			return new Person("Zora " + surname, "zora." + letters + "@example.org", surname);
		}

		/** Her name or address in the text, ignoring case: the surname is in both, and in her free text. */
		List<String> foundIn(String text) {
			if (text == null) {
				return List.of();
			}
			String lower = text.toLowerCase(Locale.ROOT);
			List<String> found = new ArrayList<>();
			for (String needle : List.of(name, email, surname)) {
				if (lower.contains(needle.toLowerCase(Locale.ROOT))) {
					found.add(needle);
				}
			}
			return found;
		}

	}

	// --- the scans ---

	/** Every document of every collection of every database in the store that holds her name or address. */
	private static List<String> scanStore(MongoClient store, Person person) {
		List<String> found = new ArrayList<>();
		for (String database : store.listDatabaseNames()) {
			MongoDatabase db = store.getDatabase(database);
			for (String collection : db.listCollectionNames()) {
				for (Document document : db.getCollection(collection).find()) {
					List<String> needles = person.foundIn(document.toJson());
					if (!needles.isEmpty()) {
						found.add(database + "." + collection + " " + document.get("_id") + ": " + needles);
					}
				}
			}
		}
		return found;
	}

	private static Set<String> databasesIn(List<String> findings) {
		Set<String> databases = new TreeSet<>();
		findings.forEach(finding -> databases.add(finding.substring(0, finding.indexOf('.'))));
		return databases;
	}

	/**
	 * Every record of every topic on the broker (internal and dead-letter topics included) whose key,
	 * value or headers hold her name or address, read as UTF-8. With her id given, her own records on
	 * the compacted contacts topic are left out: they are checked against the compaction bound instead.
	 */
	private static List<String> scanTopics(Admin kafka, Person person, String skipContactsOf) {
		List<String> found = new ArrayList<>();
		for (ConsumerRecord<byte[], byte[]> record : everyRecord(kafka)) {
			if (skipContactsOf != null && CONTACTS.equals(record.topic()) && skipContactsOf.equals(text(record.key()))) {
				continue;
			}
			StringBuilder all = new StringBuilder(text(record.key())).append('\n').append(text(record.value()));
			record.headers().forEach(h -> all.append('\n').append(h.key()).append('=').append(text(h.value())));
			List<String> needles = person.foundIn(all.toString());
			if (!needles.isEmpty()) {
				found.add(record.topic() + "/" + record.partition() + "@" + record.offset() + " (" + header(record, "ce_type")
						+ "): " + needles);
			}
		}
		return found;
	}

	/** E-mails that hold her name or address anywhere: headers, text, attachments. */
	private static List<String> scanMail(List<JsonNode> mails, Person person) {
		List<String> found = new ArrayList<>();
		for (JsonNode mail : mails) {
			List<String> needles = person.foundIn(content(mail));
			if (!needles.isEmpty()) {
				found.add("mail to " + mail.path("to").asString() + " '" + mail.path("subject").asString() + "': " + needles);
			}
		}
		return found;
	}

	/** Who reads about her through the API: her steward, the programme's organiser, her mentor. */
	record Readers(String programme, String organiser, String steward, String mentor) {
	}

	/**
	 * What people read through the API that could name her: the programme's participants, her
	 * mentor's mentorships and inbox, her steward's inbox, the programme's progress report.
	 */
	private static List<String> scanApi(Readers readers, Person person) throws Exception {
		String[][] reads = {
				{ "steward", readers.steward(), "/participants?programmeId=" + readers.programme() + "&size=100" },
				{ "steward", readers.steward(), "/notifications?size=50" },
				{ "mentor", readers.mentor(), "/mentorships?programmeId=" + readers.programme() },
				{ "mentor", readers.mentor(), "/notifications?size=50" },
				{ "organiser", readers.organiser(), "/programmes/" + readers.programme() + "/progress" } };
		List<String> found = new ArrayList<>();
		for (String[] read : reads) {
			HttpResponse<String> response = send("GET", "/api/v1" + read[2], read[1], null);
			assertThat(response.statusCode()).as(read[2] + ": " + response.body()).isEqualTo(200);
			person.foundIn(response.body()).forEach(needle -> found.add("GET " + read[2] + " as " + read[0] + ": " + needle));
		}
		return found;
	}

	/** The subscription's delivery log as its owner reads it through the API, every page. */
	private static List<String> scanWebhookLog(String hook, String owner, Person person) throws Exception {
		List<String> found = new ArrayList<>();
		for (int page = 0;; page++) {
			HttpResponse<String> log = send("GET", "/api/v1/webhooks/" + hook + "/deliveries?size=100&page=" + page,
					owner, null);
			assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
			person.foundIn(log.body()).forEach(needle -> found.add("webhook delivery log: " + needle));
			if (JSON.readTree(log.body()).path("items").size() < 100) {
				return found;
			}
		}
	}

	/** E-mails about her: to her, naming her, or naming her, her match, mentorship or session by id. */
	private static List<String> mailsAbout(List<JsonNode> mails, Person person, Set<String> ids) {
		List<String> about = new ArrayList<>();
		for (JsonNode mail : mails) {
			String content = content(mail);
			if (!person.foundIn(content).isEmpty() || ids.stream().anyMatch(content::contains)) {
				about.add(mail.path("to").asString() + ": " + mail.path("subject").asString());
			}
		}
		return about;
	}

	/** Webhooks about her, but her erasure itself (ids only, which subscribers need to forget her). */
	private static List<String> webhooksAbout(List<WebhookReceiver.Received> received, Person person, Set<String> ids) {
		return received.stream()
			.filter(r -> !ERASED.equals(r.type()))
			.filter(r -> !person.foundIn(r.data()).isEmpty() || ids.contains(r.subject())
					|| ids.stream().anyMatch(id -> r.data().contains("\"" + id + "\"")))
			.map(r -> r.type() + " " + r.subject())
			.toList();
	}

	private static List<Document> webhookDeliveriesAbout(MongoClient store, String participant) {
		return store.getDatabase("notifications")
			.getCollection("webhook_deliveries")
			.find(Filters.eq("about", participant))
			.into(new ArrayList<>());
	}

	// --- Kafka ---

	/** Every record on the broker now, read from the beginning without a consumer group. */
	private static List<ConsumerRecord<byte[], byte[]>> everyRecord(Admin kafka) {
		try {
			return Broker.records(kafka.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS));
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not read the topics", ex);
		}
	}

	private static KafkaProducer<byte[], byte[]> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.KAFKA,
				ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
	}

	/**
	 * Contact records of hers that no consumer can decode, as a buggy producer might write them,
	 * with her name and address in them: one with a field of the wrong kind, one cut short.
	 * @return how many dead letters they make at least (each is parked by every consumer group of the topic)
	 */
	private static int poisonContactRecords(Admin kafka, String participant, Person person) throws Exception {
		ConsumerRecord<byte[], byte[]> contact = lastContactValueOf(everyRecord(kafka), participant);
		String full = text(contact.value());
		List<String> values = List.of(
				full.replaceFirst("\"changedAt\"\\s*:\\s*\"[^\"]*\"", "\"changedAt\": {\"not\": \"a time\"}"),
				full.substring(0, full.indexOf(person.email()) + person.email().length()));
		assertThat(values.get(0)).isNotEqualTo(full).contains(person.name());
		try (KafkaProducer<byte[], byte[]> producer = producer()) {
			for (String value : values) {
				producer.send(new ProducerRecord<>(CONTACTS, null, contact.key(), value.getBytes(StandardCharsets.UTF_8),
						withNewId(contact))).get(30, TimeUnit.SECONDS);
			}
		}
		return values.size() * 2; // notification-service and session-service read the contacts topic
	}

	/** Events about her on the topics of the published language, but her erasure. */
	private static List<ConsumerRecord<byte[], byte[]>> eventsAbout(Admin kafka, Set<String> ids) {
		return everyRecord(kafka).stream()
			.filter(r -> r.topic().startsWith("mentoring.") && !r.topic().startsWith("mentoring.dlt.")
					&& !CONTACTS.equals(r.topic()) && r.value() != null)
			.filter(r -> !ERASED.equals(header(r, "ce_type")))
			.filter(r -> ids.contains(text(r.key())) || ids.contains(header(r, "ce_subject"))
					|| ids.stream().anyMatch(id -> text(r.value()).contains("\"" + id + "\"")))
			.toList();
	}

	/** Publishes the records again, as they were (a replay) or each under a new event id (a late duplicate). */
	private static void replay(List<ConsumerRecord<byte[], byte[]>> records, boolean newIds) throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = producer()) {
			for (ConsumerRecord<byte[], byte[]> record : records) {
				producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
						newIds ? withNewId(record) : record.headers())).get(30, TimeUnit.SECONDS);
			}
		}
	}

	private static RecordHeaders withNewId(ConsumerRecord<byte[], byte[]> record) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			headers.add(header.key(), "ce_id".equals(header.key())
					? UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8) : header.value());
		}
		return headers;
	}

	/** The end offset of every partition of the published language's topics now. */
	private static Map<TopicPartition, Long> endOffsets(Admin kafka) {
		try (KafkaConsumer<byte[], byte[]> consumer = Broker.consumer()) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : kafka.listTopics().names().get(30, TimeUnit.SECONDS)) {
				if (topic.startsWith("mentoring.") && !topic.startsWith("mentoring.dlt.")) {
					consumer.partitionsFor(topic, Duration.ofSeconds(10))
						.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
				}
			}
			return consumer.endOffsets(partitions);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every consumer group has applied every record up to the given offsets of the partitions it reads. */
	private static void awaitConsumersCaughtUp(Admin kafka, Map<TopicPartition, Long> end) {
		await("every consumer group caught up").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				List<String> behind = new ArrayList<>();
				for (GroupListing group : kafka.listGroups(ListGroupsOptions.forConsumerGroups())
					.all()
					.get(30, TimeUnit.SECONDS)) {
					Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group.groupId())
						.partitionsToOffsetAndMetadata()
						.get(30, TimeUnit.SECONDS);
					committed.forEach((partition, offset) -> {
						Long target = end.get(partition);
						if (offset != null && target != null && offset.offset() < target) {
							behind.add(group.groupId() + " " + partition + " at " + offset.offset() + " < " + target);
						}
					});
				}
				assertThat(behind).isEmpty();
			});
	}

	/**
	 * Her erasure event and her tombstone are on the broker; every consumer group has read past
	 * them and the services show it: participant-service scrubbed her, matching-service and
	 * notification-service keep only that she was erased.
	 */
	private static void awaitEveryServiceApplied(Admin kafka, MongoClient store, String participant) {
		await("her erasure event and her tombstone published").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				List<ConsumerRecord<byte[], byte[]>> all = everyRecord(kafka);
				assertThat(all).anyMatch(r -> PARTICIPANTS.equals(r.topic()) && ERASED.equals(header(r, "ce_type"))
						&& participant.equals(text(r.key())));
				assertThat(lastContactRecordOf(all, participant).value()).as("her latest contact record").isNull();
			});
		awaitConsumersCaughtUp(kafka, endOffsets(kafka));
		await("every service applied her erasure").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				Document scrubbed = byId(store, "participants", "participants", participant);
				assertThat(scrubbed).isNotNull();
				assertThat(scrubbed.get("erasedAt")).isNotNull();
				assertThat(scrubbed.get("tombstonePending")).isNull();
				assertThat(byId(store, "matching", "participants", participant)).isNotNull().containsEntry("erased", true);
				assertThat(byId(store, "notifications", "erased_participants", participant)).isNotNull();
				assertThat(byId(store, "notifications", "recipients", participant)).isNull();
			});
	}

	/**
	 * Her earlier contact records stay on the compacted topic until the broker compacts the segment
	 * holding her tombstone, which the test does not wait for (over an hour, CompactionIT covers the
	 * broker's part with second-long settings): her latest record is a tombstone; the topic is set to
	 * close and compact segments within an hour; and the service that wrote the tombstone
	 * has noted when to close that segment if the topic stays quiet, no later than segment + margin
	 * after it. Hence the bound: her earlier records are gone at most 75 minutes after her erasure
	 * (1 h segment + 1 min margin + 1 min roll check + the cleaner's next pass; platform README).
	 */
	private static void theContactsTopicForgetsHerWithinTheBound(Admin kafka, MongoClient store, String participant,
			Instant erasedAt) throws Exception {
		List<ConsumerRecord<byte[], byte[]>> all = everyRecord(kafka);
		assertThat(lastContactRecordOf(all, participant).value()).as("her latest contact record is a tombstone").isNull();
		assertThat(all).as("her contact records before the tombstone (until compaction)")
			.anyMatch(r -> CONTACTS.equals(r.topic()) && participant.equals(text(r.key())) && r.value() != null);

		ConfigResource contacts = new ConfigResource(ConfigResource.Type.TOPIC, CONTACTS);
		Config config = kafka.describeConfigs(List.of(contacts)).all().get(30, TimeUnit.SECONDS).get(contacts);
		assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
		assertThat(Long.parseLong(config.get(TopicConfig.SEGMENT_MS_CONFIG).value())).isLessThanOrEqualTo(SEGMENT.toMillis());
		assertThat(Long.parseLong(config.get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).value()))
			.isLessThanOrEqualTo(SEGMENT.toMillis());

		Document roll = byId(store, "participants", "compacted_topic_rolls", CONTACTS);
		assertThat(roll).as("participant-service noted when to close the segment holding her tombstone").isNotNull();
		Instant due = ((Date) roll.get("due")).toInstant();
		assertThat(due).isAfter(erasedAt).isBefore(Instant.now().plus(SEGMENT).plus(ROLL_MARGIN).plusSeconds(5));
	}

	/** Her newest contact record with a value that is the platform's (not one of the test's poison ones). */
	private static ConsumerRecord<byte[], byte[]> lastContactValueOf(List<ConsumerRecord<byte[], byte[]>> all,
			String participant) {
		return all.stream()
			.filter(r -> CONTACTS.equals(r.topic()) && participant.equals(text(r.key())) && r.value() != null)
			.filter(ErasureScanIT::decodes)
			.reduce((first, second) -> second.offset() > first.offset() ? second : first)
			.orElseThrow(() -> new AssertionError("no contact record of " + participant));
	}

	/** Whether the record is one of the platform's, not a poison one of the test's. */
	private static boolean decodes(ConsumerRecord<byte[], byte[]> record) {
		try {
			return JSON.readTree(record.value()).path("changedAt").isString();
		}
		catch (RuntimeException poison) {
			return false;
		}
	}

	/** Her newest record on the contacts topic, a tombstone or not (one key keeps to one partition). */
	private static ConsumerRecord<byte[], byte[]> lastContactRecordOf(List<ConsumerRecord<byte[], byte[]>> all,
			String participant) {
		return all.stream()
			.filter(r -> CONTACTS.equals(r.topic()) && participant.equals(text(r.key())))
			.reduce((first, second) -> second.offset() > first.offset() ? second : first)
			.orElseThrow(() -> new AssertionError("no contact record of " + participant));
	}

	// --- the store ---

	private static Document byId(MongoClient store, String database, String collection, String id) {
		return store.getDatabase(database).getCollection(collection).find(Filters.eq("_id", id)).first();
	}

	// --- mail ---

	private static List<JsonNode> mails() throws Exception {
		List<JsonNode> mails = new ArrayList<>();
		JSON.readTree(RunningStack.get(RunningStack.MAIL + "/messages.json").body()).forEach(mails::add);
		return mails;
	}

	private static List<JsonNode> mailsSince(int mark) throws Exception {
		return since(mails(), mark);
	}

	private static <T> List<T> since(List<T> all, int mark) {
		return all.subList(Math.min(mark, all.size()), all.size());
	}

	/** Everything the mail catcher read of a message: headers, text and attachments, decoded. */
	private static String content(JsonNode mail) {
		return mail.path("to").asString() + "\n" + mail.path("subject").asString() + "\n" + mail.path("text").asString()
				+ "\n" + mail.path("content").asString();
	}

	// --- the platform through the gateway ---

	/** A programme of the organiser with the partner, taking applications, where one organisation's people may pair. */
	private static String programmeWithAnOpenCall(String organiser) throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Belgrade"));
		HttpResponse<String> created = send("POST", "/api/v1/programmes", organiser, """
				{"name": "Erasure scan %s", "organiserId": "%s", "partnerIds": ["%s"], "startsOn": "%s",
				 "endsOn": "%s", "timeZone": "Europe/Belgrade", "languages": ["en", "hr"],
				 "enrolmentOpensOn": "%s", "enrolmentClosesOn": "%s",
				 "matchingPolicy": {"sameOrganisationAllowed": true}}
				""".formatted(unique(), ORGANISER, PARTNER, today.plusDays(1), today.plusDays(180), today.minusDays(1),
				today.plusDays(30)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String programme = JSON.readTree(created.body()).path("id").asString();
		HttpResponse<String> call = send("PUT", "/api/v1/programmes/" + programme + "/call", organiser, """
				{"texts": {"en": {"summary": "Mentoring for cultural professionals", "eligibility": "Anyone"}},
				 "questions": [{"id": "project-idea", "kind": "LONG_TEXT", "required": true,
				                "label": {"en": "Your project idea", "hr": "Vaša projektna ideja"}}]}
				""");
		assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
		return programme;
	}

	/** She applies through the public call, with a free-text answer that names her project after her. */
	private static String apply(String programme, Person person) throws Exception {
		HttpResponse<String> applied = send("POST", "/api/v1/applications", null, """
				{"programmeId": "%s", "role": "MENTEE", "displayName": "%s", "email": "%s",
				 "organisationId": "%s", "country": "HR", "city": "Rijeka", "languages": ["hr", "en"],
				 "preferredLocale": "en", "goals": [{"code": "digital-tools", "level": 5}], "format": "ONLINE",
				 "timeZone": "Europe/Zagreb", "availability": [{"day": "TUESDAY", "from": "17:00", "to": "20:00"}],
				 "consent": {"version": "2026-10", "scopes": ["programme-participation", "matching", "notifications"]},
				 "answers": [{"questionId": "project-idea", "text": "The %s archive of puppet theatres"}]}
				""".formatted(programme, person.name(), person.email(), PARTNER, person.surname()));
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(202);
		return JSON.readTree(applied.body()).path("participantId").asString();
	}

	private static void confirmFromTheEmail(Person person) throws Exception {
		String[] token = new String[1];
		await("the e-mail that confirms her address").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				List<String> tokens = new ArrayList<>();
				for (JsonNode mail : mails()) {
					Matcher link = CONFIRMATION.matcher(mail.path("text").asString());
					if (mail.path("to").asString().contains(person.email()) && link.find()) {
						tokens.add(link.group(1));
					}
				}
				assertThat(tokens).isNotEmpty();
				token[0] = tokens.get(tokens.size() - 1);
			});
		HttpResponse<String> confirmed = send("POST", "/api/v1/applications/confirmations", null,
				"{\"token\": \"" + token[0] + "\"}");
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
	}

	private static String enrol(String admin, String programme, String role, String name, String localPart)
			throws Exception {
		String levels = "MENTOR".equals(role) ? "\"skills\": [{\"code\": \"digital-tools\", \"level\": 4}], \"capacity\": 2"
				: "\"goals\": [{\"code\": \"digital-tools\", \"level\": 5}]";
		HttpResponse<String> enrolled = send("POST", "/api/v1/participants", admin, """
				{"programmeId": "%s", "role": "%s", "displayName": "%s", "email": "%s@example.org",
				 "organisationId": "%s", "country": "HR", "city": "Zagreb", "languages": ["hr", "en"],
				 "preferredLocale": "en", %s, "format": "ONLINE", "timeZone": "Europe/Zagreb",
				 "availability": [{"day": "TUESDAY", "from": "17:00", "to": "20:00"}],
				 "consent": {"version": "2026-10", "scopes": ["programme-participation", "matching", "notifications"]}}
				""".formatted(programme, role, name, localPart, PARTNER, levels));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		return JSON.readTree(enrolled.body()).path("id").asString();
	}

	// --- small things ---

	private static String text(byte[] bytes) {
		return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : text(header.value());
	}

}
