package com.kreativnomentorstvo.participants.organisation;

import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.web.PreconditionFailedException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.platform.web.Versions;

/** Registers and corrects organisations, and answers who may see which. */
@Service
public class OrganisationDirectory {

	private final Organisations organisations;

	private final Acquaintances acquaintances;

	private final Clock clock;

	OrganisationDirectory(Organisations organisations, Acquaintances acquaintances, Clock clock) {
		this.organisations = organisations;
		this.acquaintances = acquaintances;
		this.clock = clock;
	}

	Organisation register(OrganisationForm form, Caller caller) {
		if (!caller.isAdmin()) {
			throw new AccessDeniedException("only administrators register organisations");
		}
		String id = form.id() != null ? form.id() : Ids.next("org");
		if (organisations.existsById(id)) {
			throw new ConflictException("already-exists", ProblemText.of("organisation.organisation-id-already-registered", id));
		}
		return organisations.save(Organisation.register(id, form, clock.instant()));
	}

	/**
	 * Applies a merge patch: administrators and the organisation's own coordinators may; others who
	 * see it get 403, those who do not 404. {@code If-Match} is required, as for every PATCH here.
	 */
	Organisation change(String id, OrganisationChanges changes, String ifMatch, Caller caller) {
		Organisation organisation = visibleTo(caller, id);
		if (!caller.isAdmin() && !(caller.isCoordinator() && id.equals(caller.organisationId()))) {
			throw new AccessDeniedException("only administrators and the organisation's coordinators change it");
		}
		Versions.requireMatch(ifMatch, organisation.getVersion(), "organisation");
		if (!changes.applyTo(organisation, clock.instant())) {
			return organisation;
		}
		try {
			return organisations.save(organisation);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new PreconditionFailedException(ProblemText.of("organisation.organisation-changed-someone-else"));
		}
	}

	Organisation visibleTo(Caller caller, String id) {
		return organisations.findById(id)
			.filter(organisation -> caller.isAdmin() || acquaintances.organisationsKnownTo(caller).contains(id))
			.orElseThrow(() -> new ResourceNotFoundException("organisation", id));
	}

	PageOf<Organisation> visibleTo(Caller caller, int page, int size) {
		PageRequest request = PageRequest.of(page, size, Sort.by("name", "id"));
		var found = caller.isAdmin() ? organisations.findAll(request)
				: organisations.findByIdIn(acquaintances.organisationsKnownTo(caller), request);
		return new PageOf<>(found.getContent(), page, size, found.getTotalElements());
	}

	/** The organisation, if it is registered. */
	public Optional<Organisation> find(String id) {
		return id == null ? Optional.empty() : organisations.findById(id);
	}

	/** Whether the organisation is registered. */
	public boolean isRegistered(String id) {
		return id != null && organisations.existsById(id);
	}

}
