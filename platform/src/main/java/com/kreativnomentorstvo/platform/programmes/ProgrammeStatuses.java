package com.kreativnomentorstvo.platform.programmes;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;

import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.events.participants.ProgrammeStatusChanged;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * The status of each programme, from participant-service's {@code programme.status-changed} events,
 * beside the {@link ProgrammeDirectory}: the newest move wins, so a redelivered or late event changes
 * nothing. A programme without a move yet has the status its creation or last update carried, or
 * none (announced before programmes had one), which restricts nothing. Services subscribe
 * {@link #changed} in their own {@code Subscriptions} and refuse changes to an archived programme
 * with {@link #requireChangeable}.
 */
public class ProgrammeStatuses {

	/** The collection, in the service's own database. */
	public static final String COLLECTION = "programme_statuses";

	private final MongoOperations mongo;

	private final ProgrammeDirectory programmes;

	public ProgrammeStatuses(MongoOperations mongo, ProgrammeDirectory programmes) {
		this.mongo = mongo;
		this.programmes = programmes;
	}

	/**
	 * Keeps the move unless a later one is known.
	 * @return whether the programme's status is now this event's (also when it was applied before)
	 */
	public boolean changed(ProgrammeStatusChanged event) {
		try {
			mongo.upsert(query(where("_id").is(event.programmeId()).and("at").lte(event.at())),
					new Update().set("status", event.to()).set("at", event.at()), Known.class, COLLECTION);
			return true;
		}
		catch (DuplicateKeyException laterKnown) {
			return false;
		}
	}

	/** The programme's status, or {@code null} when it was never announced. */
	public ProgrammeStatus of(Programme programme) {
		Known known = mongo.findById(programme.id(), Known.class, COLLECTION);
		return known != null ? known.status() : programme.details().status();
	}

	/** The status of the programme with the id, or {@code null} when it was never announced. */
	public ProgrammeStatus of(String programmeId) {
		if (programmeId == null) {
			return null;
		}
		Known known = mongo.findById(programmeId, Known.class, COLLECTION);
		return known != null ? known.status() : programmes.find(programmeId).map(p -> p.details().status()).orElse(null);
	}

	/** Whether the programme with the id is ARCHIVED: read-only, kept for the record. */
	public boolean isArchived(String programmeId) {
		return of(programmeId) == ProgrammeStatus.ARCHIVED;
	}

	/**
	 * Refuses any change to what belongs to an archived programme, which is read-only.
	 * @throws ConflictException {@code programme-archived}, naming {@code status} (409)
	 */
	public void requireChangeable(Programme programme) {
		requireChangeable(of(programme));
	}

	/**
	 * Refuses any change to what belongs to the programme with the id once it is archived.
	 * @throws ConflictException {@code programme-archived}, naming {@code status} (409)
	 */
	public void requireChangeable(String programmeId) {
		requireChangeable(of(programmeId));
	}

	/**
	 * The rule itself: everything but ARCHIVED (and no status at all) takes changes.
	 * @throws ConflictException {@code programme-archived}, naming {@code status} (409)
	 */
	public static void requireChangeable(ProgrammeStatus status) {
		if (status == ProgrammeStatus.ARCHIVED) {
			throw new ConflictException("programme-archived", ProblemText.of("programme.archived"), "status");
		}
	}

	@Document(COLLECTION)
	record Known(@Id String id, ProgrammeStatus status, Instant at) {
	}

}
