package com.kreativnomentorstvo.sessions.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.retry.Conflicts;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.LimitReached;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.sessions.config.SessionProperties;

/**
 * Overlap detection that holds under concurrent requests without multi-document transactions.
 *
 * <p>Before a session is stored (or moved), it claims its time in the {@link Schedule} of each
 * member of the pair, one participant after the other. A claim is a compare-and-set on that one
 * document: read it, check for overlaps, write it back only if its revision is still the one
 * read; a lost race re-reads and checks again (the platform's {@link Conflicts}). On MongoDB a
 * single-document conditional update is atomic on the primary, on a replica set as on the
 * embedded store, so two requests for
 * overlapping time of one participant are serialised there and exactly one wins. If the second
 * member's time is taken, the first member's claim is withdrawn and the request fails with 409.
 *
 * <p>Claims are never trusted blindly: a claim counts only while its session exists, occupies
 * time and still has that time, or, for a session not stored yet, during a short grace period
 * (the request that claimed it is still in flight). Claims left behind by a crash, a cancelled
 * session or a finished move therefore stop blocking on their own and are swept out with the
 * next write.
 *
 * <p>A schedule holds at most {@code mentoring.sessions.limits.sessions-per-participant} sessions
 * (claims end {@code scheduling.backdate-limit} plus a day after their session, so only those to
 * come and the latest past ones are there); one more is refused with 409 {@code limit-reached} as
 * part of the same conditional write.
 */
@Component
class TimeClaims {

	private static final Logger log = LoggerFactory.getLogger(TimeClaims.class);

	private final MongoOperations mongo;

	private final Sessions sessions;

	private final Clock clock;

	private final SessionProperties.Scheduling settings;

	private final int maxSessions;

	TimeClaims(MongoOperations mongo, Sessions sessions, Clock clock, SessionProperties properties) {
		this.mongo = mongo;
		this.sessions = sessions;
		this.clock = clock;
		this.settings = properties.scheduling();
		this.maxSessions = properties.limits().sessionsPerParticipant();
	}

	/** A member of the pair, named as the conflict message will name her. */
	private record Party(String participantId, String whose) {
	}

	/**
	 * Claims the slot for the session in the schedules of both members of the pair, or in neither.
	 * @throws SessionOverlapException naming the first conflicting session found
	 */
	void claim(String sessionId, Slot slot, String mentorId, String menteeId) {
		// always in the same order, so concurrent bookings of one pair meet at the same document first
		List<Party> parties = List.of(new Party(mentorId, "mentor"), new Party(menteeId, "mentee"));
		List<Party> claimed = new ArrayList<>();
		try {
			for (Party party : parties) {
				claimOne(party, sessionId, slot);
				claimed.add(party);
			}
		}
		catch (RuntimeException failed) {
			claimed.forEach(party -> withdrawSilently(sessionId, slot, party.participantId()));
			throw failed;
		}
	}

	/**
	 * Lets go of every time the session holds (it was cancelled, or never stored). A failure is only
	 * logged: a claim that no longer matches its session stops counting on its own.
	 */
	void releaseQuietly(Session session) {
		releaseQuietly(session, null);
	}

	/** Lets go of every time the session holds but {@code keep} (it was moved there); failures as above. */
	void releaseQuietly(Session session, Slot keep) {
		try {
			for (String participantId : session.members()) {
				update(participantId, claims -> {
					claims.removeIf(c -> c.sessionId().equals(session.getId())
							&& (keep == null || !c.covers(keep.start(), keep.end())));
					return Optional.empty();
				});
			}
		}
		catch (RuntimeException ex) {
			log.debug("Could not release claims of session {}: {}", session.getId(), ex.getMessage());
		}
	}

