package com.kreativnomentorstvo.platform.outbox;

import java.util.Arrays;

import org.springframework.data.mongodb.core.query.Update;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * The outbox for writes that do not go through a repository's {@code save}: an atomic
 * {@code findAndModify} or {@code updateFirst} (e.g. taking a mentor's last free place) adds its
 * events to the same update, then asks for them to be relayed.
 */
public class Outbox {

	private final OutboxEntries entries;

	private final OutboxRelay relay;

	public Outbox(OutboxEntries entries, OutboxRelay relay) {
		this.entries = entries;
		this.relay = relay;
	}

	/** Adds the events to an update of an aggregate's document, so they are written with it. */
	public Update withEvents(Update update, MentoringEvent... events) {
		return update.push(AggregateRoot.OUTBOX_FIELD).each(Arrays.stream(events).map(entries::entryFor).toArray());
	}

	/** Publishes what an update added, once it has been written. */
	public void written(String collection, Object id) {
		relay.relaySoon(collection, id);
	}

}
