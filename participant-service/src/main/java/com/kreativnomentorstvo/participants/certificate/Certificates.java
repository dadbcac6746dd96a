package com.kreativnomentorstvo.participants.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.Participants;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.privacy.CertificateRecords;
import com.kreativnomentorstvo.participants.programme.Programmes;

/**
 * The participation certificates ({@code certificates}): issued to both members of a mentorship that
 * ended {@code COMPLETED}, once per person and programme, and deleted when she is erased.
 */
@Component
public class Certificates implements CertificateRecords {

	/** The reason of a {@link MentorshipEnded} that earns both members a certificate. */
	static final String COMPLETED = "COMPLETED";

	/** Attempts at a code that no other certificate has (one collision in 2^60 makes a second one rare). */
	private static final int CODE_ATTEMPTS = 5;

	private final MongoOperations mongo;

	private final Participants participants;

	private final Programmes programmes;

	private final Clock clock;

	Certificates(MongoOperations mongo, Participants participants, Programmes programmes, Clock clock) {
		this.mongo = mongo;
		this.participants = participants;
		this.programmes = programmes;
		this.clock = clock;
	}

	/**
	 * A mentorship ended: if it was completed, each of the two gets her certificate of the programme
	 * unless she has it already (a mentor's second mentorship, or the same event again) or is erased.
	 */
	public void mentorshipEnded(MentorshipEnded event) {
		if (!COMPLETED.equals(event.reason())) {
			return;
		}
		Optional<Programme> programme = programmes.findById(event.programmeId());
		if (programme.isEmpty()) {
			return;
		}
		LocalDate completedOn = programme.get().dateAt(event.endedAt());
		issue(event.mentorId(), Role.MENTOR, event, completedOn);
		issue(event.menteeId(), Role.MENTEE, event, completedOn);
	}

	/** Her certificates' codes and programmes, for her data export. */
	@Override
	public List<Held> heldBy(String participantId) {
		return of(participantId).stream()
			.map(certificate -> new Held(certificate.code(), certificate.programmeId(),
					programmes.findById(certificate.programmeId()).map(Programme::getName).orElse(null),
					certificate.role(), certificate.completedOn()))
			.toList();
	}

	/** Erasure: her certificates go, and their codes verify nothing any more. */
	@Override
	public void forget(String participantId) {
		mongo.remove(Query.query(Criteria.where("participantId").is(participantId)), Certificate.class);
	}

	List<Certificate> of(String participantId) {
		return mongo.find(Query.query(Criteria.where("participantId").is(participantId))
			.with(Sort.by("completedOn", "programmeId")), Certificate.class);
	}

	Optional<Certificate> find(String participantId, String programmeId) {
		return Optional.ofNullable(mongo.findById(Certificate.key(participantId, programmeId), Certificate.class));
	}

	Optional<Certificate> byCode(String code) {
		return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("code").is(code)), Certificate.class));
	}

	private void issue(String participantId, Role role, MentorshipEnded event, LocalDate completedOn) {
		Optional<Participant> participant = participants.findById(participantId)
			.filter(p -> !p.isErased() && p.getProgrammeId().equals(event.programmeId()));
		if (participant.isEmpty()) {
			return;
		}
		String id = Certificate.key(participantId, event.programmeId());
		for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
			if (mongo.exists(Query.query(Criteria.where("_id").is(id)), Certificate.class)) {
				return;
			}
			try {
				mongo.insert(new Certificate(id, VerificationCodes.next(), participantId, event.programmeId(), role,
						event.mentorshipId(), completedOn, clock.instant()));
				if (participants.findById(participantId).map(Participant::isErased).orElse(true)) {
					// erased while it was being issued: erasure may have looked for certificates before this one
					forget(participantId);
				}
				return;
			}
			catch (DuplicateKeyException issuedMeanwhileOrSameCode) {
				// her certificate was issued meanwhile (the check above ends it), or the code was taken
			}
		}
		throw new IllegalStateException("no free verification code after " + CODE_ATTEMPTS + " attempts");
	}

}
