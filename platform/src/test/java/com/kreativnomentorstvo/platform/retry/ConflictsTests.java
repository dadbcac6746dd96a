package com.kreativnomentorstvo.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

class ConflictsTests {

	@Test
	void aConflictIsRetriedOnAFreshRunUntilItSucceeds() {
		AtomicInteger runs = new AtomicInteger();

		String result = Conflicts.retry(() -> {
			if (runs.incrementAndGet() < 3) {
				throw new OptimisticLockingFailureException("written meanwhile");
			}
			return "saved on run " + runs.get();
		});

		assertThat(result).isEqualTo("saved on run 3");
	}

	@Test
	void aConflictThatOutlastsEveryAttemptIsThrownAsItWas() {
		AtomicInteger runs = new AtomicInteger();
		OptimisticLockingFailureException conflict = new OptimisticLockingFailureException("always written meanwhile");

		assertThatThrownBy(() -> Conflicts.retry(() -> {
			runs.incrementAndGet();
			throw conflict;
		})).isSameAs(conflict);
		assertThat(runs).hasValue(Conflicts.ATTEMPTS);
	}

	@Test
	void anyOtherFailureIsNotRetried() {
		AtomicInteger runs = new AtomicInteger();
		IllegalStateException refusal = new IllegalStateException("not allowed");

		assertThatThrownBy(() -> Conflicts.retry(() -> {
			runs.incrementAndGet();
			throw refusal;
		})).isSameAs(refusal);
		assertThat(runs).hasValue(1);
	}

	@Test
	void otherFailuresNamedAreRetriedToo() {
		AtomicInteger runs = new AtomicInteger();

		int result = Conflicts.retry(() -> {
			if (runs.incrementAndGet() == 1) {
				throw new DuplicateKeyException("created meanwhile");
			}
			return runs.get();
		}, DuplicateKeyException.class);

		assertThat(result).isEqualTo(2);
		assertThatThrownBy(() -> Conflicts.retry(() -> {
			throw new DuplicateKeyException("created meanwhile");
		})).isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void workWithoutAResultIsRetriedTheSameWay() {
		AtomicInteger runs = new AtomicInteger();

		Conflicts.retry(() -> {
			if (runs.incrementAndGet() < 2) {
				throw new OptimisticLockingFailureException("written meanwhile");
			}
		});

		assertThat(runs).hasValue(2);
	}

}
