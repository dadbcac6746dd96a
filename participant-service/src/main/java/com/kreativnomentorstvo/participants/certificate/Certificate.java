package com.kreativnomentorstvo.participants.certificate;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.Role;

/**
 * A person's certificate of having taken part in a programme to its end: issued once, when her first
 * mentorship of the programme ended {@code COMPLETED}, and kept until she is erased. The person's
 * name, the programme's names and dates and the organisations' names are read when the PDF is
 * made, so a correction shows on it.
 *
 * @param id {@link #key} of the participant and the programme, so that she has one per programme
 * @param code what anyone checks it by: {@link VerificationCodes}, unique
 * @param mentorshipId the mentorship whose completion issued it
 * @param completedOn the day it ended, in the programme's time zone
 */
@Document("certificates")
record Certificate(@Id String id, @Indexed(unique = true) String code, @Indexed String participantId,
		String programmeId, Role role, String mentorshipId, LocalDate completedOn, Instant issuedAt) {

	static String key(String participantId, String programmeId) {
		return participantId + "@" + programmeId;
	}

}
