package com.kreativnomentorstvo.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import com.mongodb.MongoTimeoutException;

class ConsumerFaultsTests {

	@Test
	void poisonIsPoisonWhereverItIsInTheChain() {
		assertThat(ConsumerFaults.classify(new ListenerExecutionFailedException("listener failed",
				new PoisonEventException("cannot decode")))).isEqualTo(ConsumerFaults.Kind.POISON);
	}

	@Test
	void aStoreOrBrokerThatDoesNotAnswerIsWaitedForWithoutLimit() {
		Throwable outage = new ListenerExecutionFailedException("listener failed",
				new DataAccessResourceFailureException("down", new MongoTimeoutException("no server")));

		assertThat(ConsumerFaults.classify(outage)).isEqualTo(ConsumerFaults.Kind.OUTAGE);
		assertThat(ConsumerFaults.waitsForever(outage)).isTrue();
		assertThat(ConsumerFaults.waitsForever(
				new org.apache.kafka.common.errors.TimeoutException("broker too slow"))).isTrue();
	}

	@Test
	void anEventAnotherInstanceIsApplyingIsWaitedForWithoutLimit() {
		Throwable inProgress = new Inbox.EventInProgressException("group/event", "host-a:8083", new Date());

		assertThat(ConsumerFaults.classify(inProgress)).isEqualTo(ConsumerFaults.Kind.IN_PROGRESS);
		assertThat(ConsumerFaults.waitsForever(inProgress)).isTrue();
	}

	@Test
	void anyOtherFailureIsRetriedAFewTimesOnly() {
		assertThat(ConsumerFaults.classify(new IllegalStateException("a bug"))).isEqualTo(ConsumerFaults.Kind.FAILURE);
		assertThat(ConsumerFaults.waitsForever(new IllegalStateException("a bug"))).isFalse();
	}

	@Test
	void theReasonIsTheFailureThatTellsNotTheListenersWrapping() {
		assertThat(ConsumerFaults.reason(new ListenerExecutionFailedException("listener failed",
				new IllegalStateException("a bug")))).isEqualTo("java.lang.IllegalStateException: a bug");
	}

}
