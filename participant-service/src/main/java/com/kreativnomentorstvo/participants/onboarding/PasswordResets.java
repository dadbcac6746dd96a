package com.kreativnomentorstvo.participants.onboarding;

import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.account.Account;
import com.kreativnomentorstvo.participants.account.AccountLink;
import com.kreativnomentorstvo.participants.account.AccountLinks;
import com.kreativnomentorstvo.participants.account.Accounts;
import com.kreativnomentorstvo.participants.account.LinkPurpose;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.coordinator.Coordinator;
import com.kreativnomentorstvo.participants.coordinator.Coordinators;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.Participants;

/**
 * Someone forgot her password: if an account with the address holds an enrolment, a link to set a
 * new one is e-mailed to that address (in the language of her latest enrolment); an account without
 * enrolments that is a coordinator's gets it as the coordinator (in her language). The answer is the
 * same whether or not such an account exists, so the form tells nobody who has an account.
 */
@Service
class PasswordResets {

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	private final Accounts accounts;

	private final Participants participants;

	private final Coordinators coordinators;

	private final AccountLinks links;

	private final RequestLimits limits;

	private final ParticipantServiceProperties properties;

	private final Clock clock;

	PasswordResets(Accounts accounts, Participants participants, Coordinators coordinators, AccountLinks links,
			RequestLimits limits, ParticipantServiceProperties properties, Clock clock) {
		this.accounts = accounts;
		this.participants = participants;
		this.coordinators = coordinators;
		this.links = links;
		this.limits = limits;
		this.properties = properties;
		this.clock = clock;
	}

	void request(String email, String client) {
		limits.count("password-reset", email, client);
		Optional<Account> account = accounts.findByEmail(email.strip()).filter(Account::enabled);
		if (account.isEmpty()) {
			return;
		}
		Optional<Participant> recipient = participants.findByAccountIdAndErasedAtIsNull(account.get().id())
			.stream()
			.filter(Participant::isAnnounced)
			.max(Comparator.comparing(Participant::getEnrolledAt));
		if (recipient.isEmpty()) {
			recipient = participants.findByAccountIdAndErasedAtIsNull(account.get().id()).stream().findFirst();
		}
		if (recipient.isEmpty()) {
			resetCoordinator(account.get());
			return;
		}
		AccountLink link = links.reissue(account.get().id(), recipient.get().getId(),
				properties.accounts().resetValidity());
		Participant participant = recipient.get();
		participant.passwordLinkIssued("RESET", link.id(), link.expiresAt(), clock.instant());
		participants.save(participant);
	}

	/** An account without enrolments: the link goes to her as a coordinator, if she is one. */
	private void resetCoordinator(Account account) {
		Optional<Coordinator> coordinator = coordinators.findById(account.id()).filter(c -> !c.isRemoved());
		if (coordinator.isEmpty()) {
			log.info("No enrolment or coordinator to send a password reset to for account {}", account.id());
			return;
		}
		AccountLink link = links.reissue(account.id(), account.id(),
				properties.accounts().resetValidity());
		coordinator.get().passwordLinkIssued("RESET", link.id(), link.expiresAt(), clock.instant());
		coordinators.save(coordinator.get());
	}

}
