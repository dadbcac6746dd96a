package com.kreativnomentorstvo.matching.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.events.participants.ProgrammeStatusChanged;
import com.kreativnomentorstvo.platform.programmes.Programme;

/**
 * The status of each programme, from participant-service's {@code programme.status-changed} events,
 * beside the programme directory: the newest move wins, so a redelivered or late event changes
 * nothing. A programme without a move yet has the status its creation or last update carried, or
 * none (announced before programmes had one), which restricts nothing.
 */
@Component
public class ProgrammeStatuses {

	/** The collection, in the service's own database. */
	static final String COLLECTION = "programme_statuses";

	private final MongoOperations mongo;

	ProgrammeStatuses(MongoOperations mongo) {
		this.mongo = mongo;
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

	@Document(COLLECTION)
	record Known(@Id String id, ProgrammeStatus status, Instant at) {
	}

}
