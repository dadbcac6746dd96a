package com.kreativnomentorstvo.notifications.recipient;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.CoordinatorContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantProfile;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;

/**
 * The projection of recipients. Profile and contact halves are written with conditional upserts
 * so that each keeps its newest version, whichever topic delivers first and however often; an
 * erased participant is never written again. Coordinators ("staff", keyed by account id) are kept
 * the same way; a coordinator removed and appointed again later comes back with the newer events
 * only. Erasure itself is {@code privacy.Erasure}'s: this projection forgets a record when told.
 */
@Service
public class RecipientDirectory {

	/** The version an enrolment counts as; profile updates carry higher ones. */
	private static final long ENROLMENT_VERSION = 0;

	private final Recipients recipients;

	private final MongoOperations mongo;

	private final ApplicationEventPublisher internalEvents;

	private final ProgrammeDirectory programmes;

	private final ErasedParticipants erased;

	RecipientDirectory(Recipients recipients, MongoOperations mongo, ApplicationEventPublisher internalEvents,
			ProgrammeDirectory programmes, ErasedParticipants erased) {
		this.recipients = recipients;
		this.mongo = mongo;
		this.internalEvents = internalEvents;
		this.programmes = programmes;
		this.erased = erased;
	}

	/**
	 * The recipient's time zone (quiet hours, digests, the times in her messages): the one she gave;
	 * for a coordinator, whose contact record has none, that of a programme her organisation runs or
	 * partners in; else the fallback.
	 */
	public ZoneId zoneOf(Recipient recipient, ZoneId fallback) {
		if (recipient.isStaff()) {
			fallback = programmes.runOrPartneredBy(recipient.organisationId())
				.stream()
				.map(programmes::find)
				.flatMap(Optional::stream)
				.map(Programme::zone)
				.flatMap(Optional::stream)
				.findFirst()
				.orElse(fallback);
		}
		return recipient.timeZone(fallback);
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
		if (profile.accountId() != null) {
			// an account never lets go of an enrolment; a profile without one is older than the admission
			update.set("accountId", profile.accountId());
		}
		if (upsertIfNewer(id, "profileVersion", version, update)) {
			dropIfErasedMeanwhile(id);
		}
	}

	/**
	 * Someone applied, was admitted or was invited: what the event says of her programme and role
	 * is kept until her enrolment's profile tells more, and her account (if given) from now on.
	 */
	public void known(String participantId, String programmeId, String organisationId, Role role, String accountId) {
		if (participantId == null || isErased(participantId)) {
			return;
		}
		Update update = new Update().setOnInsert("programmeId", programmeId)
			.setOnInsert("organisationId", organisationId)
			.setOnInsert("role", role == null ? null : role.name())
			.setOnInsert("profileVersion", ENROLMENT_VERSION - 1)
			.setOnInsert("contactChangedAt", Instant.EPOCH);
		if (accountId != null) {
			update.set("accountId", accountId);
		}
		mongo.upsert(Query.query(Criteria.where("_id").is(participantId)), update, Recipient.class);
		dropIfErasedMeanwhile(participantId);
	}

	/** The participant ids of the account's enrolments (erased ones are gone from here). */
	public Set<String> enrolmentsOf(String accountId) {
		if (accountId == null) {
			return Set.of();
		}
		return recipients.findByAccountId(accountId)
			.stream()
			.filter(r -> !r.isStaff())
			.map(Recipient::id)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** An account became a coordinator of the organisation: a staff recipient keyed by the account id. */
	public void coordinatorAppointed(String accountId, String organisationId, Instant appointedAt) {
		Instant at = appointedAt == null ? Instant.EPOCH.plusMillis(1) : appointedAt;
		if (!mayWriteStaff(accountId, at)) {
			return;
		}
		Update update = new Update().set("role", Recipient.COORDINATOR)
			.set("organisationId", organisationId)
			.set("appointedAt", at)
			.setOnInsert("contactChangedAt", Instant.EPOCH)
			.setOnInsert("profileVersion", ENROLMENT_VERSION - 1);
		if (upsertIfNewer(accountId, "appointedAt", at, update)) {
			dropIfErasedMeanwhile(accountId);
		}
	}

	/** A coordinator's newer contact details (the contacts topic, keyed by her account id). */
	public void coordinatorContactChanged(CoordinatorContactChanged contact) {
		String id = contact.accountId();
		Instant changedAt = contact.changedAt() == null ? Instant.EPOCH.plusMillis(1) : contact.changedAt();
		if (!mayWriteStaff(id, changedAt)) {
			return;
		}
		Update update = new Update().set("displayName", contact.displayName())
			.set("email", contact.email())
			.set("contactLocale", contact.preferredLocale())
			.set("contactChangedAt", changedAt)
			.set("role", Recipient.COORDINATOR)
			.set("organisationId", contact.organisationId())
			.setOnInsert("appointedAt", Instant.EPOCH)
			.setOnInsert("profileVersion", ENROLMENT_VERSION - 1);
		if (upsertIfNewer(id, "contactChangedAt", changedAt, update) && !dropIfErasedMeanwhile(id)) {
			internalEvents.publishEvent(new ContactKnown(id));
		}
	}

	/** The coordinators of an organisation this service knows of. */
	public List<Recipient> coordinatorsOf(String organisationId) {
		return organisationId == null ? List.of()
				: recipients.findByRoleAndOrganisationId(Recipient.COORDINATOR, organisationId);
	}

	/**
	 * Whether an event of a coordinator at the given time may be applied: yes unless she was
	 * removed (erased) at or after that time. An event newer than her removal (she was appointed
	 * again) lifts the erasure; replays of older ones stay out.
	 */
	private boolean mayWriteStaff(String accountId, Instant at) {
		return accountId != null && erased.admitsEventAt(accountId, at);
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

	/** Whether the person was erased (and is kept out of everything this service does). */
	public boolean isErased(String participantId) {
		return erased.contains(participantId);
	}

	/** Forgets the person's record, at her erasure. */
	public void forget(String participantId) {
		mongo.remove(Query.query(Criteria.where("_id").is(participantId)), Recipient.class);
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
