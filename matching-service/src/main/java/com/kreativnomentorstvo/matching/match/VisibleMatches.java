package com.kreativnomentorstvo.matching.match;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * The matches a caller may see: the two people's own, all of a programme for its runners, and those
 * of the participants a partner's coordinators steward. Any other match does not exist for her.
 */
@Service
public class VisibleMatches {

	private final Matches matches;

	private final ProgrammeAccess access;

	private final MongoOperations mongo;

	VisibleMatches(Matches matches, ProgrammeAccess access, MongoOperations mongo) {
		this.matches = matches;
		this.access = access;
		this.mongo = mongo;
	}

	/**
	 * A match the caller may see: the two people's, the programme's runners' and the stewards' of
	 * either of them.
	 * @throws ResourceNotFoundException for any other caller, as for a match that does not exist
	 */
	public Match find(Caller caller, String matchId) {
		Match match = matches.findById(matchId).orElseThrow(() -> new ResourceNotFoundException("match", matchId));
		if (caller.asOneOf(match.members()).isPresent() || access.runs(caller, match.getProgrammeId())
				|| access.stewardsAnyOf(caller, match.members())) {
			return match;
		}
		throw new ResourceNotFoundException("match", matchId);
	}

	/**
	 * A page of a programme's matches: all for its runners (or one participant's); for a partner's
	 * coordinator those of the participants her organisation stewards; for a participant those of
	 * all her enrolments (or of the one she names).
	 */
	MatchPage list(Caller caller, String programmeId, MatchStatus status, String participantId, int page, int size) {
		Programme programme = access.visible(caller, programmeId);
		Criteria criteria = where("programmeId").is(programmeId);
		if (status != null) {
			criteria = criteria.and("status").is(status);
		}
		Collection<String> whose;
		if (access.runs(caller, programme)) {
			whose = participantId == null ? null : List.of(participantId);
		}
		else if (caller.coordinatesFor(programme.organisations())) {
			Set<String> stewarded = new LinkedHashSet<>(access.stewardedIn(caller, programme));
			stewarded.addAll(caller.participantIds());
			whose = participantId == null ? stewarded
					: stewarded.contains(participantId) ? List.of(participantId) : List.of();
		}
		else {
			whose = caller.is(participantId) ? List.of(participantId) : caller.participantIds();
		}
		if (whose != null) {
			criteria = criteria.orOperator(where("mentorId").in(whose), where("menteeId").in(whose));
		}
		Query query = new Query(criteria);
		long total = mongo.count(query, Match.class);
		query.with(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "proposedAt").and(Sort.by("_id"))));
		return new MatchPage(mongo.find(query, Match.class), total);
	}

	/** A page of matches and how many there are in all. */
	record MatchPage(List<Match> items, long total) {
	}

}
