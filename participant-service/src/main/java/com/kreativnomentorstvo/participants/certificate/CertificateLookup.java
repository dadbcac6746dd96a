package com.kreativnomentorstvo.participants.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.organisation.Organisation;
import com.kreativnomentorstvo.participants.organisation.OrganisationDirectory;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.ParticipantAccess;
import com.kreativnomentorstvo.participants.participant.Participants;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Reading certificates: hers, for herself and the coordinators of her programme (as her participant
 * record, {@link ParticipantAccess}, but not for the other side of a pair or a programme's
 * mentees, who see only her card); the PDF in a language; and the public verification of a code,
 * which says who, what, as whom, when and by whom, and nothing else.
 */
@Service
class CertificateLookup {

	private final Certificates certificates;

	private final ParticipantAccess access;

	private final Participants participants;

	private final ProgrammeAccess programmes;

	private final OrganisationDirectory organisations;

	private final String verificationUrl;

	CertificateLookup(Certificates certificates, ParticipantAccess access, Participants participants,
			ProgrammeAccess programmes, OrganisationDirectory organisations, ParticipantServiceProperties properties) {
		this.certificates = certificates;
		this.access = access;
		this.participants = participants;
		this.programmes = programmes;
		this.organisations = organisations;
		this.verificationUrl = properties.certificates().verificationUrl();
	}

	/** One of her certificates as the list shows it. */
	record CertificateView(String programmeId, String programme, Role role, LocalDate completedOn, String code,
			String verificationUrl, String pdf) {
	}

	/**
	 * What the public verification of a code answers.
	 *
	 * @param person her name
	 * @param programme the programme's name (in the language asked, else the name for every language)
	 * @param organiser the organiser's name; {@code partners} the partner organisations' names
	 */
	record Verification(String person, String programme, Role role, LocalDate completedOn, String organiser,
			List<String> partners) {
	}

	/** A certificate's PDF and the language it is written in. */
	record Pdf(byte[] bytes, Locale language, String filename) {
	}

	List<CertificateView> hers(Caller caller, String participantId) {
		Participant participant = readable(caller, participantId);
		return certificates.of(participant.getId()).stream().map(certificate -> {
			Programme programme = programmes.existing(certificate.programmeId());
			return new CertificateView(certificate.programmeId(), programme.getName(), certificate.role(),
					certificate.completedOn(), certificate.code(), verificationUrl + certificate.code(),
					"/api/v1/participants/" + participant.getId() + "/certificates/" + certificate.programmeId());
		}).toList();
	}

	/**
	 * @param lang a language asked with {@code ?lang=} (already one of the six), or {@code null}
	 * @throws ResourceNotFoundException for a participant the caller may not see, and when she has no
	 *     certificate of the programme
	 */
	Pdf pdf(Caller caller, String participantId, String programmeId, String lang, String acceptLanguage) {
		Participant participant = readable(caller, participantId);
		Certificate certificate = certificates.find(participant.getId(), programmeId)
			.orElseThrow(() -> new ResourceNotFoundException("certificate", programmeId));
		Locale language = CertificateLanguage.of(lang, acceptLanguage, participant.getDetails().preferredLocale());
		byte[] bytes = CertificatePdf.write(page(certificate, participant), language);
		return new Pdf(bytes, language, "certificate-" + programmeId + "-" + language.toLanguageTag() + ".pdf");
	}

	/** @throws ResourceNotFoundException for a code no certificate has (any more) */
	Verification verify(String typedCode, String lang, String acceptLanguage) {
		String code = VerificationCodes.normalised(typedCode);
		if (!VerificationCodes.isWellFormed(code)) {
			throw new ResourceNotFoundException("certificate", typedCode);
		}
		Certificate certificate = certificates.byCode(code)
			.orElseThrow(() -> new ResourceNotFoundException("certificate", typedCode));
		Participant participant = participants.findById(certificate.participantId())
			.filter(p -> !p.isErased())
			.orElseThrow(() -> new ResourceNotFoundException("certificate", typedCode));
		Programme programme = programmes.existing(certificate.programmeId());
		String name = lang != null || CertificateLanguage.asked(acceptLanguage).isPresent()
				? CertificateLanguage.name(CertificateLanguage.of(lang, acceptLanguage, null), programme.getName(),
						programme.getNames())
				: programme.getName();
		return new Verification(participant.getDetails().displayName(), name, certificate.role(),
				certificate.completedOn(), organisationName(programme.getOrganiserId()),
				programme.getPartnerIds().stream().map(this::organisationName).toList());
	}

	CertificatePage page(Certificate certificate, Participant participant) {
		Programme programme = programmes.existing(certificate.programmeId());
		return new CertificatePage(participant.getDetails().displayName(), certificate.role(), programme.getName(),
				programme.getNames(), programme.getStartsOn(), programme.getEndsOn(), certificate.completedOn(),
				organisationName(programme.getOrganiserId()),
				programme.getPartnerIds().stream().map(this::organisationName).toList(), certificate.code(),
				verificationUrl + certificate.code());
	}

	/** She, or a coordinator of her programme or an administrator; 404 for anyone else. */
	private Participant readable(Caller caller, String participantId) {
		Participant participant = access.readableBy(caller, participantId);
		if (!access.isSelf(caller, participant) && !access.coordinates(caller, participant)) {
			throw new ResourceNotFoundException("participant", participantId);
		}
		return participant;
	}

	private String organisationName(String organisationId) {
		return organisations.find(organisationId).map(Organisation::getName).orElse(organisationId);
	}

}
