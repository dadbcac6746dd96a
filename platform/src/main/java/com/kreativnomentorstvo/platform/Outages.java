package com.kreativnomentorstvo.platform;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Tells a failure of the infrastructure (the store or the broker did not answer, or not in time)
 * from everything else: the same request or event succeeds once it is back, so a request is told
 * to come back (503) and an event is retried for as long as it takes, never dead-lettered.
 */
public final class Outages {

	/** The store (MongoDB, through the driver or Spring Data) is unreachable, failing over or too slow. */
	private static final List<Class<? extends Throwable>> STORE = List.of(DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class, QueryTimeoutException.class, MongoTimeoutException.class,
			MongoSocketException.class, MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class,
			MongoExecutionTimeoutException.class);

	/**
	 * Besides the store's: what Spring calls transient (a retry may succeed without a change, e.g. a
	 * concurrent update), and the broker's retriable errors (its own timeouts among them).
	 */
	private static final List<Class<? extends Throwable>> TRANSIENT = List.of(TransientDataAccessException.class,
			org.apache.kafka.common.errors.RetriableException.class);

	/** The failure in the cause chain that says the store did not answer, if any. */
	public static Optional<Throwable> ofTheStore(Throwable failure) {
		return find(failure, STORE, List.of());
	}

	/**
	 * The failure in the cause chain that says the store or the broker did not answer, or that a
	 * retry may succeed as it is, if any.
	 */
	public static Optional<Throwable> find(Throwable failure) {
		return find(failure, STORE, TRANSIENT);
	}

	private static Optional<Throwable> find(Throwable failure, List<Class<? extends Throwable>> kinds,
			List<Class<? extends Throwable>> moreKinds) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			Throwable candidate = cause;
			if (kinds.stream().anyMatch(kind -> kind.isInstance(candidate))
					|| moreKinds.stream().anyMatch(kind -> kind.isInstance(candidate))) {
				return Optional.of(cause);
			}
		}
		return Optional.empty();
	}

	private Outages() {
	}

}
