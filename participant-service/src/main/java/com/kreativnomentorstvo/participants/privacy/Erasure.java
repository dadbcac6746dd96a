package com.kreativnomentorstvo.participants.privacy;

import java.time.Clock;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.account.AccountLinks;
import com.kreativnomentorstvo.participants.participant.ConsentForm;
import com.kreativnomentorstvo.participants.participant.ConsentRules;
import com.kreativnomentorstvo.participants.participant.EnrolmentAccounts;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.ParticipantAccess;
import com.kreativnomentorstvo.participants.participant.Participants;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.Versions;

/**
 * The data subject's rights over her data: erasure, and consent that she can change or withdraw.
 * Withdrawing the consent that taking part rests on withdraws her and erases her data, as erasure does.
 */
@Service
class Erasure {

	private final Participants participants;

	private final ParticipantAccess access;

	private final ConsentRules consentRules;

	private final ContactTombstones tombstones;

	private final AccountLinks links;

	private final EnrolmentAccounts accounts;

	private final CertificateRecords certificates;

	private final InvitationRecords invitations;

	private final Clock clock;

	Erasure(Participants participants, ParticipantAccess access, ConsentRules consentRules,
			ContactTombstones tombstones, AccountLinks links, EnrolmentAccounts accounts, CertificateRecords certificates,
			InvitationRecords invitations, Clock clock) {
		this.participants = participants;
		this.access = access;
		this.consentRules = consentRules;
		this.tombstones = tombstones;
		this.links = links;
		this.accounts = accounts;
		this.certificates = certificates;
		this.invitations = invitations;
		this.clock = clock;
	}

	/**
	 * Erases her personal data here, and through events and the contacts tombstone everywhere else;
	 * her links, certificates and invitations to return go, and her account too unless another enrolment (or a coordinator's
	 * role) still needs it.
	 */
	void erase(String id, Caller caller) {
		Participant participant = access.erasableBy(caller, id);
		String account = participant.getAccountId();
		if (participant.erase(false, clock.instant())) {
			participants.save(participant);
		}
		forgetAccess(id, account);
		// also retries a tombstone a crash left unwritten
		tombstones.publishSoon(id);
	}

	/** She withdraws her consent: she leaves the programme and her data is erased. */
	void withdrawConsent(String id, Caller caller) {
		Participant participant = access.changeableBy(caller, id);
		String account = participant.getAccountId();
		participant.erase(true, clock.instant());
		participants.save(participant);
		forgetAccess(id, account);
		tombstones.publishSoon(id);
	}

	private void forgetAccess(String participantId, String accountId) {
		links.forget(participantId, null);
		certificates.forget(participantId);
		invitations.forget(participantId);
		if (accountId != null) {
			accounts.sync(accountId);
		}
	}

	/** Records a new consent: another version of the notice, or other optional scopes. */
	Participant renewConsent(String id, ConsentForm consent, String ifMatch, Caller caller) {
		Participant participant = access.changeableBy(caller, id);
		Versions.checkMatch(ifMatch, participant.getVersion(), "participant");
		try {
			consentRules.check("", consent);
		}
		catch (InvalidFieldsException ex) {
			if (consentRules.requiredScopes().stream().anyMatch(scope -> !consent.scopes().contains(scope))) {
				throw new InvalidFieldsException("scopes", ProblemText.of("privacy.include-withdraw-consent-delete", String.join(", ",
						consentRules.requiredScopes())));
			}
			throw ex;
		}
		participant.renewConsent(consent.given(clock.instant()), clock.instant());
		return participants.save(participant);
	}

}
