package com.kreativnomentorstvo.participants.participant;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.security.Caller;

/**
 * Lists participants, narrowed first to what the caller may see (administrators: all; coordinators:
 * their programmes' participants, most of them as profile cards; a participant: herself), then by
 * the filter. A search by text matches names, and addresses only of those the caller stewards.
 */
@Component
class ParticipantSearch {

	private static final Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("enrolledAt"), Sort.Order.asc("_id"));

	private final MongoOperations mongo;

	private final ProgrammeAccess programmes;

	ParticipantSearch(MongoOperations mongo, ProgrammeAccess programmes) {
		this.mongo = mongo;
		this.programmes = programmes;
	}

	PageOf<Participant> find(Caller caller, ParticipantFilter filter, int page, int size) {
		if (filter.programmeId() != null) {
			// a programme the caller may not see is not there for her: 404 rather than an empty list
			programmes.visibleTo(caller, filter.programmeId());
		}
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("erasedAt").is(null));
		// an application counts once its address is confirmed
		all.add(Criteria.where("pending").ne(Pending.ADDRESS_CONFIRMATION.name()));
		if (!caller.isAdmin()) {
			all.add(visibleTo(caller));
		}
		if (filter.programmeId() != null) {
			all.add(Criteria.where("programmeId").is(filter.programmeId()));
		}
		if (filter.role() != null) {
			all.add(Criteria.where("role").is(filter.role()));
		}
		if (filter.country() != null) {
			all.add(Criteria.where("details.country").is(filter.country()));
		}
		if (filter.organisationId() != null) {
			all.add(Criteria.where("organisationId").is(filter.organisationId()));
		}
		if (filter.status() != null) {
			all.add(Criteria.where("status").is(filter.status()));
		}
		if (filter.skill() != null) {
			all.add(new Criteria().orOperator(Criteria.where("details.skills.code").is(filter.skill()),
					Criteria.where("details.goals.code").is(filter.skill())));
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			Pattern text = Pattern.compile(Pattern.quote(filter.q().strip()), Pattern.CASE_INSENSITIVE);
			// addresses are searched only among those whose addresses the caller may see
			Criteria byAddress = Criteria.where("details.email").regex(text);
			all.add(new Criteria().orOperator(Criteria.where("details.displayName").regex(text),
					caller.isAdmin() ? byAddress : new Criteria().andOperator(byAddress, stewardedBy(caller))));
		}
		Query query = Query.query(new Criteria().andOperator(all));
		long total = mongo.count(query, Participant.class);
		List<Participant> items = mongo.find(query.with(OLDEST_FIRST).skip((long) page * size).limit(size),
				Participant.class);
		return new PageOf<>(items, page, size, total);
	}

	/** The participants the caller stewards (or is), as {@link ProgrammeAccess#stewards} decides one by one. */
	private Criteria stewardedBy(Caller caller) {
		List<Criteria> stewarded = new ArrayList<>();
		String organisation = caller.organisationId();
		for (Programme programme : programmes.coordinatedBy(caller)) {
			Criteria ofOrganisation = Criteria.where("organisationId").is(organisation);
			if (programmes.runs(caller, programme)) {
				// the organiser also stewards people of organisations outside the programme
				ofOrganisation = new Criteria().orOperator(ofOrganisation,
						Criteria.where("organisationId").nin(programme.organisationIds()));
			}
			stewarded.add(new Criteria().andOperator(Criteria.where("programmeId").is(programme.getId()),
					ofOrganisation));
		}
		if (caller.isParticipant()) {
			stewarded.add(Criteria.where("_id").in(caller.participantIds()));
		}
		return stewarded.isEmpty() ? Criteria.where("_id").in(List.of()) : new Criteria().orOperator(stewarded);
	}

	private Criteria visibleTo(Caller caller) {
		List<Criteria> visible = new ArrayList<>();
		List<String> coordinated = programmes.coordinatedBy(caller).stream().map(Programme::getId).toList();
		if (!coordinated.isEmpty()) {
			visible.add(Criteria.where("programmeId").in(coordinated));
		}
		if (caller.isParticipant()) {
			visible.add(Criteria.where("_id").in(caller.participantIds()));
		}
		if (visible.isEmpty()) {
			// nothing is visible: a criterion no document meets
			return Criteria.where("_id").in(List.of());
		}
		return new Criteria().orOperator(visible);
	}

}
