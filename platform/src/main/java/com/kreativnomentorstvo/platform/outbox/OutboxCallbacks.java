package com.kreativnomentorstvo.platform.outbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Makes recorded events part of the document that a save writes. A copy loaded while its events
 * were still waiting would write them back after the relay published them; so, before such a
 * save, the events the relay has meanwhile removed from the stored document are dropped.
 */
class OutboxCallbacks implements BeforeConvertCallback<AggregateRoot> {

	private final OutboxEntries entries;

	// looked up lazily: the store's converter itself needs this callback
	private final ObjectProvider<MongoOperations> mongo;

	private final MongoMappingContext mappingContext;

	OutboxCallbacks(OutboxEntries entries, ObjectProvider<MongoOperations> mongo, MongoMappingContext mappingContext) {
		this.entries = entries;
		this.mongo = mongo;
		this.mappingContext = mappingContext;
	}

	@Override
	public AggregateRoot onBeforeConvert(AggregateRoot aggregate, String collection) {
		if (aggregate.getVersion() != null && !aggregate.pendingEvents().isEmpty()) {
			aggregate.keepPendingEvents(stillPending(aggregate, collection));
		}
		aggregate.stage(entries);
		return aggregate;
	}

	private Set<String> stillPending(AggregateRoot aggregate, String collection) {
		Object id = mappingContext.getRequiredPersistentEntity(aggregate.getClass())
			.getIdentifierAccessor(aggregate)
			.getIdentifier();
		Query stored = Query.query(Criteria.where("_id").is(id));
		stored.fields().include(AggregateRoot.OUTBOX_FIELD + ".eventId");
		Document document = mongo.getObject().findOne(stored, Document.class, collection);
		Set<String> ids = new HashSet<>();
		if (document != null) {
			document.getList(AggregateRoot.OUTBOX_FIELD, Document.class, List.of())
				.forEach(entry -> ids.add(entry.getString("eventId")));
		}
		return ids;
	}

}
