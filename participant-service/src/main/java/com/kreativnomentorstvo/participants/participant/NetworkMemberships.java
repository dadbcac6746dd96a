package com.kreativnomentorstvo.participants.participant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.participants.organisation.Acquaintances;
import com.kreativnomentorstvo.participants.programme.Participation;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.Programmes;
import com.kreativnomentorstvo.platform.security.Caller;

/**
 * Who takes part where, for the programme and organisation features: the programmes a participant
 * is enrolled in, the codes participants chose, and the organisations someone meets.
 */
@Component
class NetworkMemberships implements Participation, Acquaintances {

	private final MongoOperations mongo;

	private final Programmes programmes;

	NetworkMemberships(MongoOperations mongo, Programmes programmes) {
		this.mongo = mongo;
		this.programmes = programmes;
	}

	@Override
	public Set<String> programmesOf(Caller caller) {
		Set<String> programmeIds = new LinkedHashSet<>();
		ownRecords(caller).forEach(participant -> programmeIds.add(participant.getProgrammeId()));
		return programmeIds;
	}

	@Override
	public Set<String> codesInUse(String programmeId) {
		Query query = Query.query(Criteria.where("programmeId").is(programmeId).and("erasedAt").is(null));
		query.fields().include("details.skills", "details.goals", "programmeId", "role");
		Set<String> codes = new HashSet<>();
		for (Participant participant : mongo.find(query, Participant.class)) {
			if (participant.getDetails() != null) {
				participant.getDetails().skills().forEach(level -> codes.add(level.code()));
				participant.getDetails().goals().forEach(level -> codes.add(level.code()));
			}
		}
		return codes;
	}

	@Override
	public Set<String> organisationsKnownTo(Caller caller) {
		Set<String> known = new LinkedHashSet<>();
		if (caller.organisationId() != null) {
			known.add(caller.organisationId());
		}
		if (caller.isCoordinator() && caller.organisationId() != null) {
			List<String> coordinated = new ArrayList<>();
			for (Programme programme : programmes.findByOrganiserIdOrPartnerIds(caller.organisationId(),
					caller.organisationId())) {
				known.addAll(programme.organisationIds());
				coordinated.add(programme.getId());
			}
			if (!coordinated.isEmpty()) {
				known.addAll(mongo.findDistinct(
						Query.query(Criteria.where("programmeId").in(coordinated).and("erasedAt").is(null)),
						"organisationId", Participant.class, String.class));
			}
		}
		for (Participant own : ownRecords(caller)) {
			known.add(own.getOrganisationId());
			programmes.findById(own.getProgrammeId()).ifPresent(programme -> known.addAll(programme.organisationIds()));
		}
		return known;
	}

	private List<Participant> ownRecords(Caller caller) {
		if (!caller.isParticipant()) {
			return List.of();
		}
		return mongo.find(Query.query(Criteria.where("_id").in(caller.participantIds()).and("erasedAt").is(null)),
				Participant.class);
	}

}
