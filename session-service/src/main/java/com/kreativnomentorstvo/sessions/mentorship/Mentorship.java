package com.kreativnomentorstvo.sessions.mentorship;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.LimitReached;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.projection.PairResource;

/**
 * A pair of mentor and mentee working together, from {@code mentorship.started} to
 * {@code mentorship.ended} (both decided by matching-service), with the goals they agreed on.
 */
@Document("mentorships")
public class Mentorship extends AggregateRoot implements PairResource {

	/** Whether the pair is still working together. */
	public enum Status {

		ACTIVE, ENDED

	}

	@Id
	private String id;

	private String matchId;

	@Indexed
	private String programmeId;

	private String organisationId;

	@Indexed
	private String mentorId;

	@Indexed
	private String menteeId;

	private Status status;

	private Instant startedAt;

	private Instant endedAt;

	private String endReason;

	private List<Goal> goals = new ArrayList<>();

	protected Mentorship() {
	}

	static Mentorship start(MentorshipStarted started) {
		Mentorship mentorship = new Mentorship();
		mentorship.id = started.mentorshipId();
		mentorship.matchId = started.matchId();
		mentorship.programmeId = started.programmeId();
		mentorship.organisationId = started.organisationId();
		mentorship.mentorId = started.mentorId();
		mentorship.menteeId = started.menteeId();
		mentorship.startedAt = started.startedAt();
		mentorship.status = Status.ACTIVE;
		return mentorship;
	}

	/** A mentorship whose start this service never saw (its event was parked), known from its end. */
	static Mentorship knownFromItsEnd(MentorshipEnded ended) {
		Mentorship mentorship = new Mentorship();
		mentorship.id = ended.mentorshipId();
		mentorship.programmeId = ended.programmeId();
		mentorship.organisationId = ended.organisationId();
		mentorship.mentorId = ended.mentorId();
		mentorship.menteeId = ended.menteeId();
		mentorship.startedAt = ended.endedAt();
		mentorship.status = Status.ACTIVE;
		return mentorship;
	}

	/**
	 * Ends the mentorship.
	 * @return whether it was still active
	 */
	boolean end(String reason, Instant at) {
		if (status == Status.ENDED) {
			return false;
		}
		status = Status.ENDED;
		endReason = reason;
		endedAt = at;
		return true;
	}

	/** Refuses work on a pair that no longer works together (409). */
	public void requireActive() {
		if (status != Status.ACTIVE) {
			throw new ConflictException("mentorship-ended", ProblemText.of("mentorship.ended", id, endReason));
		}
	}

	/** The part the participant plays in this pair, if she is in it. */
	public Optional<Role> roleOf(String participantId) {
		if (participantId == null) {
			return Optional.empty();
		}
		if (participantId.equals(mentorId)) {
			return Optional.of(Role.MENTOR);
		}
		return participantId.equals(menteeId) ? Optional.of(Role.MENTEE) : Optional.empty();
	}

	/** The other member of the pair. */
	public String partnerOf(String participantId) {
		return participantId.equals(mentorId) ? menteeId : mentorId;
	}

	/** Adds a goal; refused (409 {@code limit-reached}) once the pair has {@code maxGoals}, dropped ones included. */
	Goal addGoal(String authorId, String title, String description, Instant at, int maxGoals) {
		requireActive();
		if (goals.size() >= maxGoals) {
			throw new LimitReached("goals", maxGoals, ProblemText.of("mentorship.goals-full", maxGoals));
		}
		Goal goal = new Goal(Ids.next("goal"), title, description, authorId, at);
		goals.add(goal);
		return goal;
	}

	Goal reviseGoal(String goalId, String title, String description, Goal.Status status) {
		requireActive();
		Goal goal = goal(goalId);
		goal.revise(title, description, status);
		return goal;
	}

	/** Checks in on a goal; refused (409 {@code limit-reached}) once the pair's goals have {@code maxCheckIns} in all. */
	CheckIn checkIn(String goalId, String authorId, int progress, String note, Instant at, int maxCheckIns) {
		requireActive();
		Goal goal = goal(goalId);
		if (checkInCount() >= maxCheckIns) {
			throw new LimitReached("checkIns", maxCheckIns, ProblemText.of("mentorship.check-ins-full", maxCheckIns));
		}
		return goal.checkIn(Ids.next("chk"), authorId, progress, note, at);
	}

	private int checkInCount() {
		return goals.stream().mapToInt(Goal::checkInCount).sum();
	}

	/** Removes what the participant wrote in the pair's goals. */
	int scrubAuthoredBy(String participantId) {
		return goals.stream().mapToInt(goal -> goal.scrubAuthoredBy(participantId)).sum();
	}

	private Goal goal(String goalId) {
		return goals.stream()
			.filter(g -> g.getId().equals(goalId))
			.findFirst()
			.orElseThrow(() -> new ResourceNotFoundException("goal", goalId));
	}

	public String getId() {
		return id;
	}

	public String getMatchId() {
		return matchId;
	}

	public String getProgrammeId() {
		return programmeId;
	}

	public String getOrganisationId() {
		return organisationId;
	}

	public String getMentorId() {
		return mentorId;
	}

	public String getMenteeId() {
		return menteeId;
	}

	public Status getStatus() {
		return status;
	}

	public boolean isActive() {
		return status == Status.ACTIVE;
	}

	public Instant getStartedAt() {
		return startedAt;
	}

	public Instant getEndedAt() {
		return endedAt;
	}

	public String getEndReason() {
		return endReason;
	}

	public List<Goal> getGoals() {
		return List.copyOf(goals);
	}

}
