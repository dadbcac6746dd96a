package com.kreativnomentorstvo.participants.participant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.organisation.OrganisationDirectory;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.PreconditionFailedException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.platform.web.Versions;

/**
 * Enrolment in a programme and the participant's own changes: applying (for herself, while the
 * window is open), being enrolled by a coordinator, completing an invitation, editing the profile,
 * withdrawing.
 */
@Service
class Enrolment {

	private final Participants participants;

	private final ParticipantAccess access;

	private final ProgrammeAccess programmes;

	private final OrganisationDirectory organisations;

	private final ParticipantRules rules;

	private final ConsentRules consentRules;

	private final AnswerRules answerRules;

	private final EnrolmentAccounts accounts;

	private final Clock clock;

	Enrolment(Participants participants, ParticipantAccess access, ProgrammeAccess programmes,
			OrganisationDirectory organisations, ParticipantRules rules, ConsentRules consentRules,
			AnswerRules answerRules, EnrolmentAccounts accounts, Clock clock) {
		this.participants = participants;
		this.access = access;
		this.programmes = programmes;
		this.organisations = organisations;
		this.rules = rules;
		this.consentRules = consentRules;
		this.answerRules = answerRules;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Enrols a participant with status APPLIED. Administrators and the programme's runners may
	 * enrol anyone of its organisations at any time, a partner's coordinators people of their own
	 * organisation; a signed-in account applies for herself, to any organisation of the programme,
	 * in the role she chooses, while the enrolment window is open, and the enrolment is hers at
	 * once. (People without an account apply through the public call.)
	 */
	Participant enrol(EnrolmentForm form, Caller caller) {
		Instant now = clock.instant();
		Programme programme = programmes.existing(form.programmeId());
		boolean coordinating = programmes.coordinates(caller, programme);
		boolean applying = !coordinating && caller.subject() != null
				&& (ProgrammeAccess.isApplicant(caller) || caller.isParticipant());
		if (!coordinating && !applying) {
			throw new ResourceNotFoundException("programme", form.programmeId());
		}
		if (coordinating && !programmes.runs(caller, programme)
				&& !programmes.stewards(caller, programme, form.organisationId())) {
			throw new AccessDeniedException("a partner's coordinators enrol people of their own organisation only");
		}
		programmes.requireTakingPeople(programme);
		if (form.id() != null && !caller.isAdmin()) {
			throw new InvalidFieldsException("id", ProblemText.of("participant.ids-for-imports"));
		}
		if (form.accountId() != null && !caller.isAdmin()) {
			throw new InvalidFieldsException("accountId", ProblemText.of("participant.accounts-for-imports"));
		}
		String accountId = form.accountId();
		if (applying) {
			checkApplication(form, caller, programme, now);
			accountId = caller.subject();
			if (participants.existsByProgrammeIdAndAccountIdAndErasedAtIsNull(programme.getId(), accountId)) {
				throw new ConflictException("already-enrolled", ProblemText.of("participant.enrolled-programme-already"));
			}
		}
		String id = form.id() != null ? form.id() : Ids.next("p");
		if (participants.existsById(id)) {
			throw new ConflictException("already-exists", ProblemText.of("participant.participant-id-already-exists", id));
		}
		if (!organisations.isRegistered(form.organisationId())) {
			throw new InvalidFieldsException("organisationId", ProblemText.of("participant.not-registered-organisation"));
		}
		ProfileDetails details = form.toDetails(programme.getMatchingPolicy().defaultMentorCapacity());
		rules.check(id, form.role(), details, programme);
		consentRules.check("consent", form.consent());
		answerRules.check(form.toAnswers(), programme.getCall(), applying);
		if (participants.existsByEmailKey(Participant.emailKey(programme.getId(), details.email()))) {
			throw new ConflictException("already-applied",
					ProblemText.of("participant.email-applied"));
		}
		Participant enrolled = participants.save(Participant.enrol(id, programme.getId(), form.organisationId(),
				form.role(), details, form.consent().given(now), accountId, form.toAnswers(), now));
		if (accountId != null) {
			accounts.sync(accountId);
		}
		return enrolled;
	}

	/**
	 * The invited person completes her profile, gives her consent and answers the programme's
	 * questions: her enrolment counts from now on.
	 */
	Participant completeInvitation(String id, EnrolmentForm form, Caller caller) {
		Participant participant = access.readableBy(caller, id);
		if (!access.isSelf(caller, participant)) {
			throw new AccessDeniedException("only the invited person completes her enrolment");
		}
		if (participant.getPending() != Pending.PROFILE_COMPLETION) {
			throw new ConflictException("not-invited", ProblemText.of("participant.enrolment-complete-already-change"));
		}
		Programme programme = programmes.existing(participant.getProgrammeId());
		List<FieldProblem> fixed = new ArrayList<>();
		if (form.id() != null) {
			fixed.add(FieldProblem.of("id", "participant.given-invitation"));
		}
		if (form.accountId() != null) {
			fixed.add(FieldProblem.of("accountId", "participant.given-invitation"));
		}
		if (!programme.getId().equals(form.programmeId())) {
			fixed.add(FieldProblem.of("programmeId", "participant.programme-invitation"));
		}
		if (form.role() != participant.getRole()) {
			fixed.add(FieldProblem.of("role", "participant.role-invitation", participant.getRole()));
		}
		if (!participant.getOrganisationId().equals(form.organisationId())) {
			fixed.add(FieldProblem.of("organisationId", "participant.organisation-invitation"));
		}
		if (!fixed.isEmpty()) {
			throw new InvalidFieldsException(fixed);
		}
		ProfileDetails details = form.toDetails(programme.getMatchingPolicy().defaultMentorCapacity());
		rules.check(id, form.role(), details, programme);
		consentRules.check("consent", form.consent());
		answerRules.check(form.toAnswers(), programme.getCall());
		boolean newAddress = !details.email().equalsIgnoreCase(participant.getDetails().email());
		if (newAddress && participants.existsByEmailKey(Participant.emailKey(programme.getId(), details.email()))) {
			throw new ConflictException("already-applied",
					ProblemText.of("participant.email-applied"));
		}
		Instant now = clock.instant();
		participant.completeInvitation(details, form.consent().given(now), form.toAnswers(), programme.hasStarted(now),
				now);
		return save(participant);
	}

	/** Changes her details (she or her steward), based on the version the caller read. */
	Participant revise(String id, ParticipantChanges changes, String ifMatch, Caller caller) {
		Participant participant = access.changeableBy(caller, id);
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
					ProblemText.of("participant.email-applied"));
		}
		participant.revise(revised, clock.instant());
		return save(participant);
	}

	/**
	 * She leaves the programme, or her steward's coordinator removes her.
	 * @param reason {@code PERSONAL} or {@code OTHER}; her steward also {@code REMOVED} (its default)
	 */
	Participant withdraw(String id, String reason, String ifMatch, Caller caller) {
		Participant participant = access.changeableBy(caller, id);
		Versions.checkMatch(ifMatch, participant.getVersion(), "participant");
		boolean coordinating = access.stewards(caller, participant);
		String code = Objects.requireNonNullElse(reason, coordinating ? "REMOVED" : "PERSONAL");
		boolean allowed = code.equals("PERSONAL") || code.equals("OTHER") || coordinating && code.equals("REMOVED");
		if (!allowed) {
			throw new InvalidFieldsException("reason",
					ProblemText.of(coordinating ? "participant.withdrawal-reason-removable" : "participant.withdrawal-reason"));
		}
		if (participant.withdraw(code, clock.instant())) {
			Participant saved = save(participant);
			if (saved.getAccountId() != null) {
				accounts.sync(saved.getAccountId());
			}
			return saved;
		}
		return participant;
	}

	private void checkApplication(EnrolmentForm form, Caller caller, Programme programme, Instant now) {
		if (!programme.isOpenForEnrolment(now) && programme.isWithinEnrolmentWindow(now)) {
			// its coordinators moved it on before its window closed
			throw new ConflictException("enrolment-closed",
					ProblemText.of("participant.enrolment-not-open", programme.getName(), programme.getStatus()), "status");
		}
		if (!programme.isOpenForEnrolment(now)) {
			throw new ConflictException("enrolment-closed",
					ProblemText.of("participant.enrolment-open-today", programme.getName(), programme.getEnrolmentOpensOn(), programme.getEnrolmentClosesOn(), programme.getTimeZone(), programme.dateAt(now)));
		}
		boolean own = caller.organisationId() != null && caller.organisationId().equals(form.organisationId());
		if (!own && !programme.organisationIds().contains(form.organisationId())) {
			throw new InvalidFieldsException("organisationId", ProblemText.of("participant.own-organisation-organiser-partner", programme.organisationIds()));
		}
	}

	private Participant save(Participant participant) {
		try {
			return participants.save(participant);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new PreconditionFailedException(ProblemText.of("participant.participant-changed-someone-else"));
		}
	}

}
