package com.kreativnomentorstvo.participants.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.testkit.EventRecords;

/**
 * The contact tombstone comes after every contact record of hers and is written even if the
 * process died between erasure and tombstone: an erased participant's and a removed coordinator's.
 * Works on stored records as erasure and removal leave them.
 */
class ContactTombstonesIT extends ServiceIT {

	@Autowired
	ContactTombstones tombstones;

	@Test
	void theTombstoneWaitsWhileAContactEventOfHersIsUnpublished() {
		String id = "p-erased-" + Fixtures.unique();
		// erased, with a contact event still in the outbox that another relay is busy with
		mongo.insert(new Document("_id", id).append("erasedAt", new Date())
			.append("tombstonePending", true)
			.append(AggregateRoot.OUTBOX_FIELD, List.of(new Document("eventId", "e-" + id)
				.append("topic", Topics.PARTICIPANT_CONTACTS)
				.append("time", new Date())))
			.append("_outboxLease", Date.from(Instant.now().plus(Duration.ofHours(1)))), "participants");

		assertThat(tombstones.publish(id)).isFalse();
		assertThat(tombstoneOf(id)).isEmpty();

		// the relay published and removed the contact event
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set(AggregateRoot.OUTBOX_FIELD,
				List.of()), "participants");
		assertThat(tombstones.publish(id)).isTrue();

		assertThat(tombstoneOf(id)).hasSize(1);
		assertThat(mongo.findById(id, Document.class, "participants")).doesNotContainKey("tombstonePending");
		assertThat(tombstones.publish(id)).as("written once").isFalse();
	}

	@Test
	void aTombstoneLeftUnwrittenByACrashIsWrittenByTheSweep() {
		String id = "p-crashed-" + Fixtures.unique();
		mongo.insert(new Document("_id", id).append("erasedAt", new Date()).append("tombstonePending", true),
				"participants");

		EventRecords.await(Topics.PARTICIPANT_CONTACTS, r -> id.equals(r.key()) && r.value() == null);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !mongo.findById(id, Document.class, "participants").containsKey("tombstonePending"));
	}

	@Test
	void aRemovedCoordinatorsTombstoneWaitsForHerContactEventsAndIsWrittenByTheSweep() {
		String accountId = "acc-removed-" + Fixtures.unique();
		// removed, with her last contact event still in the outbox that another relay is busy with
		mongo.insert(new Document("_id", accountId).append("organisationId", "org-" + Fixtures.unique())
			.append("removedAt", new Date())
			.append("tombstonePending", true)
			.append(AggregateRoot.OUTBOX_FIELD, List.of(new Document("eventId", "e-" + accountId)
				.append("topic", Topics.PARTICIPANT_CONTACTS)
				.append("time", new Date())))
			.append("_outboxLease", Date.from(Instant.now().plus(Duration.ofHours(1)))), "coordinators");

		assertThat(tombstones.collections()).contains("participants", "coordinators");
		assertThat(tombstones.publish("coordinators", accountId)).isFalse();
		assertThat(tombstoneOf(accountId)).isEmpty();

		// the relay published and removed the contact event; the sweep does the rest
		mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId)),
				new Update().set(AggregateRoot.OUTBOX_FIELD, List.of()), "coordinators");

		EventRecords.await(Topics.PARTICIPANT_CONTACTS, r -> accountId.equals(r.key()) && r.value() == null);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !mongo.findById(accountId, Document.class, "coordinators").containsKey("tombstonePending"));
		assertThat(tombstoneOf(accountId)).hasSize(1);
		assertThat(tombstones.publish("coordinators", accountId)).as("written once").isFalse();
	}

	private static List<?> tombstoneOf(String id) {
		return records(Topics.PARTICIPANT_CONTACTS, r -> id.equals(r.key()) && r.value() == null);
	}

}
