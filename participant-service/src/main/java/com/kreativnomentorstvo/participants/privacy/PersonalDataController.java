package com.kreativnomentorstvo.participants.privacy;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.participants.participant.Consent;
import com.kreativnomentorstvo.participants.participant.ConsentChange;
import com.kreativnomentorstvo.participants.participant.ConsentForm;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.ParticipantAccess;
import com.kreativnomentorstvo.platform.web.Versions;
import com.kreativnomentorstvo.platform.security.Caller;

import jakarta.validation.Valid;

/**
 * A participant's rights over her data: export (access and portability), erasure, and consent.
 * She exercises them herself; her steward's coordinators (her organisation's, or the organiser's if
 * her organisation is not part of the programme) and administrators may act on her request. The
 * programme's other coordinators are refused (403), and do not find her export or consent (404).
 */
@RestController
@RequestMapping("/api/v1/participants/{id}")
class PersonalDataController {

	private final PersonalData personalData;

	private final Erasure erasure;

	private final ParticipantAccess access;

	PersonalDataController(PersonalData personalData, Erasure erasure, ParticipantAccess access) {
		this.personalData = personalData;
		this.erasure = erasure;
		this.access = access;
	}

	/** Her consent now and every consent she gave before. */
	record ConsentRecord(Consent current, List<ConsentChange> history, long version) {

		static ConsentRecord of(Participant participant) {
			return new ConsentRecord(participant.getConsent(), participant.getConsentHistory(),
					participant.getVersion() == null ? 0 : participant.getVersion());
		}

	}

	@GetMapping("/export")
	ResponseEntity<DataExport> export(@PathVariable String id, Caller caller, @AuthenticationPrincipal Jwt jwt) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("participant-" + id + ".json").build().toString())
			.body(personalData.export(id, caller, jwt.getTokenValue()));
	}

	@DeleteMapping
	ResponseEntity<Void> erase(@PathVariable String id, Caller caller) {
		erasure.erase(id, caller);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/consent")
	ResponseEntity<ConsentRecord> consent(@PathVariable String id, Caller caller) {
		Participant participant = access.privateTo(caller, id);
		return ResponseEntity.ok().eTag(Versions.etag(participant.getVersion())).body(ConsentRecord.of(participant));
	}

	@PutMapping("/consent")
	ResponseEntity<ConsentRecord> renewConsent(@PathVariable String id, @Valid @RequestBody ConsentForm consent,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		Participant participant = erasure.renewConsent(id, consent, ifMatch, caller);
		return ResponseEntity.ok().eTag(Versions.etag(participant.getVersion())).body(ConsentRecord.of(participant));
	}

	@DeleteMapping("/consent")
	ResponseEntity<Void> withdrawConsent(@PathVariable String id, Caller caller) {
		erasure.withdrawConsent(id, caller);
		return ResponseEntity.noContent().build();
	}

}
