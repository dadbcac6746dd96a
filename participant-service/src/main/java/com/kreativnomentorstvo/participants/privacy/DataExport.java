package com.kreativnomentorstvo.participants.privacy;

import java.time.Instant;
import java.util.List;

import com.kreativnomentorstvo.participants.participant.Answer;
import com.kreativnomentorstvo.participants.participant.ConsentChange;
import com.kreativnomentorstvo.participants.participant.ParticipantView;
import com.kreativnomentorstvo.participants.participant.Review;
import com.kreativnomentorstvo.participants.participant.StatusChange;

/**
 * Everything this service holds about a participant (GDPR art. 15 and 20), and where copies of it go.
 *
 * @param participant her profile, contact details, consent and status
 * @param reviews the coordinators' decisions on her application, with their reasons
 * @param account the account (at the identity provider) her enrolment belongs to, if any
 * @param answers her answers to the programme's own questions
 * @param statusHistory every status she had, with the time and a reason code
 * @param consentHistory every consent she gave or changed
 * @param certificates her participation certificates: the codes anyone can check them by, and their programmes
 * @param sharedWith which of her data other parts of the platform receive, and how
 * @param services what each of the platform's other services holds about her, gathered now
 */
record DataExport(Instant exportedAt, ParticipantView participant, List<Review> reviews, String account,
		List<Answer> answers,
		NamedRecord programme, NamedRecord organisation, List<StatusChange> statusHistory,
		List<ConsentChange> consentHistory, List<CertificateRecords.Held> certificates, List<Recipient> sharedWith, List<ServiceExports.ServiceExport> services) {

	/** Another record named in the export. */
	record NamedRecord(String id, String name) {
	}

	/** A recipient of her data. */
	record Recipient(String recipient, String purpose, List<String> data, String erasure) {
	}

	static final List<Recipient> RECIPIENTS = List.of(
			new Recipient("the platform's other services (matching, sessions, notifications)",
					"forming mentor–mentee pairs, scheduling and running the programme",
					List.of("participant id", "programme", "organisation", "role", "status", "country", "city",
							"languages", "preferred locale", "skills", "goals", "format", "time zone", "availability",
							"capacity", "preferred and avoided participants"),
					"an erasure event tells each service to delete what it holds"),
			new Recipient("the platform's contact directory (a compacted message topic)",
					"addressing messages to her in her language and time zone",
					List.of("display name", "e-mail address", "preferred locale", "time zone"),
					"erasure replaces the record with a tombstone, and compaction deletes it"));

}
