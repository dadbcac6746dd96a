package com.kreativnomentorstvo.participants.privacy;

import java.time.Clock;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.organisation.OrganisationDirectory;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.ParticipantAccess;
import com.kreativnomentorstvo.participants.participant.ParticipantView;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.platform.security.Caller;

/**
 * Puts together everything held about a participant, here and in the platform's other services, for
 * her or for her steward's coordinator answering her request.
 */
@Service
class PersonalData {

	private final ParticipantAccess access;

	private final ProgrammeAccess programmes;

	private final OrganisationDirectory organisations;

	private final ServiceExports services;

	private final CertificateRecords certificates;

	private final Clock clock;

	PersonalData(ParticipantAccess access, ProgrammeAccess programmes, OrganisationDirectory organisations,
			ServiceExports services, CertificateRecords certificates, Clock clock) {
		this.access = access;
		this.programmes = programmes;
		this.organisations = organisations;
		this.services = services;
		this.certificates = certificates;
		this.clock = clock;
	}

	/**
	 * Her export, for herself or her steward's coordinators (404 for anyone else).
	 * @param bearerToken the caller's token, with which the other services' parts are fetched
	 */
	DataExport export(String id, Caller caller, String bearerToken) {
		Participant participant = access.privateTo(caller, id);
		Programme programme = programmes.existing(participant.getProgrammeId());
		DataExport.NamedRecord organisation = organisations.find(participant.getOrganisationId())
			.map(o -> new DataExport.NamedRecord(o.getId(), o.getName()))
			.orElse(new DataExport.NamedRecord(participant.getOrganisationId(), null));
		return new DataExport(clock.instant(), ParticipantView.of(participant, true), participant.getReviews(),
				participant.getAccountId(), participant.getAnswers(), new DataExport.NamedRecord(programme.getId(), programme.getName()),
				organisation, participant.getHistory(), participant.getConsentHistory(), certificates.heldBy(participant.getId()), DataExport.RECIPIENTS,
				services.gather(participant.getId(), bearerToken));
	}

}
