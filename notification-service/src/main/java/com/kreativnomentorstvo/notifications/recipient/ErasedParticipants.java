package com.kreativnomentorstvo.notifications.recipient;

import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The people erased here (participants, and coordinators by account id): their opaque ids and when,
 * kept so that events replayed from the topics' history (they outlive an erasure) never bring a
 * person's records back. A coordinator may come back: an event of hers newer than her erasure lifts it.
 */
@Component
public class ErasedParticipants {

	private final MongoOperations mongo;

	ErasedParticipants(MongoOperations mongo) {
		this.mongo = mongo;
	}

	public boolean contains(String id) {
		return mongo.exists(Query.query(Criteria.where("_id").is(id)), ErasedParticipant.class);
	}

	/** Records the erasure; recorded before (the erased event and the contacts tombstone both lead here), it stands. */
	public void add(String id, Instant at) {
		try {
			mongo.insert(new ErasedParticipant(id, at));
		}
		catch (DuplicateKeyException alreadyMarked) {
			// erased before
		}
	}

	/** The people erased at or after the instant. */
	public List<String> erasedSince(Instant since) {
		return mongo.find(Query.query(Criteria.where("erasedAt").gte(since)), ErasedParticipant.class)
			.stream()
			.map(ErasedParticipant::id)
			.toList();
	}

	/**
	 * Whether an event of the person at the given time may be applied: yes unless she was erased at
	 * or after that time. An event newer than her erasure lifts it; replays of older ones stay out.
	 */
	boolean admitsEventAt(String id, Instant at) {
		ErasedParticipant erased = mongo.findById(id, ErasedParticipant.class);
		if (erased == null) {
			return true;
		}
		if (erased.erasedAt() != null && erased.erasedAt().isBefore(at)) {
			mongo.remove(Query.query(Criteria.where("_id").is(id).and("erasedAt").is(erased.erasedAt())),
					ErasedParticipant.class);
			return true;
		}
		return false;
	}

}
