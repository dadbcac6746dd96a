package com.kreativnomentorstvo.participants.coordinator;

import java.time.Clock;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.organisation.OrganisationDirectory;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.web.PreconditionFailedException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.platform.web.Versions;

/**
 * Who may see and manage an organisation's coordinators (administrators and the organisation's own
 * coordinators; a coordinator also sees and corrects her own record), the list of them, and
 * corrections of a coordinator's name and language. To anyone else an organisation's coordinators
 * do not exist: 404.
 */
@Service
class CoordinatorDirectory {

	private final Coordinators coordinators;

	private final OrganisationDirectory organisations;

	private final Clock clock;

	CoordinatorDirectory(Coordinators coordinators, OrganisationDirectory organisations, Clock clock) {
		this.coordinators = coordinators;
		this.organisations = organisations;
		this.clock = clock;
	}

	/**
	 * Checks that the caller manages the organisation's coordinators.
	 * @throws ResourceNotFoundException if she does not, or the organisation is not registered
	 */
	void requireManagedBy(Caller caller, String organisationId) {
		if (!manages(caller, organisationId) || !organisations.isRegistered(organisationId)) {
			throw new ResourceNotFoundException("organisation", organisationId);
		}
	}

	/** The organisation's coordinators (not the removed ones), by name. */
	PageOf<Coordinator> list(Caller caller, String organisationId, int page, int size) {
		requireManagedBy(caller, organisationId);
		Page<Coordinator> found = coordinators.findByOrganisationIdAndRemovedAtIsNull(organisationId,
				PageRequest.of(page, size, Sort.by("displayName", "id")));
		return new PageOf<>(found.getContent(), page, size, found.getTotalElements());
	}

	/** A coordinator of the organisation, for those who manage them and for herself. */
	Coordinator readableBy(Caller caller, String organisationId, String accountId) {
		if (!accountId.equals(caller.subject())) {
			requireManagedBy(caller, organisationId);
		}
		return coordinators.findById(accountId)
			.filter(coordinator -> coordinator.coordinates(organisationId))
			.orElseThrow(() -> new ResourceNotFoundException("coordinator", accountId));
	}

	/** A coordinator of the organisation, for those who manage them. */
	Coordinator managedBy(Caller caller, String organisationId, String accountId) {
		requireManagedBy(caller, organisationId);
		return coordinators.findById(accountId)
			.filter(coordinator -> coordinator.coordinates(organisationId))
			.orElseThrow(() -> new ResourceNotFoundException("coordinator", accountId));
	}

	/** Applies a merge patch of her name and language; {@code If-Match} is required, as for every PATCH here. */
	Coordinator change(String organisationId, String accountId, CoordinatorChanges changes, String ifMatch,
			Caller caller) {
		Coordinator coordinator = readableBy(caller, organisationId, accountId);
		Versions.requireMatch(ifMatch, coordinator.getVersion(), "coordinator");
		if (!changes.applyTo(coordinator, clock.instant())) {
			return coordinator;
		}
		try {
			return coordinators.save(coordinator);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new PreconditionFailedException(ProblemText.of("coordinator.coordinator-changed-someone-else"));
		}
	}

	private static boolean manages(Caller caller, String organisationId) {
		return caller.isAdmin() || (caller.isCoordinator() && organisationId.equals(caller.organisationId()));
	}

}
