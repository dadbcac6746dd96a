package com.kreativnomentorstvo.notifications.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.notifications.recipient.RecipientAccess;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * {@code GET /api/v1/participants/{id}/personal-data/notifications}: what this service holds about
 * a participant, for the GDPR export that participant-service gathers from every service. Readable
 * by the participant herself, her steward's coordinators and admins ({@link RecipientAccess}); 404
 * for anyone else, and for a participant this service does not know or has erased.
 */
@RestController
class PersonalDataController {

	static final String SERVICE = "notifications";

	private final List<PersonalDataSection> sections;

	private final RecipientDirectory recipients;

	private final RecipientAccess access;

	private final Clock clock;

	PersonalDataController(List<PersonalDataSection> sections, RecipientDirectory recipients, RecipientAccess access,
			Clock clock) {
		this.sections = sections;
		this.recipients = recipients;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/api/v1/participants/{participantId}/personal-data/" + SERVICE)
	PersonalDataExport export(@PathVariable String participantId, Caller caller) {
		if (recipients.isErased(participantId) || recipients.find(participantId).isEmpty()) {
			throw new ResourceNotFoundException("participant", participantId);
		}
		access.checkRead(caller, participantId, "participant");
		Map<String, Object> data = new LinkedHashMap<>();
		for (PersonalDataSection section : sections) {
			data.put(section.name(), section.of(participantId));
		}
		return new PersonalDataExport(SERVICE, participantId, clock.instant(), data);
	}

	/** The export contract every consuming service answers with. */
	record PersonalDataExport(String service, String participantId, Instant exportedAt, Map<String, Object> data) {
	}

}
