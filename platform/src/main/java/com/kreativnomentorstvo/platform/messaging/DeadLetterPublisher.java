package com.kreativnomentorstvo.platform.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaHeaders;

import com.kreativnomentorstvo.events.Topics;

/**
 * Parks a record on its consumer group's dead-letter topic with Spring Kafka's {@code kafka_dlt-*}
 * headers (original topic, partition, offset, exception). A record of a compacted topic holds
 * personal data (contact details) that erasure must be able to remove, which it cannot from a
 * dead-letter topic: such a record is parked with its key and the reason only, the value left out
 * (header {@value #VALUE_WITHHELD}), no stack trace, and the exception's message only where it is
 * a {@link PoisonEventException}'s (a reason written not to quote the record). A replay reads the
 * value from the original topic again, if it is still there.
 */
class DeadLetterPublisher extends DeadLetterPublishingRecoverer {

	/** Header of a dead letter whose value was left out because it holds personal data. */
	static final String VALUE_WITHHELD = "mentoring_dlt-value-withheld";

	DeadLetterPublisher(KafkaOperations<String, byte[]> template, String deadLetterTopic) {
		super(template, (record, exception) -> new TopicPartition(deadLetterTopic, -1));
	}

	@Override
	protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
			TopicPartition topicPartition, Headers headers, byte[] key, byte[] value) {
		if (!Topics.COMPACTED.contains(record.topic())) {
			return super.createProducerRecord(record, topicPartition, headers, key, value);
		}
		headers.remove(KafkaHeaders.DLT_EXCEPTION_STACKTRACE);
		Header cause = headers.lastHeader(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
		boolean poison = cause != null
				&& PoisonEventException.class.getName().equals(new String(cause.value(), StandardCharsets.UTF_8));
		if (!poison) {
			headers.remove(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
			headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE,
					"(withheld: the record holds personal data)".getBytes(StandardCharsets.UTF_8));
		}
		headers.add(VALUE_WITHHELD, "true".getBytes(StandardCharsets.UTF_8));
		return new ProducerRecord<>(topicPartition.topic(), topicPartition.partition() < 0 ? null : topicPartition.partition(),
				key != null ? key : record.key(), null, headers);
	}

}
