package com.kreativnomentorstvo.participants.coordinator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.account.Account;
import com.kreativnomentorstvo.participants.account.AccountAccess;
import com.kreativnomentorstvo.participants.account.AccountLink;
import com.kreativnomentorstvo.participants.account.AccountLinks;
import com.kreativnomentorstvo.participants.account.Accounts;
import com.kreativnomentorstvo.participants.account.IdentityProvider;
import com.kreativnomentorstvo.participants.account.LinkPurpose;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * Appoints coordinators without an administrator at the identity provider: the account her address
 * has (its other roles kept) or a new one gets the coordinator role and the organisation, and a
 * link to set its password if it has none. Appointing her again for the same organisation changes
 * and sends nothing; an account coordinates one organisation at a time. Every change at the
 * identity provider comes before anything is stored here, so a provider that is down leaves
 * nothing behind (503).
 */
@Service
class Appointments {

	static final String ROLE = "coordinator";

	private final CoordinatorDirectory directory;

	private final Coordinators coordinators;

	private final Accounts accounts;

	private final IdentityProvider provider;

	private final AccountLinks links;

	private final ParticipantServiceProperties properties;

	private final Clock clock;

	Appointments(CoordinatorDirectory directory, Coordinators coordinators, Accounts accounts,
			IdentityProvider provider, AccountLinks links, ParticipantServiceProperties properties, Clock clock) {
		this.directory = directory;
		this.coordinators = coordinators;
		this.accounts = accounts;
		this.provider = provider;
		this.links = links;
		this.properties = properties;
		this.clock = clock;
	}

	/** The coordinator, and whether she was appointed now (or had been before). */
	record Appointment(Coordinator coordinator, boolean appointedNow) {
	}

	Appointment appoint(String organisationId, AppointmentForm form, Caller caller) {
		directory.requireManagedBy(caller, organisationId);
		String email = form.email().strip();
		String name = form.displayName().strip();
		Account account = accounts.forPerson(email, name, form.preferredLocale(), organisationId, ROLE);
		Optional<Coordinator> existing = coordinators.findById(account.id());
		if (existing.isPresent() && !existing.get().isRemoved()) {
			if (!existing.get().coordinates(organisationId)) {
				throw coordinatesElsewhere();
			}
			grantAccess(account, organisationId); // mends an account changed by hand at the provider
			return new Appointment(existing.get(), false);
		}
		if (account.roles().contains(ROLE) && account.organisationId() != null
				&& !organisationId.equals(account.organisationId())) {
			throw coordinatesElsewhere();
		}
		existing.ifPresent(Coordinator::requireReappointable);
		grantAccess(account, organisationId);
		AccountLink link = account.passwordSet() ? null
				: links.issue(LinkPurpose.SET_PASSWORD, account.id(), account.id(),
						properties.accounts().invitationValidity());
		String linkId = link == null ? null : link.id();
		Instant linkExpiresAt = link == null ? null : link.expiresAt();
		Instant now = clock.instant();
		Coordinator coordinator;
		if (existing.isPresent()) {
			coordinator = existing.get();
			coordinator.reappoint(organisationId, name, email, form.preferredLocale(), linkId, linkExpiresAt,
					caller.subject(), now);
		}
		else {
			coordinator = Coordinator.appoint(account.id(), organisationId, name, email, form.preferredLocale(),
					linkId, linkExpiresAt, caller.subject(), now);
		}
		try {
			return new Appointment(coordinators.save(coordinator), true);
		}
		catch (DuplicateKeyException appointedMeanwhile) {
			Coordinator other = coordinators.findById(account.id()).orElseThrow(() -> appointedMeanwhile);
			if (!other.coordinates(organisationId)) {
				throw coordinatesElsewhere();
			}
			return new Appointment(other, false);
		}
	}

	/**
	 * Sends her the link to set her password again (the earlier one stops working), while she has
	 * not set one.
	 */
	Coordinator resendInvitation(String organisationId, String accountId, Caller caller) {
		Coordinator coordinator = directory.managedBy(caller, organisationId, accountId);
		Account account = accounts.find(accountId)
			.orElseThrow(() -> new ConflictException("no-account", ProblemText.of("coordinator.account-no-longer-exists")));
		if (account.passwordSet()) {
			throw new ConflictException("password-set",
					ProblemText.of("coordinator.she-chosen-password-already"));
		}
		AccountLink link = links.reissue(accountId, accountId,
				properties.accounts().invitationValidity());
		coordinator.passwordLinkIssued("INVITATION", link.id(), link.expiresAt(), clock.instant());
		return coordinators.save(coordinator);
	}

	/** Gives the account the coordinator role for the organisation, keeping its other roles. */
	private void grantAccess(Account account, String organisationId) {
		if (account.roles().contains(ROLE) && organisationId.equals(account.organisationId())) {
			return;
		}
		List<String> roles = new ArrayList<>(account.roles());
		if (!roles.contains(ROLE)) {
			roles.add(ROLE);
		}
		provider.changeAccess(account.id(), new AccountAccess(organisationId, roles, account.enabled()));
	}

	private static ConflictException coordinatesElsewhere() {
		return new ConflictException("coordinates-elsewhere", ProblemText.of("coordinator.account-address-coordinates-another"), "email");
	}

}
