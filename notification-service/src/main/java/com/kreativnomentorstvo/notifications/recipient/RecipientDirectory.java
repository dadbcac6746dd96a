package com.kreativnomentorstvo.notifications.recipient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantProfile;

/**
 * The projection of recipients. Profile and contact halves are written with conditional upserts
 * so that each keeps its newest version, whichever topic delivers first and however often; an
 * erased participant is never written again.
 */
@Service
public class RecipientDirectory {

	private static final Logger log = LoggerFactory.getLogger(RecipientDirectory.class);

	/** The version an enrolment counts as; profile updates carry higher ones. */
	private static final long ENROLMENT_VERSION = 0;

	private final Recipients recipients;

	private final MongoOperations mongo;

	private final ApplicationEventPublisher internalEvents;

	RecipientDirectory(Recipients recipients, MongoOperations mongo, ApplicationEventPublisher internalEvents) {
		this.recipients = recipients;
		this.mongo = mongo;
		this.internalEvents = internalEvents;
	}

	/** A participant enrolled: programme, role, language and time zone from the profile. */
	public void enrolled(ParticipantProfile profile) {
		profileChanged(profile, ENROLMENT_VERSION);
	}

	/** A newer profile (or status) of a participant, applied unless a newer one is known. */
	public void profileChanged(ParticipantProfile profile, long version) {
		String id = profile.participantId();
		if (isErased(id)) {
			return;
		}
		Update update = new Update().set("programmeId", profile.programmeId())
			.set("organisationId", profile.organisationId())
			.set("role", profile.role() == null ? null : profile.role().name())
			.set("status", profile.status() == null ? null : profile.status().name())
			.set("profileLocale", profile.preferredLocale())
			.set("profileTimeZone", profile.timeZone())
			.set("profileVersion", version)
			.setOnInsert("contactChangedAt", Instant.EPOCH);
		if (upsertIfNewer(id, "profileVersion", version, update)) {
			dropIfErasedMeanwhile(id);
		}
	}

	/** The participant left the programme; what she still receives is decided by each feature. */
	public void withdrawn(String participantId) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(participantId)), new Update().set("status", "WITHDRAWN"),
				Recipient.class);
	}

	/** Newer contact details (the contacts topic), after which waiting e-mails may go. */
	public void contactChanged(ParticipantContactChanged contact) {
		String id = contact.participantId();
		if (isErased(id)) {
			return;
		}
		Instant changedAt = contact.changedAt() == null ? Instant.EPOCH.plusMillis(1) : contact.changedAt();
		Update update = new Update().set("displayName", contact.displayName())
			.set("email", contact.email())
			.set("contactLocale", contact.preferredLocale())
			.set("contactTimeZone", contact.timeZone())
			.set("contactChangedAt", changedAt)
			.setOnInsert("programmeId", contact.programmeId())
			.setOnInsert("organisationId", contact.organisationId())
			.setOnInsert("profileVersion", ENROLMENT_VERSION - 1);
		if (upsertIfNewer(id, "contactChangedAt", changedAt, update) && !dropIfErasedMeanwhile(id)) {
			internalEvents.publishEvent(new ContactKnown(id));
		}
	}

	public Optional<Recipient> find(String participantId) {
		return participantId == null ? Optional.empty() : recipients.findById(participantId);
	}

	/** The participants of a programme this service knows of. */
	public List<Recipient> inProgramme(String programmeId) {
		return recipients.findByProgrammeId(programmeId);
	}

	public boolean isErased(String participantId) {
		return mongo.exists(Query.query(Criteria.where("_id").is(participantId)), ErasedParticipant.class);
	}

	/**
	 * Forgets everything about the participant: her contact details and preferences here, and
	 * through {@link RecipientErased} her inbox, deliveries and reminders. Idempotent.
	 */
	public void erase(String participantId, Instant at) {
		try {
			mongo.insert(new ErasedParticipant(participantId, at));
		}
		catch (DuplicateKeyException alreadyMarked) {
			// erased before (the erased event and the contacts tombstone both lead here); finish anyway
		}
		mongo.remove(Query.query(Criteria.where("_id").is(participantId)), Recipient.class);
		mongo.remove(Query.query(Criteria.where("_id").is(participantId)), Preferences.class);
		internalEvents.publishEvent(new RecipientErased(participantId));
		log.info("Erased participant {} from notifications", participantId);
	}

	/**
	 * Applies the erasures of the last day again, so that records kept back at the first pass (an
	 * event of theirs was still waiting in the outbox) are removed now. Erasure is idempotent.
	 */
	public void reapplyRecentErasures(Instant now) {
		Query recent = Query.query(Criteria.where("erasedAt").gte(now.minus(Duration.ofDays(1))));
		mongo.find(recent, ErasedParticipant.class)
			.forEach(erased -> internalEvents.publishEvent(new RecipientErased(erased.id())));
	}

	/** Applies the update when the stored value of the guard field is older (or absent). */
	private boolean upsertIfNewer(String id, String guard, Object value, Update update) {
		Query olderOrAbsent = Query.query(Criteria.where("_id").is(id).and(guard).lt(value));
		try {
			mongo.upsert(olderOrAbsent, update, Recipient.class);
			return true;
		}
		catch (DuplicateKeyException newerKnown) {
			return false; // the document exists with a newer (or equal) version: keep it
		}
	}

	/** Closes the race with an erasure applied on another instance between our check and write. */
	private boolean dropIfErasedMeanwhile(String id) {
		if (isErased(id)) {
			mongo.remove(Query.query(Criteria.where("_id").is(id)), Recipient.class);
			return true;
		}
		return false;
	}

}
