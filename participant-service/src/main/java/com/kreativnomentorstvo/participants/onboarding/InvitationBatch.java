package com.kreativnomentorstvo.participants.onboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An invitation list a coordinator sent: checked whole when it arrives, then worked through row by
 * row in the background (each person's account is made or found at the identity provider, which
 * takes its time for hundreds of people). Each row's outcome is kept; once the list is done the
 * names and addresses are dropped from it (the invited people's records hold them).
 */
@Document("invitationBatches")
class InvitationBatch {

	/** Where a list stands. */
	enum Status {

		/** Accepted; people are being invited. */
		QUEUED,

		/** Everyone on it has been invited, or had been before. */
		DONE

	}

	/** What became of one row. */
	enum Outcome {

		INVITED, ALREADY_INVITED

	}

	/** One row: the person (until the list is done) and, once worked, its outcome. */
	record Row(int row, String name, String email, String role, String organisation, String language,
			Outcome outcome, String participantId) {

		Row worked(Outcome result, String participant) {
			return new Row(row, name, email, role, organisation, language, result, participant);
		}

		Row scrubbed() {
			return new Row(row, null, null, role, organisation, null, outcome, participantId);
		}

		InvitationRow toInvitation() {
			return new InvitationRow(row, name, email, role, organisation, language);
		}

	}

	@Id
	private String id;

	@Indexed
	private String programmeId;

	private String createdBy;

	private Instant createdAt;

	@Indexed
	private Status status;

	private List<Row> rows = new ArrayList<>();

	private Instant finishedAt;

	/** Until when one instance works on the list; another takes over after (e.g. after a crash). */
	private Instant leaseUntil;

	private String lastProblem;

	protected InvitationBatch() {
	}

	static InvitationBatch of(String id, String programmeId, List<InvitationRow> invitations, String by, Instant at) {
		InvitationBatch batch = new InvitationBatch();
		batch.id = id;
		batch.programmeId = programmeId;
		batch.createdBy = by;
		batch.createdAt = at;
		batch.status = Status.QUEUED;
		batch.leaseUntil = Instant.EPOCH;
		invitations.forEach(invitation -> batch.rows.add(new Row(invitation.row(), invitation.name().strip(),
				invitation.email().strip(), invitation.role(), invitation.organisation(), invitation.language(), null,
				null)));
		return batch;
	}

	String getId() {
		return id;
	}

	String getProgrammeId() {
		return programmeId;
	}

	String getCreatedBy() {
		return createdBy;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Status getStatus() {
		return status;
	}

	List<Row> getRows() {
		return List.copyOf(rows);
	}

	Instant getFinishedAt() {
		return finishedAt;
	}

	String getLastProblem() {
		return lastProblem;
	}

}
