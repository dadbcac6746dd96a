package com.kreativnomentorstvo.platform.programmes;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.platform.messaging.EventMetadata;
import com.kreativnomentorstvo.platform.security.Caller;

/**
 * The programmes a service has heard of, from participant-service's {@code programme.created} and
 * {@code programme.updated} events, and who may coordinate them. Every write is an upsert that
 * keeps the newest version, so redelivered and late events do no harm. Services subscribe the
 * handlers in their own {@code Subscriptions}:
 *
 * <pre>{@code
 * .on(ProgrammeCreated.class, programmes::created)
 * .on(ProgrammeUpdated.class, programmes::updated)
 * }</pre>
 */
public class ProgrammeDirectory {

	/** The collection, in the service's own database. */
	public static final String COLLECTION = "programme_directory";

	/** The version of the state a creation announces: every update is newer. */
	static final long CREATED = 0;

	private final MongoOperations mongo;

	public ProgrammeDirectory(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Stores a new programme unless an update of it arrived first.
	 * @return whether the directory now holds this event's state (also when it was applied before)
	 */
	public boolean created(ProgrammeCreated event, EventMetadata metadata) {
		ProgrammeDetails details = event.programme();
		Programme stored = mongo.findAndModify(byId(details.programmeId()),
				new Update().setOnInsert("details", details).setOnInsert("version", CREATED),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Programme.class);
		return stored != null && stored.version() == CREATED;
	}

	/**
	 * Replaces what is known of the programme unless a newer version is stored.
	 * @return whether the directory now holds this event's state (also when it was applied before)
	 */
	public boolean updated(ProgrammeUpdated event, EventMetadata metadata) {
		ProgrammeDetails details = event.programme();
		Query notNewer = query(where("_id").is(details.programmeId()).and("version").lte(event.version()));
		try {
			mongo.upsert(notNewer, new Update().set("details", details).set("version", event.version()),
					Programme.class);
			return true;
		}
		catch (DuplicateKeyException newerKnown) {
			return false;
		}
	}

	/** The programme, if the service has heard of it. */
	public Optional<Programme> find(String programmeId) {
		return programmeId == null ? Optional.empty() : Optional.ofNullable(mongo.findById(programmeId, Programme.class));
	}

	/**
	 * The programme if the caller coordinates it ({@link Programme#coordinatedBy}); empty when it
	 * is unknown or not hers, which callers answer with 404 so that ids reveal nothing.
	 */
	public Optional<Programme> coordinatedBy(Caller caller, String programmeId) {
		return find(programmeId).filter(programme -> programme.coordinatedBy(caller));
	}

	/**
	 * Whether the caller coordinates the programme. Until the programme's own event has arrived,
	 * the organisation that owns the object in question (if any) stands in for its organisations.
	 */
	public boolean coordinates(Caller caller, String programmeId, String owningOrganisationId) {
		if (caller.isAdmin()) {
			return true;
		}
		if (!caller.isCoordinator()) {
			return false;
		}
		return find(programmeId).map(programme -> programme.coordinatedBy(caller))
			.orElseGet(() -> owningOrganisationId != null && caller.coordinatesFor(List.of(owningOrganisationId)));
	}

	/** The ids of the programmes an organisation runs or partners in. */
	public List<String> runOrPartneredBy(String organisationId) {
		if (organisationId == null) {
			return List.of();
		}
		Query query = query(new Criteria().orOperator(where("details.organiserId").is(organisationId),
				where("details.partnerIds").is(organisationId)));
		query.fields().include("_id");
		return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
	}

	/** The ids of every programme the service knows. */
	public List<String> ids() {
		Query query = new Query();
		query.fields().include("_id");
		return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
	}

	private static Query byId(String programmeId) {
		return query(where("_id").is(programmeId));
	}

}
