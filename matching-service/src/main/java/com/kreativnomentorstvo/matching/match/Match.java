package com.kreativnomentorstvo.matching.match;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.security.access.AccessDeniedException;

import com.kreativnomentorstvo.events.matching.Contribution;
import com.kreativnomentorstvo.events.matching.MatchAccepted;
import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.matching.scoring.CriterionPoints;
import com.kreativnomentorstvo.matching.scoring.Explanation;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * A mentor and a mentee put together: proposed, then accepted by both (a mentorship starts),
 * declined, expired, or cancelled because one of them left; a mentorship ends. Every change records
 * the event that tells the rest of the platform. The rules are here: which changes a match allows,
 * who answers it, its deadline, and which places it needs; services only load, store and hold places.
 */
@Document("matches")
public class Match extends AggregateRoot {

	/** The longest a coordinator may give people to answer a proposal. */
	static final Duration LONGEST_RESPONSE_TIME = Duration.ofDays(90);

	@Id
	private String id;

	@Indexed
	private String programmeId;

	private String organisationId;

	private String runId;

	private Origin origin;

	@Indexed
	private String mentorId;

	@Indexed
	private String menteeId;

	private int score;

	private List<CriterionPoints> contributions = new ArrayList<>();

	private List<String> constraintsMet = new ArrayList<>();

	@Indexed
	private MatchStatus status;

	private Instant proposedAt;

	private Instant respondBy;

	private Instant mentorAcceptedAt;

	private Instant menteeAcceptedAt;

	private String declinedBy;

	private DeclineReason declineReason;

	private Instant closedAt;

	private String mentorshipId;

	private Instant startedAt;

	private EndReason endReason;

	/**
	 * The day, in the programme's time zone, a coordinator extended the mentorship to past the
	 * programme's close; it ends then instead of when the programme closes.
	 */
	private LocalDate extendedUntil;

	/** Whether one of the mentor's places is held for this match (from the proposal, or her accept). */
	private boolean mentorPlaceHeld;

	protected Match() {
	}

	private Match(String id, String programmeId, String organisationId, Origin origin, String runId, String mentorId,
			String menteeId, Explanation explanation) {
		this.id = id;
		this.programmeId = programmeId;
		this.organisationId = organisationId;
		this.origin = origin;
		this.runId = runId;
		this.mentorId = mentorId;
		this.menteeId = menteeId;
		this.score = explanation.score();
		this.contributions = new ArrayList<>(explanation.contributions());
		this.constraintsMet = new ArrayList<>(explanation.constraintsMet());
	}

	/**
	 * A proposal published to both: each accepts or declines before {@code respondBy}. The mentee's
	 * place, and for a run's or coordinator's proposal the mentor's, are already held.
	 */
	static Match propose(String id, String programmeId, String organisationId, Origin origin, String runId,
			String mentorId, String menteeId, Explanation explanation, Instant respondBy, Instant now) {
		Match match = new Match(id, programmeId, organisationId, origin, runId, mentorId, menteeId, explanation);
		match.status = MatchStatus.PROPOSED;
		match.proposedAt = now;
		match.respondBy = respondBy;
		match.mentorPlaceHeld = origin != Origin.SELF_MATCH;
		match.record(new MatchProposed(id, programmeId, organisationId, runId, origin.name(), mentorId, menteeId,
				match.points(), match.published(), respondBy, now));
		if (origin == Origin.SELF_MATCH) {
			// asking for a mentor is the mentee's acceptance; the mentor answers
			match.accept(menteeId, now);
		}
		return match;
	}

	/** A pair a coordinator matched by hand and both already agreed to: the mentorship starts now. */
	static Match startDirectly(String id, String programmeId, String organisationId, String mentorId, String menteeId,
			Explanation explanation, Instant now) {
		Match match = new Match(id, programmeId, organisationId, Origin.MANUAL, null, mentorId, menteeId, explanation);
		match.proposedAt = now;
		match.respondBy = now;
		match.mentorAcceptedAt = now;
		match.menteeAcceptedAt = now;
		match.mentorPlaceHeld = true;
		match.start(now);
		return match;
	}

	/** A new match's id. */
	static String newId() {
		return Ids.next("match");
	}

	/** The id a run's proposal to a mentee gets, the same every time the run is published. */
	static String idOfRunProposal(String runId, String menteeId) {
		return Ids.derived("match", runId, menteeId);
	}

