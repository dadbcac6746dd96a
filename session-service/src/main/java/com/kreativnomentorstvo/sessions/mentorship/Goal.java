package com.kreativnomentorstvo.sessions.mentorship;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/** A goal the pair agreed on, and the check-ins that follow its progress. */
public class Goal {

	/** Where a goal stands. */
	public enum Status {

		OPEN, ACHIEVED, DROPPED

	}

	/** Text of a goal whose author asked for her data to be erased. */
	static final String ERASED_TEXT = "(removed at its author's request)";

	private String id;

	private String title;

	private String description;

	private String createdBy;

	private Instant createdAt;

	private Status status = Status.OPEN;

	private int progress;

	private List<CheckIn> checkIns = new ArrayList<>();

	protected Goal() {
	}

	Goal(String id, String title, String description, String createdBy, Instant createdAt) {
		this.id = id;
		this.title = title;
		this.description = description;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	void revise(String newTitle, String newDescription, Status newStatus) {
		if (newTitle != null) {
			title = newTitle;
		}
		if (newDescription != null) {
			description = newDescription;
		}
		if (newStatus != null) {
			status = newStatus;
			if (newStatus == Status.ACHIEVED) {
				progress = 100;
			}
		}
	}

	CheckIn checkIn(String checkInId, String authorId, int newProgress, String note, Instant at) {
		if (status == Status.DROPPED) {
			throw new InvalidFieldsException("goalId", ProblemText.of("goal.dropped"));
		}
		CheckIn checkIn = new CheckIn(checkInId, authorId, at, newProgress, note);
		checkIns.add(checkIn);
		progress = newProgress;
		if (newProgress == 100) {
			status = Status.ACHIEVED;
		}
		else if (status == Status.ACHIEVED) {
			status = Status.OPEN;
		}
		return checkIn;
	}

	/** Removes the free text the participant wrote; the progress figures stay. */
	int scrubAuthoredBy(String participantId) {
		int scrubbed = 0;
		if (participantId.equals(createdBy)) {
			title = ERASED_TEXT;
			description = null;
			scrubbed++;
		}
		for (int i = 0; i < checkIns.size(); i++) {
			CheckIn checkIn = checkIns.get(i);
			if (participantId.equals(checkIn.authorId()) && checkIn.note() != null) {
				checkIns.set(i, checkIn.withoutNote());
				scrubbed++;
			}
		}
		return scrubbed;
	}

	/**
	 * The goal as those outside the pair who follow it see it: its title, status and progress, with
	 * no description or check-in notes.
	 */
	Goal withoutNotes() {
		Goal copy = new Goal(id, title, null, createdBy, createdAt);
		copy.status = status;
		copy.progress = progress;
		checkIns.forEach(checkIn -> copy.checkIns.add(checkIn.withoutNote()));
		return copy;
	}

	public String getId() {
		return id;
	}

	public String getTitle() {
		return title;
	}

	public String getDescription() {
		return description;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Status getStatus() {
		return status;
	}

	public int getProgress() {
		return progress;
	}

	int checkInCount() {
		return checkIns.size();
	}

	public List<CheckIn> getCheckIns() {
		return List.copyOf(checkIns);
	}

}