	/** Withdraws the session's claim on exactly this slot (a move that failed); failures as above. */
	void withdrawQuietly(Session session, Slot slot) {
		try {
			for (String participantId : session.members()) {
				withdraw(session.getId(), slot, participantId);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Could not withdraw a claim of session {}: {}", session.getId(), ex.getMessage());
		}
	}

	private void withdraw(String sessionId, Slot slot, String participantId) {
		update(participantId, claims -> {
			claims.removeIf(c -> c.sessionId().equals(sessionId) && c.covers(slot.start(), slot.end()));
			return Optional.empty();
		});
	}

	private void withdrawSilently(String sessionId, Slot slot, String participantId) {
		try {
			withdraw(sessionId, slot, participantId);
		}
		catch (RuntimeException ignored) {
			// the claim belongs to no stored session; it stops counting after the grace period
		}
	}

	private void claimOne(Party party, String sessionId, Slot slot) {
		Instant now = clock.instant();
		update(party.participantId(), claims -> {
			for (Schedule.Claim other : List.copyOf(claims)) {
				if (other.sessionId().equals(sessionId) || !other.overlaps(slot.start(), slot.end())) {
					continue;
				}
				if (stillCounts(other, now)) {
					return Optional.of(new SessionOverlapException(party.participantId(), other.sessionId(),
							other.start(), other.end(), party.whose()));
				}
				claims.remove(other);
			}
			// a session that holds her time already (it is being moved) adds no session to her schedule
			if (claims.stream().noneMatch(c -> c.sessionId().equals(sessionId))) {
				Optional<RuntimeException> full = requireRoom(party, claims, now);
				if (full.isPresent()) {
					return full;
				}
			}
			if (claims.stream().noneMatch(c -> c.sessionId().equals(sessionId) && c.covers(slot.start(), slot.end()))) {
				claims.add(new Schedule.Claim(sessionId, slot.start(), slot.end(), now));
			}
			return Optional.empty();
		});
	}

	/**
	 * Refuses one more session once her schedule holds
	 * {@code mentoring.sessions.limits.sessions-per-participant}. The check is part of the same
	 * conditional write as the claim, so concurrent bookings cannot pass it together. Claims left
	 * behind count only until they are looked at: at the limit they are.
	 */
	private Optional<RuntimeException> requireRoom(Party party, List<Schedule.Claim> claims, Instant now) {
		if (sessionsIn(claims) < maxSessions) {
			return Optional.empty();
		}
		Map<String, Session> stored = new HashMap<>();
		sessions.findAllById(claims.stream().map(Schedule.Claim::sessionId).distinct().toList())
			.forEach(session -> stored.put(session.getId(), session));
		claims.removeIf(claim -> !stillCounts(claim, stored.get(claim.sessionId()), now));
		if (sessionsIn(claims) < maxSessions) {
			return Optional.empty();
		}
		return Optional.of(new LimitReached("sessions", maxSessions,
				ProblemText.of("session.full." + party.whose(), maxSessions, settings.backdateLimit().toDays())));
	}

	private static long sessionsIn(List<Schedule.Claim> claims) {
		return claims.stream().map(Schedule.Claim::sessionId).distinct().count();
	}

	/** Whether a claim on overlapping time is real, rather than left behind. */
	private boolean stillCounts(Schedule.Claim claim, Instant now) {
		return stillCounts(claim, sessions.findById(claim.sessionId()).orElse(null), now);
	}

	private boolean stillCounts(Schedule.Claim claim, Session session, Instant now) {
		if (session == null) {
			return claim.claimedAt().plus(settings.claimGrace()).isAfter(now);
		}
		if (!session.getStatus().occupiesTime()) {
			return false;
		}
		return claim.covers(session.getStart(), session.getEnd())
				|| claim.claimedAt().plus(settings.claimGrace()).isAfter(now);
	}

	/** What a change of the claims decides: nothing (write them), or a failure to throw instead. */
	@FunctionalInterface
	private interface Change {

		Optional<RuntimeException> apply(List<Schedule.Claim> claims);

	}

	/**
	 * Reads the schedule, applies the change and writes it back if nobody wrote in between; on a lost
	 * race (the revision moved, or the schedule was created meanwhile) again on a fresh read.
	 */
	private void update(String participantId, Change change) {
		try {
			Conflicts.retry(() -> compareAndSet(participantId, change), DuplicateKeyException.class);
		}
		catch (OptimisticLockingFailureException | DuplicateKeyException stillChanging) {
			throw new ConflictException("concurrent-update", ProblemText.of("session.calendar-changing"));
		}
	}

	private Schedule compareAndSet(String participantId, Change change) {
		Schedule schedule = mongo.findById(participantId, Schedule.class);
		List<Schedule.Claim> claims = new ArrayList<>(schedule == null ? List.of() : schedule.getClaims());
		dropLongPast(claims);
		Optional<RuntimeException> failure = change.apply(claims);
		if (failure.isPresent()) {
			throw failure.get();
		}
		if (schedule == null) {
			// a DuplicateKeyException: another request created her schedule first
			return mongo.insert(new Schedule(participantId, claims));
		}
		Query unchanged = Query.query(Criteria.where("_id").is(participantId).and("revision").is(schedule.getRevision()));
		if (mongo.updateFirst(unchanged, new Update().set("claims", claims).inc("revision", 1), Schedule.class)
			.getMatchedCount() != 1) {
			throw new OptimisticLockingFailureException("The schedule of " + participantId + " changed meanwhile");
		}
		return schedule;
	}

	/** Sessions can be logged only so far back, so older claims can no longer clash with anything. */
	private void dropLongPast(List<Schedule.Claim> claims) {
		Instant horizon = clock.instant().minus(settings.backdateLimit()).minus(Duration.ofDays(1));
		claims.removeIf(c -> c.end().isBefore(horizon));
	}

}
