package com.kreativnomentorstvo.matching.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.security.AccountEnrolments;

/**
 * The enrolments of an account as matching learnt them from participant-service's events: the
 * participants whose profile names the account, erased ones excluded (withdrawn ones still count:
 * she may read what she took part in). The platform asks on every request, so an enrolment counts
 * as soon as the event naming its account is applied.
 */
@Component
class Enrolments implements AccountEnrolments {

	private final MongoOperations mongo;

	Enrolments(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@Override
	public Set<String> of(String accountId) {
		Query hers = query(where("accountId").is(accountId).and("erased").ne(true));
		hers.fields().include("_id");
		return mongo.find(hers, Participant.class)
			.stream()
			.map(Participant::getId)
			.collect(Collectors.toUnmodifiableSet());
	}

}
