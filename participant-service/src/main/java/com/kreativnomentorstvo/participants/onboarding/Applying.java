package com.kreativnomentorstvo.participants.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.account.AccountLink;
import com.kreativnomentorstvo.participants.account.AccountLinks;
import com.kreativnomentorstvo.participants.account.LinkPurpose;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.organisation.OrganisationDirectory;
import com.kreativnomentorstvo.participants.participant.AnswerRules;
import com.kreativnomentorstvo.participants.participant.ConsentRules;
import com.kreativnomentorstvo.participants.participant.EnrolmentForm;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.ParticipantRules;
import com.kreativnomentorstvo.participants.participant.Participants;
import com.kreativnomentorstvo.participants.participant.ProfileDetails;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * An outsider applies through a programme's public call: her profile, her answers to the
 * programme's questions and her consent. The application counts once she confirms her address
 * through the link e-mailed to it; until then only she can see that it exists.
 */
@Service
class Applying {

	private final Participants participants;

	private final ProgrammeAccess programmes;

	private final OrganisationDirectory organisations;

	private final ParticipantRules rules;

	private final ConsentRules consentRules;

	private final AnswerRules answerRules;

	private final AccountLinks links;

	private final RequestLimits limits;

	private final ParticipantServiceProperties properties;

	private final Clock clock;

	Applying(Participants participants, ProgrammeAccess programmes, OrganisationDirectory organisations,
			ParticipantRules rules, ConsentRules consentRules, AnswerRules answerRules, AccountLinks links,
			RequestLimits limits, ParticipantServiceProperties properties, Clock clock) {
		this.participants = participants;
		this.programmes = programmes;
		this.organisations = organisations;
		this.rules = rules;
		this.consentRules = consentRules;
		this.answerRules = answerRules;
		this.links = links;
		this.limits = limits;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Takes an application and sends the confirmation link; nothing is stored when any rule fails.
	 * @param client the applicant's network address, for the rate limit
	 */
	Participant apply(EnrolmentForm form, String client) {
		List<FieldProblem> chosenByUs = new ArrayList<>();
		if (form.id() != null) {
			chosenByUs.add(FieldProblem.of("id", "onboarding.given-platform"));
		}
		if (form.accountId() != null) {
			chosenByUs.add(FieldProblem.of("accountId", "onboarding.given-platform"));
		}
		if (!chosenByUs.isEmpty()) {
			throw new InvalidFieldsException(chosenByUs);
		}
		Programme programme = programmes.existing(form.programmeId());
		Instant now = clock.instant();
		if (!programme.isOpenForEnrolment(now) && programme.isWithinEnrolmentWindow(now)) {
			// its coordinators moved it on before its window closed
			throw new InvalidFieldsException("programmeId",
					ProblemText.of("onboarding.takes-no-applications-status", programme.getStatus()));
		}
		if (!programme.isOpenForEnrolment(now)) {
			throw new InvalidFieldsException("programmeId", ProblemText.of("onboarding.takes-no-applications-now", programme.getEnrolmentOpensOn(), programme.getEnrolmentClosesOn(), programme.getTimeZone()));
		}
		if (!programme.organisationIds().contains(form.organisationId())
				|| !organisations.isRegistered(form.organisationId())) {
			throw new InvalidFieldsException("organisationId",
					ProblemText.of("onboarding.organiser-partner-programme", programme.organisationIds()));
		}
		String id = Ids.next("p");
		ProfileDetails details = form.toDetails(programme.getMatchingPolicy().defaultMentorCapacity());
		rules.check(id, form.role(), details, programme);
		consentRules.check("consent", form.consent());
		answerRules.check(form.toAnswers(), programme.getCall());
		limits.count("application", details.email(), client);
		if (participants.existsByEmailKey(Participant.emailKey(programme.getId(), details.email()))) {
			throw alreadyApplying();
		}
		AccountLink confirmation = links.issue(LinkPurpose.CONFIRM_ADDRESS, null, id,
				properties.accounts().confirmationValidity());
		try {
			return participants.save(Participant.apply(id, programme.getId(), form.organisationId(), form.role(), details,
					form.consent().given(now), form.toAnswers(), confirmation.id(), confirmation.expiresAt(), now));
		}
		catch (DuplicateKeyException sameAddressMeanwhile) {
			throw alreadyApplying();
		}
	}

	private static ConflictException alreadyApplying() {
		return new ConflictException("already-applied",
				ProblemText.of("onboarding.email-applied"), "email");
	}

}
