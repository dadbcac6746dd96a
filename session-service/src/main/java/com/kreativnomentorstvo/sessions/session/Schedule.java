package com.kreativnomentorstvo.sessions.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One participant's booked time: the claims her sessions hold on it. Each change is a single
 * conditional write on this one document (its revision must be the one read), so two bookings
 * racing for her time cannot both see it free.
 */
@Document("schedules")
class Schedule {

	@Id
	private String participantId;

	private long revision;

	private List<Claim> claims = new ArrayList<>();

	protected Schedule() {
	}

	Schedule(String participantId, List<Claim> claims) {
		this.participantId = participantId;
		this.claims = new ArrayList<>(claims);
	}

	/**
	 * A session's hold on a stretch of time. A session being moved briefly holds two: the old and
	 * the new stretch, until the move is stored.
	 */
	record Claim(String sessionId, Instant start, Instant end, Instant claimedAt) {

		boolean overlaps(Instant otherStart, Instant otherEnd) {
			return start.isBefore(otherEnd) && otherStart.isBefore(end);
		}

		boolean covers(Instant otherStart, Instant otherEnd) {
			return start.equals(otherStart) && end.equals(otherEnd);
		}

	}

	String getParticipantId() {
		return participantId;
	}

	long getRevision() {
		return revision;
	}

	List<Claim> getClaims() {
		return claims == null ? List.of() : List.copyOf(claims);
	}

}
