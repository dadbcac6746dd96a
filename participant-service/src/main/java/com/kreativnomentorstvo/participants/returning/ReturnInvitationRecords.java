package com.kreativnomentorstvo.participants.returning;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.participants.privacy.InvitationRecords;

/** Erasure reaches the invitations to return: those sent to her go, an enrolment they made is forgotten. */
@Component
class ReturnInvitationRecords implements InvitationRecords {

	private final MongoOperations mongo;

	ReturnInvitationRecords(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@Override
	public void forget(String participantId) {
		mongo.remove(Query.query(Criteria.where("participantId").is(participantId)), ReturnInvitation.class);
		mongo.updateMulti(Query.query(Criteria.where("enrolmentId").is(participantId)), new Update().unset("enrolmentId"),
				ReturnInvitation.class);
	}

}
