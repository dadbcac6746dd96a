package com.kreativnomentorstvo.notifications.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.platform.security.Caller;

/** The projection of programmes, kept at the newest version however the events arrive. */
@Service
public class ProgrammeDirectory {

	private final Programmes programmes;

	private final MongoOperations mongo;

	ProgrammeDirectory(Programmes programmes, MongoOperations mongo) {
		this.programmes = programmes;
		this.mongo = mongo;
	}

	/**
	 * Stores the programme's state unless a newer version is already known.
	 * @return whether the state was taken
	 */
	public boolean changed(ProgrammeDetails details, long version) {
		LocalDate midterm = details.milestones() == null ? null
				: details.milestones()
					.stream()
					.filter(m -> "MIDTERM".equalsIgnoreCase(m.kind()))
					.map(Milestone::date)
					.filter(Objects::nonNull)
					.findFirst()
					.orElse(null);
		int responseDays = details.matchingPolicy() == null ? 0 : details.matchingPolicy().responseDays();
		Programme programme = new Programme(details.programmeId(), details.organiserId(), details.partnerIds(),
				details.name(), details.timeZone(), details.languages(), midterm, responseDays, version);
		Query olderOrAbsent = Query.query(Criteria.where("_id").is(details.programmeId()).and("version").lt(version));
		Update update = new Update().set("organiserId", programme.organiserId())
			.set("partnerIds", programme.partnerIds())
			.set("name", programme.name())
			.set("timeZone", programme.timeZone())
			.set("languages", programme.languages())
			.set("midterm", programme.midterm())
			.set("responseDays", programme.responseDays())
			.set("version", version);
		try {
			mongo.upsert(olderOrAbsent, update, Programme.class);
			return true;
		}
		catch (DuplicateKeyException newerKnown) {
			return false;
		}
	}

	public Optional<Programme> find(String programmeId) {
		return programmeId == null ? Optional.empty() : programmes.findById(programmeId);
	}

	/**
	 * Whether the caller coordinates (or administers) the programme. An unknown programme is seen
	 * only by admins and by coordinators of the organisation that owns the object in question.
	 */
	public boolean coordinates(Caller caller, String programmeId, String owningOrganisationId) {
		if (caller.isAdmin()) {
			return true;
		}
		if (!caller.isCoordinator()) {
			return false;
		}
		List<String> organisations = find(programmeId).map(Programme::organisations)
			.orElseGet(() -> owningOrganisationId == null ? List.of() : List.of(owningOrganisationId));
		return caller.coordinatesFor(organisations);
	}

}
