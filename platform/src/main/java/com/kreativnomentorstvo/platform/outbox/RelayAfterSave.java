package com.kreativnomentorstvo.platform.outbox;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Once a document with pending events is written, asks the relay to publish them. */
class RelayAfterSave extends AbstractMongoEventListener<AggregateRoot> {

	private final OutboxRelay relay;

	RelayAfterSave(OutboxRelay relay) {
		this.relay = relay;
	}

	@Override
	public void onAfterSave(AfterSaveEvent<AggregateRoot> event) {
		Document document = event.getDocument();
		if (document != null && document.get(AggregateRoot.OUTBOX_FIELD) instanceof List<?> pending
				&& !pending.isEmpty()) {
			relay.relaySoon(event.getCollectionName(), document.get("_id"));
		}
	}

}
