package com.kreativnomentorstvo.matching.match;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.config.MatchingProperties;
import com.kreativnomentorstvo.matching.projection.Participant;
import com.kreativnomentorstvo.matching.projection.Participants;
import com.kreativnomentorstvo.matching.projection.MatchingTerms;
import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.matching.scoring.Explanation;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * The life of a match: proposals from runs, coordinators and mentees' requests; answers, expiry,
 * the start and end of mentorships, and what happens when someone leaves. Places are taken before a
 * match is stored in a state that needs them and given back after it is stored in one that does
 * not (see {@link Places}).
 */
@Service
public class MatchLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MatchLifecycle.class);

	private static final int ATTEMPTS = 8;

	private static final Duration LONGEST_RESPONSE_TIME = Duration.ofDays(90);

	private final Matches matches;

	private final Places places;

	private final Participants participants;

	private final ProgrammeAccess access;

	private final PairExplainer explainer;

	private final MongoOperations mongo;

	private final MatchingProperties properties;

	private final Clock clock;

	MatchLifecycle(Matches matches, Places places, Participants participants, ProgrammeAccess access,
			PairExplainer explainer, MongoOperations mongo, MatchingProperties properties, Clock clock) {
		this.matches = matches;
		this.places = places;
		this.participants = participants;
		this.access = access;
		this.explainer = explainer;
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	/** One pair of a run to publish. */
	public record Proposal(String menteeId, String mentorId, Explanation explanation) {
	}

	/** How publishing one pair went: the match it became, or why it was skipped. */
	public record Publication(String menteeId, String mentorId, String matchId, String skipped) {
	}

	/**
	 * Publishes a run's pairs as proposals. A pair whose mentee meanwhile got another proposal, or
	 * whose mentor meanwhile filled up or left, is skipped with the reason. Publishing the same run
	 * again publishes nothing twice: a run's match ids are derived from the run and the mentee.
	 */
	public List<Publication> publishRun(Programme programme, String runId, List<Proposal> proposals,
			Instant respondBy) {
		Instant now = now();
		List<Publication> publications = new ArrayList<>();
		for (Proposal proposal : proposals) {
			String matchId = runMatchId(runId, proposal.menteeId());
			publications.add(new Publication(proposal.menteeId(), proposal.mentorId(), matchId, null));
			if (matches.existsById(matchId)) {
				continue;
			}
			Optional<Participant> mentee = participants.findById(proposal.menteeId()).filter(Participant::isActive);
			Optional<Participant> mentor = participants.findById(proposal.mentorId()).filter(Participant::isActive);
			String skipped = null;
			if (mentee.isEmpty()) {
				skipped = "mentee-left";
			}
			else if (mentor.isEmpty()) {
				skipped = "mentor-left";
			}
			else if (!places.hold(proposal.menteeId(), matchId, 1)) {
				skipped = "mentee-unavailable";
			}
			else if (!places.hold(proposal.mentorId(), matchId, mentor.get().capacity(programme))) {
				places.release(proposal.menteeId(), matchId);
				skipped = "mentor-full";
			}
			if (skipped != null) {
				publications.set(publications.size() - 1,
						new Publication(proposal.menteeId(), proposal.mentorId(), null, skipped));
				continue;
			}
			store(Match.propose(matchId, programme.id(), programme.organiserId(), Origin.RUN, runId,
					proposal.mentorId(), proposal.menteeId(), proposal.explanation(), respondBy, now));
		}
		return publications;
	}

	/** The deadline for answers to a proposal published now, or the one a coordinator chose. */
	public Instant respondBy(Programme programme, Instant requested, String field) {
		Instant now = now();
		if (requested == null) {
			return now.plus(Duration.ofDays(MatchingTerms.of(programme).responseDays()));
		}
		if (!requested.isAfter(now)) {
			throw new InvalidFieldsException(field, "must be in the future");
		}
		if (requested.isAfter(now.plus(LONGEST_RESPONSE_TIME))) {
			throw new InvalidFieldsException(field, "must be within " + LONGEST_RESPONSE_TIME.toDays() + " days");
		}
		return requested.truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * A coordinator pairs two people by hand: proposed to both, or started at once when they already
	 * agreed.
	 */
	public Match matchByHand(Caller caller, String programmeId, String mentorId, String menteeId, Instant respondBy,
			boolean startNow) {
		Programme programme = access.run(caller, programmeId);
		Participant mentee = member(programme, menteeId, true, "menteeId");
		Participant mentor = member(programme, mentorId, false, "mentorId");
		Explanation explanation = explainer.explain(programme, mentee, mentor, "mentorId");
		Instant deadline = startNow ? null : respondBy(programme, respondBy, "respondBy");
		String matchId = newMatchId();
		takePlaces(programme, mentee, mentor, matchId);
		Instant now = now();
		return store(startNow
				? Match.startDirectly(matchId, programmeId, programme.organiserId(), mentorId, menteeId, explanation,
						now)
				: Match.propose(matchId, programmeId, programme.organiserId(), Origin.MANUAL, null, mentorId,
						menteeId, explanation, deadline, now));
	}

	/**
	 * A mentee asks a mentor from her recommendations. Her own place is taken now; the mentor's when
	 * she accepts, so a mentor may have more requests than places and the first she accepts win.
	 */
	public Match request(Caller caller, String menteeId, String mentorId) {
		Participant mentee = access.participant(caller, menteeId);
		if (!caller.is(menteeId)) {
			throw new AccessDeniedException("only the mentee herself can ask for a mentor");
		}
		Programme programme = access.find(mentee.getProgrammeId())
			.orElseThrow(() -> new ResourceNotFoundException("programme", mentee.getProgrammeId()));
		if (!mentee.isMentee() || !mentee.isActive()) {
			throw new ConflictException("not-in-pool", "Only an active mentee of the programme can ask for a mentor");
		}
		Participant mentor = member(programme, mentorId, false, "mentorId");
		Explanation explanation = explainer.explain(programme, mentee, mentor, "mentorId");
		if (places.taken(mentorId) >= mentor.capacity(programme)) {
			throw new ConflictException("mentor-full", "The mentor has no free place");
		}
		String matchId = newMatchId();
		if (!places.hold(menteeId, matchId, 1)) {
			throw new ConflictException("mentee-unavailable",
					"You already have an open proposal, request or mentorship");
		}
		Instant now = now();
		Instant respondBy = now.plus(Duration.ofDays(MatchingTerms.of(programme).responseDays()));
		return store(Match.propose(matchId, programme.id(), programme.organiserId(), Origin.SELF_MATCH, null,
				mentorId, menteeId, explanation, respondBy, now));
	}

	/** The mentor or the mentee accepts; the mentorship starts when both have. */
	public Match accept(Caller caller, String matchId) {
		Match accepted = change(caller, matchId, (as, match) -> {
			if (match.getMentorId().equals(as) && match.getStatus() == MatchStatus.PROPOSED
					&& !match.isMentorPlaceHeld()) {
				Participant mentor = participants.findById(match.getMentorId())
					.orElseThrow(() -> new ConflictException("mentor-left", "The mentor left the programme"));
				Programme programme = programme(match);
				if (!places.hold(match.getMentorId(), match.getId(), mentor.capacity(programme))) {
					throw new ConflictException("mentor-full", "The mentor has no free place left");
				}
				match.mentorPlaceTaken();
			}
			match.accept(as, now());
			return match;
		});
		if (accepted.getStatus() == MatchStatus.ACTIVE) {
			closeRequestsIfFull(accepted.getMentorId(), programme(accepted));
		}
		return accepted;
	}

	/** The mentor or the mentee declines; the mentee returns to the pool. */
	public Match decline(Caller caller, String matchId, DeclineReason reason) {
		return change(caller, matchId, (as, match) -> {
			match.decline(as, reason, now());
			return match;
		});
	}

	/** One of the programme's runners ends a running mentorship. */
	public Match end(Caller caller, String matchId, EndReason reason) {
		Match match = visibleMatch(caller, matchId);
		if (!access.runs(caller, match.getProgrammeId())) {
			throw new AccessDeniedException("only the programme's organiser can end a mentorship");
		}
		if (reason == EndReason.PARTICIPANT_ERASED || reason == EndReason.PARTICIPANT_WITHDRAWN) {
			throw new InvalidFieldsException("reason", "is set by the service when a participant leaves");
		}
		return retrying(matchId, current -> {
			current.end(reason, now());
			return current;
		});
	}

	/**
	 * A match the caller may see: the two people's, the programme's runners' and the stewards' of
	 * either of them.
	 */
	public Match visibleMatch(Caller caller, String matchId) {
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
	public MatchPage list(Caller caller, String programmeId, MatchStatus status, String participantId, int page,
			int size) {
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
	public record MatchPage(List<Match> items, long total) {
	}

	/**
	 * Expires the proposals whose deadline passed and gives their places back. Safe with several
	 * instances: the write is conditional on the version read, so only one expires each proposal.
	 * @return how many expired
	 */
	public int expireDue() {
		Instant now = now();
		int expired = 0;
		for (Match match : matches.findByStatusAndRespondByBefore(MatchStatus.PROPOSED, now,
				PageRequest.of(0, properties.housekeeping().batch()))) {
			if (!match.expire(now)) {
				continue;
			}
			try {
				matches.save(match);
				giveBackPlaces(match);
				expired++;
			}
			catch (OptimisticLockingFailureException answeredOrExpiredElsewhere) {
				log.debug("Match {} changed while expiring; left as it is", match.getId());
			}
		}
		return expired;
	}

	/**
	 * Gives back places held for longer than the grace period by matches that do not need them (a
	 * crash between taking a place and storing the match, or between closing it and giving back).
	 * @return how many places were given back
	 */
	public int releaseOrphanedPlaces() {
		int released = 0;
		Instant before = now().minus(properties.housekeeping().orphanGrace());
		for (Places.Hold hold : places.heldSince(before, properties.housekeeping().batch())) {
			Match match = matches.findById(hold.matchId()).orElse(null);
			boolean needed = match != null && (hold.participantId().equals(match.getMenteeId())
					? match.needsMenteePlace() : match.needsMentorPlace());
			if (!needed) {
				places.release(hold.participantId(), hold.matchId());
				released++;
			}
		}
		return released;
	}

	/** She withdrew or was erased: her open proposals are cancelled and her mentorships end. */
	public void participantLeft(String participantId, boolean erased) {
		EnumSet<MatchStatus> current = EnumSet.of(MatchStatus.PROPOSED, MatchStatus.ACTIVE);
		List<Match> affected = new ArrayList<>(matches.findByMentorIdAndStatusIn(participantId, current));
		affected.addAll(matches.findByMenteeIdAndStatusIn(participantId, current));
		for (Match match : affected) {
			retrying(match.getId(), latest -> {
				latest.participantLeft(participantId, erased, now());
				return latest;
			});
		}
	}

	/** Once a mentor is full, her requests that still wait for her answer cannot succeed: decline them for her. */
	private void closeRequestsIfFull(String mentorId, Programme programme) {
		Participant mentor = participants.findById(mentorId).orElse(null);
		if (mentor == null || places.taken(mentorId) < mentor.capacity(programme)) {
			return;
		}
		for (Match waiting : matches.findByMentorIdAndStatusIn(mentorId, EnumSet.of(MatchStatus.PROPOSED))) {
			if (waiting.getOrigin() != Origin.SELF_MATCH || waiting.isMentorPlaceHeld()) {
				continue;
			}
			try {
				retrying(waiting.getId(), latest -> {
					if (latest.getStatus() == MatchStatus.PROPOSED && !latest.isMentorPlaceHeld()) {
						latest.decline(mentorId, DeclineReason.NO_TIME, now());
					}
					return latest;
				});
			}
			catch (ConflictException alreadyClosed) {
				log.debug("Request {} closed meanwhile: {}", waiting.getId(), alreadyClosed.getMessage());
			}
		}
	}

	/**
	 * An answer by one of the two people, given as whichever of the caller's enrolments is the mentor
	 * or the mentee; retried on concurrent changes. Coordinators may only look.
	 */
	private Match change(Caller caller, String matchId, BiFunction<String, Match, Match> answer) {
		Match match = visibleMatch(caller, matchId);
		String as = caller.asOneOf(match.members())
			.orElseThrow(() -> new AccessDeniedException("only the mentor and the mentee can answer a proposal"));
		return retrying(matchId, latest -> answer.apply(as, latest));
	}

	/** Applies the change to the latest state, again if someone else changed it first. */
	private Match retrying(String matchId, Function<Match, Match> change) {
		for (int attempt = 1;; attempt++) {
			Match latest = matches.findById(matchId).orElseThrow(() -> new ResourceNotFoundException("match", matchId));
			try {
				Match changed = change.apply(latest);
				if (changed.recordedEvents().isEmpty()) {
					return changed; // nothing changed: a repeated answer
				}
				Match saved = matches.save(changed);
				giveBackPlaces(saved);
				return saved;
			}
			catch (OptimisticLockingFailureException concurrent) {
				if (attempt == ATTEMPTS) {
					throw concurrent;
				}
			}
			catch (RuntimeException refused) {
				// a refused change leaves the stored match as it was; a closed match holds no place
				matches.findById(matchId).ifPresent(this::giveBackPlaces);
				throw refused;
			}
		}
	}

	private Match store(Match match) {
		try {
			return matches.save(match);
		}
		catch (DuplicateKeyException published) {
			return matches.findById(match.getId()).orElseThrow();
		}
		catch (RuntimeException failed) {
			places.release(match.getMenteeId(), match.getId());
			places.release(match.getMentorId(), match.getId());
			throw failed;
		}
	}

	/** Gives back the places of a match that is closed; an open or running match keeps them. */
	private void giveBackPlaces(Match match) {
		if (!match.needsMenteePlace()) {
			places.release(match.getMenteeId(), match.getId());
		}
		if (!match.needsMentorPlace() && match.getStatus() != MatchStatus.PROPOSED) {
			places.release(match.getMentorId(), match.getId());
		}
	}

	private void takePlaces(Programme programme, Participant mentee, Participant mentor, String matchId) {
		if (!places.hold(mentee.getId(), matchId, 1)) {
			throw new ConflictException("mentee-unavailable",
					"The mentee already has an open proposal or a running mentorship");
		}
		if (!places.hold(mentor.getId(), matchId, mentor.capacity(programme))) {
			places.release(mentee.getId(), matchId);
			throw new ConflictException("mentor-full", "The mentor has no free place");
		}
	}

	private Participant member(Programme programme, String participantId, boolean mentee, String field) {
		Participant participant = participants.findById(participantId)
			.filter(p -> programme.id().equals(p.getProgrammeId()) && p.isActive())
			.orElseThrow(() -> new InvalidFieldsException(field, "is not an active participant of the programme"));
		if (mentee != participant.isMentee()) {
			throw new InvalidFieldsException(field, "is not a " + (mentee ? "mentee" : "mentor"));
		}
		return participant;
	}

	private Programme programme(Match match) {
		return access.find(match.getProgrammeId())
			.orElseThrow(() -> new ResourceNotFoundException("programme", match.getProgrammeId()));
	}

	/** Now, to the millisecond the store keeps, so that what is returned equals what is read back. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String newMatchId() {
		return "match-" + UUID.randomUUID();
	}

	/** The id a run's proposal to a mentee gets, the same every time the run is published. */
	static String runMatchId(String runId, String menteeId) {
		return "match-" + UUID.nameUUIDFromBytes((runId + "/" + menteeId).getBytes(StandardCharsets.UTF_8));
	}

}
