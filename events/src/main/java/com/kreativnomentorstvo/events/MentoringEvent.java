package com.kreativnomentorstvo.events;

/**
 * The data of a published event. Implemented by one record per event type; the record's
 * components are the event's JSON {@code data}. Envelope attributes (id, source, time, type)
 * are added when the event is published.
 */
public interface MentoringEvent {

	/** The aggregate the event is about: the CloudEvents {@code subject} and the Kafka record key. */
	String subject();

	/** The programme the event belongs to, if any: the {@code programmeid} extension. */
	default String programmeId() {
		return null;
	}

	/** The organisation that owns the aggregate, if known: the {@code organisationid} extension. */
	default String organisationId() {
		return null;
	}

	/** The catalogue entry for this event's type. */
	default EventType eventType() {
		return EventType.of(getClass());
	}

}
