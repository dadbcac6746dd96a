package com.kreativnomentorstvo.matching.match;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The places participants have taken: one document per participant counting the matches that hold
 * one of her places (a mentee has one place, a mentor as many as her capacity). Taking a place is
 * one conditional update on that document ({@code count < capacity}, and not already held by this
 * match), so no number of concurrent requests can take more places than there are, on a single
 * MongoDB node or a replica set alike.
 *
 * <p>Anyone may read the counts; only {@link PlaceKeeping} changes them. A match takes its places
 * before it is stored in a state that needs them and gives them back after it is stored in a state
 * that does not; a crash in between leaves a place held by a match that does not need it, which
 * {@link ReclaimingIdlePlaces} gives back later. The capacity is therefore never exceeded; at worst a
 * place is idle for a little while.
 */
@Component
public class Places {

	static final String COLLECTION = "places";

	private final MongoOperations mongo;

	private final Clock clock;

	Places(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Takes one of the participant's places for the match, if fewer than {@code capacity} are taken.
	 * Taking a place the match already holds succeeds again without taking another.
	 * @return whether the match holds a place now
	 */
	boolean hold(String participantId, String matchId, int capacity) {
		ensureExists(participantId);
		Query free = query(where("_id").is(participantId).and("count").lt(capacity).and("holders.matchId").ne(matchId));
		Update take = new Update().inc("count", 1)
			.push("holders", new Document("matchId", matchId).append("at", Date.from(clock.instant())));
		if (mongo.findAndModify(free, take, FindAndModifyOptions.options().returnNew(true), Document.class,
				COLLECTION) != null) {
			return true;
		}
		return holds(participantId, matchId);
	}

	/** Gives back the place the match holds, if it holds one. */
	void release(String participantId, String matchId) {
		mongo.updateFirst(query(where("_id").is(participantId).and("holders.matchId").is(matchId)),
				new Update().inc("count", -1).pull("holders", new Document("matchId", matchId)), COLLECTION);
	}

	/** Whether the match holds one of the participant's places. */
	public boolean holds(String participantId, String matchId) {
		return mongo.exists(query(where("_id").is(participantId).and("holders.matchId").is(matchId)), COLLECTION);
	}

	/** How many of the participant's places are taken. */
	public int taken(String participantId) {
		return taken(List.of(participantId)).getOrDefault(participantId, 0);
	}

	/** How many places each participant has taken (absent: none). */
	public Map<String, Integer> taken(Collection<String> participantIds) {
		Map<String, Integer> taken = new HashMap<>();
		Query query = query(where("_id").in(participantIds));
		query.fields().include("count");
		for (Document document : mongo.find(query, Document.class, COLLECTION)) {
			taken.put(document.getString("_id"), document.getInteger("count", 0));
		}
		return taken;
	}

	/** Places held since before the given moment: (participant, match) pairs to check. */
	List<Hold> heldSince(Instant before, int limit) {
		Query query = query(where("holders.at").lt(Date.from(before))).limit(limit);
		return mongo.find(query, Document.class, COLLECTION)
			.stream()
			.flatMap(document -> document.getList("holders", Document.class, List.of())
				.stream()
				.filter(holder -> holder.getDate("at").toInstant().isBefore(before))
				.map(holder -> new Hold(document.getString("_id"), holder.getString("matchId"))))
			.toList();
	}

	private void ensureExists(String participantId) {
		try {
			mongo.upsert(query(where("_id").is(participantId)),
					new Update().setOnInsert("count", 0).setOnInsert("holders", List.of()), COLLECTION);
		}
		catch (DuplicateKeyException createdConcurrently) {
			// another request created it first: it exists
		}
	}

	/** A place of a participant held by a match. */
	record Hold(String participantId, String matchId) {
	}

}
