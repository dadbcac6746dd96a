package com.kreativnomentorstvo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.KafkaException;

import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;

class OutagesTests {

	static Stream<Throwable> storeOutages() {
		return Stream.of(new DataAccessResourceFailureException("down"), new TransientDataAccessResourceException("x"),
				new QueryTimeoutException("slow"), new MongoTimeoutException("no server"),
				new MongoSocketOpenException("refused", new ServerAddress()),
				new MongoSocketReadTimeoutException("slow", new ServerAddress(), null),
				new MongoNotPrimaryException(new BsonDocument(), new ServerAddress()),
				new IllegalStateException("wrapped", new MongoTimeoutException("no server")));
	}

	@ParameterizedTest
	@MethodSource("storeOutages")
	void aStoreThatDoesNotAnswerIsAnOutage(Throwable failure) {
		assertThat(Outages.ofTheStore(failure)).isPresent();
		assertThat(Outages.find(failure)).isPresent();
	}

	@Test
	void aBrokerThatDoesNotAnswerIsAnOutageOfTheBrokerNotTheStore() {
		Throwable timeout = new KafkaException("send failed", new org.apache.kafka.common.errors.TimeoutException("t"));

		assertThat(Outages.find(timeout)).get().isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
		assertThat(Outages.ofTheStore(timeout)).isEmpty();
	}

	@Test
	void aConcurrentUpdateMaySucceedOnRetryButIsNoStoreOutage() {
		OptimisticLockingFailureException concurrent = new OptimisticLockingFailureException("changed meanwhile");

		assertThat(Outages.find(concurrent)).isPresent();
		assertThat(Outages.ofTheStore(concurrent)).isEmpty();
	}

	@Test
	void otherFailuresAreNoOutage() {
		assertThat(Outages.find(new IllegalStateException("a bug"))).isEmpty();
		assertThat(Outages.find(new DuplicateKeyException("exists"))).isEmpty();
		assertThat(Outages.find(new NullPointerException())).isEmpty();
	}

}
