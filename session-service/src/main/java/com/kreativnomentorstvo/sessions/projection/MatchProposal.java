package com.kreativnomentorstvo.sessions.projection;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A match proposed to a pair, followed until both sides answer: the progress report lists those
 * left unanswered.
 */
@Document("match_proposals")
public class MatchProposal {

	/** Where the proposal stands. */
	public enum State {

		OPEN, STARTED, DECLINED, EXPIRED

	}

	/** A match has two sides, each accepting once. */
	static final int SIDES = 2;

	@Id
	private String id;

	private String programmeId;

	private String mentorId;

	private String menteeId;

	private Instant proposedAt;

	private Instant respondBy;

	private Set<String> acceptedBy = new LinkedHashSet<>();

	private State state = State.OPEN;

	protected MatchProposal() {
	}

	static MatchProposal withId(String id) {
		MatchProposal proposal = new MatchProposal();
		proposal.id = id;
		return proposal;
	}

	void proposed(String programme, String mentor, String mentee, Instant at, Instant deadline) {
		programmeId = programme;
		mentorId = mentor;
		menteeId = mentee;
		proposedAt = at;
		respondBy = deadline;
	}

	void pair(String programme, String mentor, String mentee) {
		programmeId = programmeId == null ? programme : programmeId;
		mentorId = mentorId == null ? mentor : mentorId;
		menteeId = menteeId == null ? mentee : menteeId;
	}

	/**
	 * One side said yes. Only the pair's two members count, so the set never holds more than two:
	 * an answer naming anyone else (or a third name, while the pair is unknown) is ignored rather
	 * than refused, since an event that is refused would only be dead-lettered.
	 * @return whether the answer was taken (also when it was known already)
	 */
	boolean accepted(String by) {
		if (by == null) {
			return false;
		}
		boolean pairKnown = mentorId != null && menteeId != null;
		if (pairKnown ? !by.equals(mentorId) && !by.equals(menteeId)
				: acceptedBy.size() >= SIDES && !acceptedBy.contains(by)) {
			return false;
		}
		acceptedBy.add(by);
		return true;
	}

	void close(State closed) {
		// a started mentorship is final; a late "expired" must not reopen or relabel it
		if (state != State.STARTED) {
			state = closed;
		}
	}

	public String getId() {
		return id;
	}

	public String getProgrammeId() {
		return programmeId;
	}

	public String getMentorId() {
		return mentorId;
	}

	public String getMenteeId() {
		return menteeId;
	}

	public Instant getProposedAt() {
		return proposedAt;
	}

	public Instant getRespondBy() {
		return respondBy;
	}

	public Set<String> getAcceptedBy() {
		return Set.copyOf(acceptedBy);
	}

	public State getState() {
		return state;
	}

}
