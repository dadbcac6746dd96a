package com.kreativnomentorstvo.participants.onboarding;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.platform.security.Caller;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/v1/programmes/{programmeId}/invitations}: a programme's coordinators invite people
 * directly, as a JSON list or as a CSV file (columns name, email, role, organisation, language). A
 * good list is accepted at once (202) and worked through in the background; its resource tells how
 * far it is. A list with bad rows is refused whole (422).
 */
@RestController
@RequestMapping("/api/v1/programmes/{programmeId}/invitations")
@Validated
class InvitationController {

	private final Invitations invitations;

	InvitationController(Invitations invitations) {
		this.invitations = invitations;
	}

	/** One person to invite; every field is checked with the rest of the list. */
	record Invitee(@Size(max = 200) String name, @Size(max = 300) String email, @Size(max = 20) String role,
			@Size(max = 64) String organisation, @Size(max = 20) String language) {
	}

	@PostMapping(consumes = "application/json")
	ResponseEntity<InvitationBatchView> inviteList(@PathVariable String programmeId,
			@RequestBody @NotNull @Size(min = 1, max = InvitationList.MAX_ROWS) List<@NotNull Invitee> invitees,
			Caller caller) {
		List<InvitationRow> rows = new ArrayList<>();
		for (int i = 0; i < invitees.size(); i++) {
			Invitee invitee = invitees.get(i);
			rows.add(new InvitationRow(i + 1, invitee.name(), invitee.email(), invitee.role(), invitee.organisation(),
					invitee.language()));
		}
		return queued(invitations.queue(programmeId, () -> rows, caller));
	}

	@PostMapping(consumes = "text/csv")
	ResponseEntity<InvitationBatchView> inviteCsv(@PathVariable String programmeId, @RequestBody String csv,
			Caller caller) {
		return queued(invitations.queue(programmeId, () -> InvitationList.parse(csv), caller));
	}

	/** How far a list is: who was invited, who had been before, how many wait. */
	@GetMapping("/{batchId}")
	InvitationBatchView batch(@PathVariable String programmeId, @PathVariable String batchId, Caller caller) {
		return InvitationBatchView.of(invitations.find(programmeId, batchId, caller));
	}

	/** 202: the list is good and queued; its people are invited in the background. */
	private static ResponseEntity<InvitationBatchView> queued(InvitationBatch batch) {
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/programmes/" + batch.getProgrammeId() + "/invitations/" + batch.getId()))
			.body(InvitationBatchView.of(batch));
	}

}
