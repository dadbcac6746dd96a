package com.kreativnomentorstvo.matching.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.matching.match.Publication;
import com.kreativnomentorstvo.matching.scoring.CrossBorder;
import com.kreativnomentorstvo.matching.scoring.Explanation;
import com.kreativnomentorstvo.matching.scoring.Profile;
import com.kreativnomentorstvo.matching.solver.Objective;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * One matching run of a programme: the inputs it saw (the pool's profiles and free places), the
 * settings it ran with, and its optimal proposals and unmatched mentees. Kept whole so that it can be
 * replayed with other settings ("what if") and compared; published once, as proposals.
 */
@Document("matching_runs")
public class MatchingRun {

	@Id
	private String id;

	@Indexed
	private String programmeId;

	private Instant createdAt;

	private String createdBy;

	private String basedOn;

	private Settings settings;

	private Inputs inputs;

	private Results results;

	private RunStatus status;

	private Published publication;

	@Version
	private Long version;

	protected MatchingRun() {
	}

	MatchingRun(String id, String programmeId, Instant createdAt, String createdBy, String basedOn, Settings settings,
			Inputs inputs, Results results) {
		this.id = id;
		this.programmeId = programmeId;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.basedOn = basedOn;
		this.settings = settings;
		this.inputs = inputs;
		this.results = results;
		this.status = RunStatus.DRAFT;
	}

	/** Marks the run as published; a run is published once. */
	void publish(Instant at, Instant respondBy) {
		if (status != RunStatus.DRAFT) {
			throw new ConflictException("already-published", ProblemText.of("run.already-published", publication.publishedAt()));
		}
		status = RunStatus.PUBLISHED;
		publication = new Published(at, respondBy, List.of());
	}

	/** What became of each pair. */
	void published(List<Publication> outcomes) {
		publication = new Published(publication.publishedAt(), publication.respondBy(), outcomes);
	}

	/** Drops an erased participant's profile from the inputs; her pairs in the results stay as ids. */
	void forget(String participantId) {
		if (inputs != null) {
			inputs = inputs.without(participantId);
		}
	}

	public String getId() {
		return id;
	}

	public String getProgrammeId() {
		return programmeId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public String getBasedOn() {
		return basedOn;
	}

	public Settings getSettings() {
		return settings;
	}

	public Inputs getInputs() {
		return inputs;
	}

	public Results getResults() {
		return results;
	}

	public RunStatus getStatus() {
		return status;
	}

	public Published getPublication() {
		return publication;
	}

	/** Whether the run is a draft or was published as proposals. */
	public enum RunStatus {

		DRAFT, PUBLISHED

	}

	/** A mentor and a mentee, as a coordinator names them to lock or exclude. */
	public record Pair(String mentorId, String menteeId) {
	}

	/**
	 * What a run ran with.
	 *
	 * @param weights criterion weights by code
	 * @param scoredAt the moment whose time-zone offsets the scores use (kept by replays)
	 * @param liftedDeclines pairs declined before that a coordinator lets the run propose again
	 */
	public record Settings(Map<String, Integer> weights, CrossBorder crossBorder, boolean sameOrganisationAllowed,
			boolean fairnessFirst, List<Pair> lockedPairs, List<Pair> excludedPairs, Instant scoredAt,
			String timeZone, List<Pair> liftedDeclines) {

		public Settings {
			liftedDeclines = liftedDeclines == null ? List.of() : List.copyOf(liftedDeclines);
		}

		public Objective objective() {
			return fairnessFirst ? Objective.FAIRNESS_FIRST : Objective.MOST_MATCHED_THEN_TOTAL;
		}

	}

	/** A mentor as the run saw her: profile, capacity and the places still free then. */
	public record MentorInput(Profile profile, int capacity, int freePlaces) {
	}

	/** A pair of the pool proposed to each other before, and who of them declined when. */
	public record Declined(String mentorId, String menteeId, String declinedBy, Instant declinedAt) {

		Pair pair() {
			return new Pair(mentorId, menteeId);
		}

		boolean involves(String participantId) {
			return mentorId.equals(participantId) || menteeId.equals(participantId);
		}

	}

	/**
	 * The pool the run saw: mentees without a proposal or mentorship, every active mentor, and the
	 * pairs among them that one side declined before (runs before this list have none).
	 */
	public record Inputs(List<Profile> mentees, List<MentorInput> mentors, List<String> erased, List<Declined> declined) {

		public Inputs {
			declined = declined == null ? List.of() : List.copyOf(declined);
		}

		Inputs without(String participantId) {
			List<String> forgotten = new java.util.ArrayList<>(erased == null ? List.of() : erased);
			boolean found = mentees.stream().anyMatch(p -> p.participantId().equals(participantId))
					|| mentors.stream().anyMatch(m -> m.profile().participantId().equals(participantId));
			if (!found) {
				return this;
			}
			forgotten.add(participantId);
			return new Inputs(mentees.stream().filter(p -> !p.participantId().equals(participantId)).toList(),
					mentors.stream().filter(m -> !m.profile().participantId().equals(participantId)).toList(),
					forgotten, declined.stream().filter(d -> !d.involves(participantId)).toList());
		}

	}

	/** One proposed pair with its explanation; {@code locked} if a coordinator forced it. */
	public record ProposedPair(String menteeId, String mentorId, boolean locked, Explanation explanation) {
	}

	/**
	 * A mentee left without a mentor, and why.
	 *
	 * @param reason a code: {@code no-eligible-mentor}, {@code excluded-pair}, {@code mentors-full}
	 *     or {@code capacity-exhausted}
	 * @param blockedBy how many mentors each hard constraint ruled out
	 * @param eligibleMentors how many mentors she could have been paired with
	 */
	public record UnmatchedMentee(String menteeId, String reason, String explanation, Map<String, Integer> blockedBy,
			int eligibleMentors) {
	}

	/**
	 * The run's figures. Scores in hundredths.
	 *
	 * @param worstChosenScore the lowest score among pairs the solver chose (not locked), -1 if none
	 */
	public record Summary(int mentees, int mentors, int places, int matched, long totalScore, int worstChosenScore,
			Objective objective, long scoringMillis, long solvingMillis) {
	}

	/**
	 * @param declinedPairs each pair of the pool declined before: held back, or proposable again
	 *     because a coordinator lifted it (runs before this list have none)
	 */
	public record Results(List<ProposedPair> proposals, List<UnmatchedMentee> unmatched, Summary summary,
			List<DeclinedPair> declinedPairs) {

		public Results {
			declinedPairs = declinedPairs == null ? List.of() : List.copyOf(declinedPairs);
		}

	}

	/** A pair declined before, as the run treated it, in words. */
	public record DeclinedPair(String mentorId, String menteeId, String declinedBy, Instant declinedAt, boolean lifted,
			String explanation) {
	}

	/** When the run was published and what became of each pair. */
	public record Published(Instant publishedAt, Instant respondBy, List<Publication> outcomes) {
	}

}
