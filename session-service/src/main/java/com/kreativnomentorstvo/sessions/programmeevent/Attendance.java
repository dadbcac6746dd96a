package com.kreativnomentorstvo.sessions.programmeevent;

import java.time.Instant;

/** Whether a participant was there, as the coordinator recorded it. */
public record Attendance(String participantId, Status status, Instant recordedAt) {

	/** Present, absent, or absent with a reason given in advance. */
	public enum Status {

		PRESENT, ABSENT, EXCUSED

	}

}
