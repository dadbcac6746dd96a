package com.kreativnomentorstvo.notifications.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;

import com.kreativnomentorstvo.notifications.delivery.Delivery;

/**
 * The store failing one kind of write, as when it drops right after an e-mail went out: marking a
 * recipient's e-mail delivery sent is refused as a connection failure would, as often as a test
 * asks. Every other write, and every read, goes through.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StoreFaults {

	@Bean
	MarkingSentRefused markingSentRefused() {
		return new MarkingSentRefused();
	}

	/** Refuses to write an e-mail delivery as sent, for the recipients a test names. */
	public static class MarkingSentRefused implements BeforeSaveCallback<Delivery> {

		/** How many more writes to refuse, per recipient. */
		private final Map<String, AtomicInteger> toRefuse = new ConcurrentHashMap<>();

		private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();

		/** Refuses the next {@code times} writes marking an e-mail to the recipient sent. */
		public void refuse(String recipientId, int times) {
			toRefuse.put(recipientId, new AtomicInteger(times));
			refused.put(recipientId, new AtomicInteger());
		}

		/** The store takes her writes again. */
		public void heal(String recipientId) {
			toRefuse.remove(recipientId);
		}

		/** How many writes marking an e-mail to the recipient sent were refused. */
		public int refused(String recipientId) {
			AtomicInteger count = refused.get(recipientId);
			return count == null ? 0 : count.get();
		}

		@Override
		public Delivery onBeforeSave(Delivery delivery, Document document, String collection) {
			AtomicInteger left = delivery.status() == Delivery.Status.DELIVERED
					? toRefuse.get(delivery.recipientId()) : null;
			if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				refused.get(delivery.recipientId()).incrementAndGet();
				throw new DataAccessResourceFailureException("Connection refused (the store is away, in a test)");
			}
			return delivery;
		}

	}

}
