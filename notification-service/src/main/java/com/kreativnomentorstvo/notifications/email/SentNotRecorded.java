package com.kreativnomentorstvo.notifications.email;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mails this instance handed to the SMTP server whose delivery the store has not marked sent
 * yet (it was away, or refused the write, right after the send). A delivery found here is marked
 * sent and never sent again. Kept in memory, so it is lost with the instance, and bounded: past
 * {@code capacity} the oldest entry is dropped (and logged), which only brings back the chance of a
 * second copy for that e-mail.
 */
final class SentNotRecorded {

	private static final Logger log = LoggerFactory.getLogger(SentNotRecorded.class);

	/** The address the e-mail went to, and when the server took it. */
	record Sent(String address, Instant at) {
	}

	private final int capacity;

	/** Oldest first. */
	private final LinkedHashMap<String, Sent> sent = new LinkedHashMap<>();

	SentNotRecorded(int capacity) {
		this.capacity = capacity;
	}

	synchronized void remember(String deliveryId, String address, Instant at) {
		sent.put(deliveryId, new Sent(address, at));
		for (Iterator<String> oldest = sent.keySet().iterator(); sent.size() > capacity && oldest.hasNext();) {
			log.warn("Forgot that e-mail delivery {} was sent ({} outcomes unrecorded): it may be sent again",
					oldest.next(), sent.size());
			oldest.remove();
		}
	}

	synchronized Optional<Sent> of(String deliveryId) {
		return Optional.ofNullable(sent.get(deliveryId));
	}

	synchronized void forget(String deliveryId) {
		sent.remove(deliveryId);
	}

	/** A copy, oldest first. */
	synchronized Map<String, Sent> all() {
		return new LinkedHashMap<>(sent);
	}

}
