package com.kreativnomentorstvo.participants.participant;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;

/**
 * The pairs matching-service formed, kept from its events so that participant-service can tell
 * whether two participants may see each other. Each event is applied with two atomic writes (create
 * the pair if it is new, then move its stage forward), so a repeated event changes nothing and events
 * of one pair arriving out of order (a match and its mentorship have different keys) end in the
 * furthest stage. A mentorship that ended leaves the pair started: the two still know each other.
 */
@Component
public class Pairs {

	private final MongoOperations mongo;

	private final Clock clock;

	Pairs(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	public void proposed(MatchProposed event) {
		reach(event.matchId(), event.programmeId(), event.mentorId(), event.menteeId(), Pair.Stage.PROPOSED);
	}

	public void declined(MatchDeclined event) {
		reach(event.matchId(), event.programmeId(), event.mentorId(), event.menteeId(), Pair.Stage.CLOSED);
	}

	public void expired(MatchExpired event) {
		reach(event.matchId(), event.programmeId(), event.mentorId(), event.menteeId(), Pair.Stage.CLOSED);
	}

	public void started(MentorshipStarted event) {
		reach(event.matchId(), event.programmeId(), event.mentorId(), event.menteeId(), Pair.Stage.STARTED);
	}

	/**
	 * The furthest stage the participant reached with any of the caller's enrolments, if they were
	 * ever paired.
	 */
	Optional<Pair.Stage> between(String participantId, Collection<String> callerEnrolments) {
		if (callerEnrolments.isEmpty()) {
			return Optional.empty();
		}
		Query query = Query.query(new Criteria().orOperator(
				Criteria.where("mentorId").is(participantId).and("menteeId").in(callerEnrolments),
				Criteria.where("menteeId").is(participantId).and("mentorId").in(callerEnrolments)));
		return mongo.find(query, Pair.class).stream().map(Pair::stage).max(Comparable::compareTo);
	}

	private void reach(String matchId, String programmeId, String mentorId, String menteeId, Pair.Stage stage) {
		mongo.upsert(Query.query(Criteria.where("_id").is(matchId)),
				new Update().setOnInsert("programmeId", programmeId)
					.setOnInsert("mentorId", mentorId)
					.setOnInsert("menteeId", menteeId)
					.setOnInsert("stage", stage)
					.setOnInsert("rank", stage.ordinal())
					.setOnInsert("changedAt", clock.instant()),
				Pair.class);
		mongo.updateFirst(Query.query(Criteria.where("_id").is(matchId).and("rank").lt(stage.ordinal())),
				new Update().set("stage", stage).set("rank", stage.ordinal()).set("changedAt", clock.instant()),
				Pair.class);
	}

}
