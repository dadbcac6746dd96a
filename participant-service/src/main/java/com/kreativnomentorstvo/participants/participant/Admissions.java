package com.kreativnomentorstvo.participants.participant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.participants.account.Account;
import com.kreativnomentorstvo.participants.account.AccountLink;
import com.kreativnomentorstvo.participants.account.AccountLinks;
import com.kreativnomentorstvo.participants.account.Accounts;
import com.kreativnomentorstvo.participants.account.LinkPurpose;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.participants.programme.Programmes;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.Versions;

/**
 * The review of applications by the applicant's steward (the coordinators of her organisation, or
 * of the organiser if her organisation is not part of the programme): admit (her enrolment then
 * belongs to an account, found by her address or created for her, with a link to set its password
 * if it has none), reject (with a reason code announced and a note kept here), send the password
 * link again, and activation, which happens by itself when the programme starts or earlier by hand.
 */
@Service
class Admissions {

	private static final Logger log = LoggerFactory.getLogger(Admissions.class);

	private final Participants participants;

	private final ParticipantAccess access;

	private final ProgrammeAccess programmeAccess;

	private final Programmes programmes;

	private final Accounts accounts;

	private final AccountLinks links;

	private final EnrolmentAccounts enrolmentAccounts;

	private final ParticipantServiceProperties properties;

	private final Clock clock;

	Admissions(Participants participants, ParticipantAccess access, ProgrammeAccess programmeAccess,
			Programmes programmes, Accounts accounts, AccountLinks links, EnrolmentAccounts enrolmentAccounts,
			ParticipantServiceProperties properties, Clock clock) {
		this.participants = participants;
		this.access = access;
		this.programmeAccess = programmeAccess;
		this.programmes = programmes;
		this.accounts = accounts;
		this.links = links;
		this.enrolmentAccounts = enrolmentAccounts;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Admits her. Her enrolment belongs to the account her address has at the identity provider, or
	 * to one made for her now; without a password yet, she gets a link to set one.
	 */
	Participant accept(String id, String note, String ifMatch, Caller caller) {
		Participant participant = access.stewardedBy(caller, id);
		Versions.checkMatch(ifMatch, participant.getVersion(), "participant");
		if (participant.getStatus() == ParticipantStatus.ACCEPTED || participant.getStatus() == ParticipantStatus.ACTIVE) {
			return participant;
		}
		Account account = accountOf(participant);
		AccountLink link = account.passwordSet() ? null
				: links.issue(LinkPurpose.SET_PASSWORD, account.id(), participant.getId(),
						properties.accounts().invitationValidity());
		Instant now = clock.instant();
		boolean started = programmeAccess.existing(participant.getProgrammeId()).hasStarted(now);
		if (!participant.admit(note == null ? null : note.strip(), caller.subject(), started, account.id(),
				link == null ? null : link.id(), link == null ? null : link.expiresAt(), now)) {
			return participant;
		}
		Participant admitted = participants.save(participant);
		enrolmentAccounts.sync(account.id());
		return admitted;
	}

	/**
	 * Rejects her application.
	 * @param reasonCode what she is told, in her language; {@code OTHER} when absent
	 * @param note kept here for the coordinators, never sent
	 */
	Participant reject(String id, String reasonCode, String note, String ifMatch, Caller caller) {
		Participant participant = access.stewardedBy(caller, id);
		Versions.checkMatch(ifMatch, participant.getVersion(), "participant");
		String code = reasonCode == null ? "OTHER" : reasonCode;
		if (!participant.reject(code, note == null ? null : note.strip(), caller.subject(), clock.instant())) {
			return participant;
		}
		Participant rejected = participants.save(participant);
		if (rejected.getAccountId() != null) {
			enrolmentAccounts.sync(rejected.getAccountId());
		}
		return rejected;
	}

	/**
	 * Sends her the link to set her password again (the earlier one stops working): for an admitted
	 * or invited person who has not set one yet.
	 */
	Participant resendInvitation(String id, Caller caller) {
		Participant participant = access.stewardedBy(caller, id);
		if (participant.getAccountId() == null) {
			throw new ConflictException("no-account", ProblemText.of("participant.she-no-account-yet"));
		}
		Account account = accounts.find(participant.getAccountId())
			.orElseThrow(() -> new ConflictException("no-account", ProblemText.of("coordinator.account-no-longer-exists")));
		if (account.passwordSet()) {
			throw new ConflictException("password-set",
					ProblemText.of("coordinator.she-chosen-password-already"));
		}
		AccountLink link = links.reissue(account.id(), participant.getId(), properties.accounts().invitationValidity());
		participant.passwordLinkIssued("INVITATION", link.id(), link.expiresAt(), clock.instant());
		return participants.save(participant);
	}

	private Account accountOf(Participant participant) {
		if (participant.getAccountId() != null) {
			Optional<Account> linked = accounts.find(participant.getAccountId());
			if (linked.isPresent()) {
				return linked.get();
			}
		}
		ProfileDetails details = participant.getDetails();
		return accounts.forPerson(details.email(), details.displayName(), details.preferredLocale(),
				participant.getOrganisationId(), participant.getRole().name());
	}

	Participant activate(String id, String ifMatch, Caller caller) {
		Participant participant = access.stewardedBy(caller, id);
		Versions.checkMatch(ifMatch, participant.getVersion(), "participant");
		return participant.activate(clock.instant()) ? participants.save(participant) : participant;
	}

	/**
	 * Makes the accepted participants of every programme that has started active.
	 * @return how many became active
	 */
	int activateStarted(Instant now) {
		LocalDate latestToday = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
		List<String> started = programmes.findByStartsOnLessThanEqual(latestToday)
			.stream()
			.filter(programme -> programme.hasStarted(now))
			.map(Programme::getId)
			.toList();
		if (started.isEmpty()) {
			return 0;
		}
		int activated = 0;
		for (Participant participant : participants.findByProgrammeIdInAndStatusAndPendingIsNull(started,
				ParticipantStatus.ACCEPTED)) {
			try {
				if (participant.activate(now)) {
					participants.save(participant);
					activated++;
				}
			}
			catch (OptimisticLockingFailureException ex) {
				// changed meanwhile (perhaps withdrawn); the next run looks at her again
				log.debug("Participant {} changed while being activated", participant.getId());
			}
		}
		return activated;
	}

}
