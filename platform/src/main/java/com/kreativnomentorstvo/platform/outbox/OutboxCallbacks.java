package com.kreativnomentorstvo.platform.outbox;

import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;

/** Makes recorded events part of the document that a save writes. */
class OutboxCallbacks implements BeforeConvertCallback<AggregateRoot> {

	private final OutboxEntries entries;

	OutboxCallbacks(OutboxEntries entries) {
		this.entries = entries;
	}

	@Override
	public AggregateRoot onBeforeConvert(AggregateRoot aggregate, String collection) {
		aggregate.stage(entries);
		return aggregate;
	}

}
