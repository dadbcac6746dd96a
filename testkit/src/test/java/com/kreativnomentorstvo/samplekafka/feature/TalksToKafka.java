package com.kreativnomentorstvo.samplekafka.feature;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Business code writing a record itself instead of through the outbox. */
public class TalksToKafka {

	public ProducerRecord<String, String> record() {
		return new ProducerRecord<>("topic", "key", "value");
	}

}
