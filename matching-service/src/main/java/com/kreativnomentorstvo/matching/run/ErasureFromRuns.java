package com.kreativnomentorstvo.matching.run;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * An erased participant's profile is dropped from the inputs every run kept; her pairs in the
 * results stay as ids. Safe to repeat for a redelivered event.
 */
@Service
public class ErasureFromRuns {

	private final MongoOperations mongo;

	private final RunChanges changes;

	ErasureFromRuns(MongoOperations mongo, RunChanges changes) {
		this.mongo = mongo;
		this.changes = changes;
	}

	public void participantErased(String participantId) {
		Query containing = new Query(new Criteria().orOperator(where("inputs.mentees.participantId").is(participantId),
				where("inputs.mentors.profile.participantId").is(participantId)));
		containing.fields().include("_id"); // each run is read whole once, by the change
		for (MatchingRun run : mongo.find(containing, MatchingRun.class)) {
			changes.apply(run.getId(), latest -> latest.forget(participantId));
		}
	}

}
