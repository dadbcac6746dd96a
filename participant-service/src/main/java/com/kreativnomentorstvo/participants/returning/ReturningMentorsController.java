package com.kreativnomentorstvo.participants.returning;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.platform.security.Caller;

@RestController
@RequestMapping("/api/v1/programmes")
class ReturningMentorsController {

	private final ReturningMentors returning;

	ReturningMentorsController(ReturningMentors returning) {
		this.returning = returning;
	}

	/**
	 * Invites the mentors of the cycle the programme was copied from to return, each once, with a
	 * one-click link by e-mail; asking again invites only those not invited yet. The organiser's
	 * coordinators and administrators; partners' coordinators: 403; everyone else: 404; a programme
	 * that follows no earlier cycle: 422 naming {@code programmeId}.
	 */
	@PostMapping("/{id}/returning-mentors")
	ResponseEntity<ReturnTally> invite(@PathVariable String id, Caller caller) {
		return ResponseEntity.ok(returning.invite(id, caller));
	}

}
