package com.kreativnomentorstvo.sessions.privacy;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.platform.security.Caller;

/**
 * {@code GET /api/v1/participants/{id}/personal-data/sessions}: session-service's part of a
 * participant's data export, which participant-service gathers with the others.
 */
@RestController
class PersonalDataController {

	private final PersonalData personalData;

	PersonalDataController(PersonalData personalData) {
		this.personalData = personalData;
	}

	@GetMapping("/api/v1/participants/{participantId}/personal-data/sessions")
	ResponseEntity<PersonalData.Export> export(Caller caller, @PathVariable String participantId) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(personalData.export(caller, participantId));
	}

}
