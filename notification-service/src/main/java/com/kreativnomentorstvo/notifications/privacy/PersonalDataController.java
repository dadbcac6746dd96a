package com.kreativnomentorstvo.notifications.privacy;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.platform.security.Caller;

/**
 * {@code GET /api/v1/participants/{id}/personal-data/notifications}: what this service holds about
 * a participant ({@link PersonalData}), for the GDPR export that participant-service gathers from
 * every service.
 */
@RestController
class PersonalDataController {

	private final PersonalData personalData;

	PersonalDataController(PersonalData personalData) {
		this.personalData = personalData;
	}

	@GetMapping("/api/v1/participants/{participantId}/personal-data/" + PersonalData.SERVICE)
	PersonalData.PersonalDataExport export(@PathVariable String participantId, Caller caller) {
		return personalData.export(participantId, caller);
	}

}