	/**
	 * The deadline for answers to a proposal made now: the programme's number of days, or the one a
	 * coordinator chose, in the future and within {@link #LONGEST_RESPONSE_TIME}.
	 * @param requested the coordinator's choice, or {@code null}
	 * @throws InvalidFieldsException naming {@code respondBy} if the chosen deadline is not allowed
	 */
	static Instant deadline(Instant requested, Instant now, int responseDays) {
		if (requested == null) {
			return now.plus(Duration.ofDays(responseDays));
		}
		if (!requested.isAfter(now)) {
			throw new InvalidFieldsException("respondBy", ProblemText.of("match.respond-by-past"));
		}
		if (requested.isAfter(now.plus(LONGEST_RESPONSE_TIME))) {
			throw new InvalidFieldsException("respondBy",
					ProblemText.of("match.respond-by-too-late", LONGEST_RESPONSE_TIME.toDays()));
		}
		return requested.truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Who answers for the caller: whichever of her enrolments is the mentor or the mentee. Nobody
	 * else answers a proposal; coordinators may only look.
	 * @throws AccessDeniedException if the caller is neither of the two
	 */
	String answerer(Caller caller) {
		return caller.asOneOf(members())
			.orElseThrow(() -> new AccessDeniedException("only the mentor and the mentee can answer a proposal"));
	}

	/**
	 * Whether this is a mentee's request still waiting for one of the mentor's places, which is taken
	 * only when she accepts.
	 */
	boolean waitsForMentorPlace() {
		return status == MatchStatus.PROPOSED && !mentorPlaceHeld;
	}

	/** Whether the participant's accept needs one of the mentor's places taken first. */
	boolean needsMentorPlaceToBeAcceptedBy(String participantId) {
		return participantId.equals(mentorId) && waitsForMentorPlace();
	}

	/** The mentor's place for this match was taken (when she accepts a mentee's request). */
	void mentorPlaceTaken() {
		this.mentorPlaceHeld = true;
	}

	/**
	 * One side accepts. When both have, the mentorship starts. Accepting again changes nothing.
	 * @throws ConflictException if the proposal is no longer open or its deadline has passed
	 */
	void accept(String participantId, Instant at) {
		boolean mentor = participantId.equals(mentorId);
		if (status == MatchStatus.ACTIVE && (mentor ? mentorAcceptedAt : menteeAcceptedAt) != null) {
			return;
		}
		requireOpen(at);
		if (mentor ? mentorAcceptedAt != null : menteeAcceptedAt != null) {
			return;
		}
		if (mentor) {
			mentorAcceptedAt = at;
		}
		else {
			menteeAcceptedAt = at;
		}
		record(new MatchAccepted(id, programmeId, organisationId, mentorId, menteeId, participantId, at));
		if (mentorAcceptedAt != null && menteeAcceptedAt != null) {
			if (!mentorPlaceHeld) {
				throw new IllegalStateException("match " + id + " would start without a place of the mentor");
			}
			start(at);
		}
	}

	/** One side declines; the mentee returns to the pool. */
	void decline(String participantId, DeclineReason reason, Instant at) {
		requireOpen(at);
		close(MatchStatus.DECLINED, at);
		declinedBy = participantId;
		declineReason = reason;
		record(new MatchDeclined(id, programmeId, organisationId, mentorId, menteeId, participantId, reason.name(), at));
	}

	/**
	 * Closes the proposal if nobody completed it before its deadline.
	 * @return whether it expired now
	 */
	boolean expire(Instant at) {
		if (status != MatchStatus.PROPOSED || respondBy.isAfter(at)) {
			return false;
		}
		close(MatchStatus.EXPIRED, at);
		record(new MatchExpired(id, programmeId, organisationId, mentorId, menteeId, at));
		return true;
	}

	/**
	 * The mentor is full: a request still waiting for her place cannot succeed any more and is
	 * declined for her ({@code NO_TIME}), so that the mentee returns to the pool. Anything else is
	 * left as it is.
	 * @throws ConflictException if the request's deadline has passed (it expires instead)
	 */
	void mentorFull(Instant at) {
		if (waitsForMentorPlace()) {
			decline(mentorId, DeclineReason.NO_TIME, at);
		}
	}

	/**
	 * A programme's runner ends the mentorship.
	 * @throws InvalidFieldsException naming {@code reason} for a reason only a departure gives
	 * @throws ConflictException if it is not a running mentorship
	 */
	void end(EndReason reason, Instant at) {
		if (reason == EndReason.PARTICIPANT_ERASED || reason == EndReason.PARTICIPANT_WITHDRAWN) {
			throw new InvalidFieldsException("reason", ProblemText.of("match.reason-left"));
		}
		finish(reason, at);
	}

	/**
	 * A programme's runner extends the running mentorship past the programme's close, to the day
	 * given; extending it again moves that day.
	 * @throws ConflictException if it is not a running mentorship
	 */
	void extendUntil(LocalDate until) {
		if (status != MatchStatus.ACTIVE) {
			throw new ConflictException("not-active", ProblemText.of("match.not-active-extension", status));
		}
		extendedUntil = until;
	}

	/**
	 * The programme closed: the mentorship is complete, unless a coordinator extended it. Anything
	 * but a running mentorship is left as it is, so a repeated close ends nothing twice.
	 * @return whether it ended now
	 */
	boolean programmeClosed(Instant at) {
		if (status != MatchStatus.ACTIVE || extendedUntil != null) {
			return false;
		}
		finish(EndReason.COMPLETED, at);
		return true;
	}

	/**
	 * The day an extended mentorship was extended to has come: it is complete.
	 * @param today the date in the programme's time zone
	 * @return whether it ended now
	 */
	boolean extensionRanOut(LocalDate today, Instant at) {
		if (status != MatchStatus.ACTIVE || extendedUntil == null || today.isBefore(extendedUntil)) {
			return false;
		}
		finish(EndReason.COMPLETED, at);
		return true;
	}

	private void finish(EndReason reason, Instant at) {
		if (status != MatchStatus.ACTIVE) {
			throw new ConflictException("not-active", ProblemText.of("match.not-active", status));
		}
		close(MatchStatus.ENDED, at);
		endReason = reason;
		record(new MentorshipEnded(mentorshipId, programmeId, organisationId, mentorId, menteeId, reason.name(), at));
	}

	/**
	 * One of the two left the programme or was erased: an open proposal is cancelled (told as a
	 * decline on her behalf), a running mentorship ends.
	 */
	void participantLeft(String participantId, boolean erased, Instant at) {
		if (status == MatchStatus.PROPOSED) {
			close(MatchStatus.CANCELLED, at);
			declinedBy = participantId;
			declineReason = DeclineReason.OTHER;
			record(new MatchDeclined(id, programmeId, organisationId, mentorId, menteeId, participantId,
					DeclineReason.OTHER.name(), at));
		}
		else if (status == MatchStatus.ACTIVE) {
			finish(erased ? EndReason.PARTICIPANT_ERASED : EndReason.PARTICIPANT_WITHDRAWN, at);
		}
	}

	/** Whether the match needs the mentee's place: open or running. */
	boolean needsMenteePlace() {
		return status == MatchStatus.PROPOSED || status == MatchStatus.ACTIVE;
	}

	/** Whether the match needs one of the mentor's places. */
	boolean needsMentorPlace() {
		return status == MatchStatus.ACTIVE || (status == MatchStatus.PROPOSED && mentorPlaceHeld);
	}

	/** Whether the match needs a place of this participant, its mentee or its mentor. */
	boolean needsPlaceOf(String participantId) {
		return participantId.equals(menteeId) ? needsMenteePlace() : needsMentorPlace();
	}

	private void start(Instant at) {
		status = MatchStatus.ACTIVE;
		startedAt = at;
		mentorshipId = Ids.next("mentorship");
		record(new MentorshipStarted(mentorshipId, id, programmeId, organisationId, mentorId, menteeId, at));
	}

	private void requireOpen(Instant at) {
		if (status != MatchStatus.PROPOSED) {
			throw new ConflictException("not-open", ProblemText.of("match.not-open", status));
		}
		if (respondBy.isBefore(at)) {
			throw new ConflictException("response-deadline-passed", ProblemText.of("match.deadline-passed", respondBy));
		}
	}

	private void close(MatchStatus closed, Instant at) {
		status = closed;
		closedAt = at;
	}

	private double points() {
		return score / 100.0;
	}

	private List<Contribution> published() {
		return contributions.stream()
			.map(c -> new Contribution(c.criterion().code(), c.points() / 100.0, c.explanation()))
			.toList();
	}

	public String getId() {
		return id;
	}

	public String getProgrammeId() {
		return programmeId;
	}

	public String getOrganisationId() {
		return organisationId;
	}

	public String getRunId() {
		return runId;
	}

	public Origin getOrigin() {
		return origin;
	}

	public String getMentorId() {
		return mentorId;
	}

	public String getMenteeId() {
		return menteeId;
	}

	/** The score in hundredths of a point. */
	public int getScore() {
		return score;
	}

	public List<CriterionPoints> getContributions() {
		return List.copyOf(contributions);
	}

	public List<String> getConstraintsMet() {
		return constraintsMet == null ? List.of() : List.copyOf(constraintsMet);
	}

	public MatchStatus getStatus() {
		return status;
	}

	public Instant getProposedAt() {
		return proposedAt;
	}

	public Instant getRespondBy() {
		return respondBy;
	}

	public Instant getMentorAcceptedAt() {
		return mentorAcceptedAt;
	}

	public Instant getMenteeAcceptedAt() {
		return menteeAcceptedAt;
	}

	public String getDeclinedBy() {
		return declinedBy;
	}

	public DeclineReason getDeclineReason() {
		return declineReason;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public String getMentorshipId() {
		return mentorshipId;
	}

	public Instant getStartedAt() {
		return startedAt;
	}

	public EndReason getEndReason() {
		return endReason;
	}

	public LocalDate getExtendedUntil() {
		return extendedUntil;
	}

	public boolean isMentorPlaceHeld() {
		return mentorPlaceHeld;
	}

	/** The mentor and the mentee, in this order. */
	public List<String> members() {
		return List.of(mentorId, menteeId);
	}

	/** Whether the participant is the mentor or the mentee of this match. */
	public boolean involves(String participantId) {
		return participantId != null && (participantId.equals(mentorId) || participantId.equals(menteeId));
	}

}
