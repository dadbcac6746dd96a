package com.kreativnomentorstvo.participants.coordinator;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.account.Account;
import com.kreativnomentorstvo.participants.account.AccountAccess;
import com.kreativnomentorstvo.participants.account.AccountLinks;
import com.kreativnomentorstvo.participants.account.IdentityProvider;
import com.kreativnomentorstvo.participants.participant.EnrolmentAccounts;
import com.kreativnomentorstvo.participants.privacy.ContactTombstones;
import com.kreativnomentorstvo.platform.security.Caller;

/**
 * Removes a coordinator: her account loses the coordinator role at once (and is deleted if no
 * enrolment of hers needs it), and her removal is her erasure here: her contact details are
 * scrubbed, the links sent to her forgotten, and the contacts topic gets her tombstone. Removing
 * her again, or someone who is not a coordinator of the organisation, does nothing.
 */
@Service
class Removals {

	private final CoordinatorDirectory directory;

	private final Coordinators coordinators;

	private final IdentityProvider provider;

	private final AccountLinks links;

	private final EnrolmentAccounts enrolmentAccounts;

	private final ContactTombstones tombstones;

	private final Clock clock;

	Removals(CoordinatorDirectory directory, Coordinators coordinators, IdentityProvider provider,
			AccountLinks links, EnrolmentAccounts enrolmentAccounts, ContactTombstones tombstones, Clock clock) {
		this.directory = directory;
		this.coordinators = coordinators;
		this.provider = provider;
		this.links = links;
		this.enrolmentAccounts = enrolmentAccounts;
		this.tombstones = tombstones;
		this.clock = clock;
	}

	void remove(String organisationId, String accountId, Caller caller) {
		directory.requireManagedBy(caller, organisationId);
		Optional<Coordinator> found = coordinators.findById(accountId)
			.filter(coordinator -> organisationId.equals(coordinator.getOrganisationId()));
		if (found.isEmpty()) {
			return;
		}
		Coordinator coordinator = found.get();
		if (!coordinator.isRemoved()) {
			// first at the provider: if it is down, nothing changes here (503) and she can be removed again
			provider.find(accountId).ifPresent(this::revokeRole);
			coordinator.remove(clock.instant());
			coordinators.save(coordinator);
			links.forget(accountId, null);
			enrolmentAccounts.sync(accountId);
		}
		// also retries a tombstone a crash left unwritten
		tombstones.publishSoon(Coordinator.class, accountId);
	}

	private void revokeRole(Account account) {
		if (!account.roles().contains(Appointments.ROLE)) {
			return;
		}
		List<String> roles = account.roles().stream().filter(role -> !Appointments.ROLE.equals(role)).toList();
		provider.changeAccess(account.id(), new AccountAccess(account.organisationId(), roles, account.enabled()));
	}

}
