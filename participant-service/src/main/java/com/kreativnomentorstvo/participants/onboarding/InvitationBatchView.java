package com.kreativnomentorstvo.participants.onboarding;

import java.time.Instant;
import java.util.List;

/**
 * An invitation list as its coordinators follow it: how far it is, who was invited now and who had
 * been before (by row number and participant id).
 *
 * @param waiting rows not worked on yet
 * @param problem why the list waits, if it does (the identity provider did not answer)
 */
record InvitationBatchView(String id, String programmeId, String status, int rows, int waiting,
		List<Invited> invited, List<Invited> alreadyInvited, String problem, Instant createdAt, Instant finishedAt) {

	/** A row that is done. */
	record Invited(int row, String participantId) {
	}

	static InvitationBatchView of(InvitationBatch batch) {
		List<InvitationBatch.Row> rows = batch.getRows();
		return new InvitationBatchView(batch.getId(), batch.getProgrammeId(), batch.getStatus().name(), rows.size(),
				(int) rows.stream().filter(row -> row.outcome() == null).count(),
				done(rows, InvitationBatch.Outcome.INVITED), done(rows, InvitationBatch.Outcome.ALREADY_INVITED),
				batch.getLastProblem(), batch.getCreatedAt(), batch.getFinishedAt());
	}

	private static List<Invited> done(List<InvitationBatch.Row> rows, InvitationBatch.Outcome outcome) {
		return rows.stream()
			.filter(row -> row.outcome() == outcome)
			.map(row -> new Invited(row.row(), row.participantId()))
			.toList();
	}

}
