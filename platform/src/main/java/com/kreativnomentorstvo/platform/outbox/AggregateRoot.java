package com.kreativnomentorstvo.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Field;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * An aggregate whose state changes record the events they cause. Saving the aggregate stores the
 * events in the same document (field {@value #OUTBOX_FIELD}), so the state change and its events are
 * written at once without a multi-document transaction; the {@link OutboxRelay} then publishes them
 * and removes them from the document.
 *
 * <p>Subclasses assign their own ids. The version guards against lost updates: a save based on a
 * stale copy fails with an optimistic-locking exception instead of overwriting newer state (and
 * newer pending events).
 */
public abstract class AggregateRoot {

	/** Document field that holds the events not yet confirmed by the broker. */
	public static final String OUTBOX_FIELD = "_outbox";

	@Version
	private Long version;

	@Field(OUTBOX_FIELD)
	private List<OutboxEntry> pendingEvents = new ArrayList<>();

	@Transient
	private final List<MentoringEvent> recordedEvents = new ArrayList<>();

	/** Records an event caused by a state change; it is stored with the aggregate's next save. */
	protected <E extends MentoringEvent> E record(E event) {
		recordedEvents.add(event);
		return event;
	}

	/** The optimistic-locking version, {@code null} before the first save; usable as an ETag. */
	public Long getVersion() {
		return version;
	}

	/** Events recorded since the aggregate was loaded or last saved. */
	public List<MentoringEvent> recordedEvents() {
		return List.copyOf(recordedEvents);
	}

	/** Moves recorded events into the stored outbox; called just before the aggregate is written. */
	void stage(OutboxEntries entries) {
		if (pendingEvents == null) {
			pendingEvents = new ArrayList<>();
		}
		recordedEvents.forEach(event -> pendingEvents.add(entries.entryFor(event)));
		recordedEvents.clear();
	}

	/** Forgets loaded pending events that the relay has published since the aggregate was loaded. */
	void keepPendingEvents(Set<String> stillPending) {
		pendingEvents.removeIf(entry -> !stillPending.contains(entry.eventId()));
	}

	/** Events stored with this aggregate that the broker has not yet confirmed. */
	List<OutboxEntry> pendingEvents() {
		return pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
	}

}
