package com.kreativnomentorstvo.platform.messaging;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Writes a tombstone (a key without a value) on a compacted topic, so that compaction removes every
 * earlier record of that key: how erasure reaches a topic of contact details. The outbox relays only
 * events with a value; a service keeps its own record of which tombstones are still owed and writes
 * them through this port, so that its code never speaks to Kafka itself.
 */
public class Tombstones {

	private final KafkaOperations<String, byte[]> kafka;

	Tombstones(KafkaOperations<String, byte[]> kafka) {
		this.kafka = kafka;
	}

	/**
	 * Writes the key's tombstone and waits until the broker has acknowledged it.
	 * @throws ExecutionException when the broker refused it
	 * @throws TimeoutException when the broker did not acknowledge it in time
	 */
	public void write(String topic, String key, Duration timeout)
			throws InterruptedException, ExecutionException, TimeoutException {
		kafka.send(new ProducerRecord<>(topic, key, null)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
