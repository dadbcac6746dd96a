package com.kreativnomentorstvo.participants.participant;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.organisation.OrganisationDirectory;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.participants.validation.Ids;
import com.kreativnomentorstvo.platform.web.Versions;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.PreconditionFailedException;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Enrolment in a programme and the participant's own changes: applying (for herself, while the
 * window is open), being enrolled by a coordinator, editing the profile, withdrawing.
 */
@Service
class Enrolment {

	private final Participants participants;

	private final ParticipantAccess access;

	private final ProgrammeAccess programmes;

	private final OrganisationDirectory organisations;

	private final ParticipantRules rules;

	private final ConsentRules consentRules;

	private final Clock clock;

	Enrolment(Participants participants, ParticipantAccess access, ProgrammeAccess programmes,
			OrganisationDirectory organisations, ParticipantRules rules, ConsentRules consentRules, Clock clock) {
		this.participants = participants;
		this.access = access;
		this.programmes = programmes;
		this.organisations = organisations;
		this.rules = rules;
		this.consentRules = consentRules;
		this.clock = clock;
	}

	/**
	 * Enrols a participant with status APPLIED. Administrators and the programme's coordinators may
	 * enrol anyone at any time; a mentor or mentee account applies for herself, in the role her
	 * account holds, for her own organisation, while the enrolment window is open.
	 */
	Participant enrol(EnrolmentForm form, Caller caller) {
		Instant now = clock.instant();
		Programme programme = programmes.existing(form.programmeId());
		boolean coordinating = programmes.coordinates(caller, programme);
		boolean applying = !coordinating && ProgrammeAccess.isApplicant(caller);
		if (!coordinating && !applying) {
			throw new ResourceNotFoundException("programme", form.programmeId());
		}
		if (form.id() != null && !caller.isAdmin()) {
			throw new InvalidFieldsException("id", "only administrators importing data choose ids");
		}
		String id;
		String applicantSubject = null;
		if (applying) {
			checkApplication(form, caller, programme, now);
			id = caller.participantId() != null ? caller.participantId() : Ids.next("p");
			applicantSubject = caller.subject();
			if (participants.existsById(id)) {
				throw new ConflictException("already-enrolled", "You are already enrolled as participant " + id);
			}
		}
		else {
			id = form.id() != null ? form.id() : Ids.next("p");
			if (participants.existsById(id)) {
				throw new ConflictException("already-exists", "A participant with id " + id + " already exists");
			}
		}
		if (!organisations.isRegistered(form.organisationId())) {
			throw new InvalidFieldsException("organisationId", "is not a registered organisation");
		}
		ProfileDetails details = form.toDetails(programme.getMatchingPolicy().defaultMentorCapacity());
		rules.check(id, form.role(), details, programme);
		consentRules.check("consent", form.consent());
		if (participants.existsByEmailKey(Participant.emailKey(programme.getId(), details.email()))) {
			throw new ConflictException("already-applied",
					"Someone with this e-mail address has already applied to the programme");
		}
		return participants.save(Participant.enrol(id, programme.getId(), form.organisationId(), form.role(), details,
				form.consent().given(now), applicantSubject, now));
	}

	/** Changes her details, based on the version the caller read. */
	Participant revise(String id, ParticipantChanges changes, String ifMatch, Caller caller) {
		Participant participant = access.readableBy(caller, id);
		Versions.requireMatch(ifMatch, participant.getVersion(), "participant");
		if (changes.isEmpty()) {
			return participant;
		}
		ProfileDetails revised = changes.applyTo(participant.getDetails());
		Programme programme = programmes.existing(participant.getProgrammeId());
		rules.check(id, participant.getRole(), revised, programme);
		boolean newAddress = !revised.email().toLowerCase(Locale.ROOT)
			.equals(participant.getDetails().email().toLowerCase(Locale.ROOT));
		if (newAddress && participants.existsByEmailKey(Participant.emailKey(programme.getId(), revised.email()))) {
			throw new ConflictException("already-applied",
					"Someone with this e-mail address has already applied to the programme");
		}
		participant.revise(revised, clock.instant());
		return save(participant);
	}

	/**
	 * She leaves the programme, or a coordinator removes her.
	 * @param reason {@code PERSONAL} or {@code OTHER}; coordinators also {@code REMOVED} (their default)
	 */
	Participant withdraw(String id, String reason, String ifMatch, Caller caller) {
		Participant participant = access.readableBy(caller, id);
		Versions.checkMatch(ifMatch, participant.getVersion(), "participant");
		boolean coordinating = access.coordinates(caller, participant);
		String code = Objects.requireNonNullElse(reason, coordinating ? "REMOVED" : "PERSONAL");
		boolean allowed = code.equals("PERSONAL") || code.equals("OTHER") || coordinating && code.equals("REMOVED");
		if (!allowed) {
			throw new InvalidFieldsException("reason", coordinating ? "must be PERSONAL, OTHER or REMOVED"
					: "must be PERSONAL or OTHER");
		}
		if (participant.withdraw(code, clock.instant())) {
			return save(participant);
		}
		return participant;
	}

	private void checkApplication(EnrolmentForm form, Caller caller, Programme programme, Instant now) {
		Caller.Role accountRole = Caller.Role.valueOf(form.role().name());
		if (!caller.roles().contains(accountRole)) {
			throw new InvalidFieldsException("role", "your account may apply as "
					+ (caller.roles().contains(Caller.Role.MENTOR) ? "MENTOR" : "MENTEE") + " only");
		}
		if (!programme.isOpenForEnrolment(now)) {
			throw new ConflictException("enrolment-closed",
					"Enrolment in " + programme.getName() + " is open from " + programme.getEnrolmentOpensOn() + " to "
							+ programme.getEnrolmentClosesOn() + " (" + programme.getTimeZone() + "); today is "
							+ programme.dateAt(now));
		}
		if (caller.organisationId() != null && !caller.organisationId().equals(form.organisationId())) {
			throw new InvalidFieldsException("organisationId",
					"must be your own organisation (" + caller.organisationId() + ")");
		}
	}

	private Participant save(Participant participant) {
		try {
			return participants.save(participant);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new PreconditionFailedException("The participant was changed by someone else meanwhile; read her "
					+ "again and reapply your change");
		}
	}

}
