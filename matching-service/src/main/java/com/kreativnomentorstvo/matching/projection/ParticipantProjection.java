package com.kreativnomentorstvo.matching.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ParticipantProfile;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;

/**
 * Keeps the projection of participants current (programmes are the platform's
 * {@code ProgrammeDirectory}). Every write is an upsert guarded by the version it carries, so a
 * redelivered or late event never replaces newer state, and an erased participant stays erased
 * whatever arrives after.
 */
@Service
public class ParticipantProjection {

	private static final Logger log = LoggerFactory.getLogger(ParticipantProjection.class);

	/** The version given to state from a creation event, which carries none: any update is newer. */
	static final long CREATED = -1;

	private final MongoOperations mongo;

	ParticipantProjection(MongoOperations mongo) {
		this.mongo = mongo;
	}

	public void enrolled(ParticipantProfile profile) {
		Update update = new Update();
		profile(profile, CREATED).forEach(update::setOnInsert);
		update.setOnInsert("erased", false);
		mongo.upsert(query(where("_id").is(profile.participantId())), update, Participant.class);
		adoptAccount(profile);
	}

	public void profileUpdated(ParticipantProfile profile, long version) {
		Update update = new Update();
		profile(profile, version).forEach(update::set);
		Query newerAndNotErased = query(where("_id").is(profile.participantId()).and("erased").ne(true)
			.orOperator(where("profileVersion").lt(version), where("profileVersion").exists(false)));
		try {
			mongo.upsert(newerAndNotErased, update, Participant.class);
		}
		catch (DuplicateKeyException staleOrErased) {
			log.debug("Ignored profile version {} of {}: newer state or erased", version, profile.participantId());
		}
		adoptAccount(profile);
	}

	/**
	 * The account a profile names is kept even when the rest of the profile is not (an older version,
	 * or a redelivered enrolment), so that an enrolment learns its account whatever the order.
	 */
	private void adoptAccount(ParticipantProfile profile) {
		if (profile.accountId() != null) {
			Query withoutAccount = query(
					where("_id").is(profile.participantId()).and("erased").ne(true).and("accountId").exists(false));
			mongo.updateFirst(withoutAccount, new Update().set("accountId", profile.accountId()), Participant.class);
		}
	}

	/** She left the programme: out of the pool for good, unless a newer profile says otherwise. */
	public void withdrawn(String participantId, String programmeId) {
		mongo.upsert(query(where("_id").is(participantId).and("erased").ne(true)),
				new Update().set("status", ParticipantStatus.WITHDRAWN).setOnInsert("programmeId", programmeId)
					.setOnInsert("profileVersion", CREATED),
				Participant.class);
	}

	/** Drops everything kept about her except the pseudonymous id and the fact of erasure. */
	public void erased(String participantId, String programmeId) {
		Update scrub = new Update().set("erased", true).set("status", ParticipantStatus.WITHDRAWN)
			.set("profileVersion", Long.MAX_VALUE).setOnInsert("programmeId", programmeId);
		for (String field : new String[] { "accountId", "country", "city", "languages", "skills", "goals", "format",
				"timeZone", "availability", "capacity", "preferredMentorIds", "avoidedParticipantIds", "organisationId" }) {
			scrub.unset(field);
		}
		mongo.upsert(query(where("_id").is(participantId)), scrub, Participant.class);
	}

	private static java.util.Map<String, Object> profile(ParticipantProfile profile, long version) {
		java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
		fields.put("programmeId", profile.programmeId());
		fields.put("organisationId", profile.organisationId());
		if (profile.accountId() != null) {
			fields.put("accountId", profile.accountId()); // a profile without one does not unlink her
		}
		fields.put("role", profile.role());
		fields.put("status", profile.status());
		fields.put("country", profile.country());
		fields.put("city", profile.city());
		fields.put("languages", profile.languages());
		fields.put("skills", profile.skills());
		fields.put("goals", profile.goals());
		fields.put("format", profile.format());
		fields.put("timeZone", profile.timeZone());
		fields.put("availability", profile.availability());
		fields.put("capacity", profile.capacity());
		fields.put("preferredMentorIds", profile.preferredMentorIds());
		fields.put("avoidedParticipantIds", profile.avoidedParticipantIds());
		fields.put("profileVersion", version);
		return fields;
	}

}
