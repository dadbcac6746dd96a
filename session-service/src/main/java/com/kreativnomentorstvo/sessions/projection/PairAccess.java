package com.kreativnomentorstvo.sessions.projection;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.security.access.AccessDeniedException;

import com.kreativnomentorstvo.platform.programmes.ProgrammeStatuses;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Who may see and act on what belongs to a pair, written once for the pair and its sessions: its two
 * members; its programme's runners (administrators and the organiser's coordinators); the stewards of
 * either member ({@link Stewardship}). Everyone else, the programme's other partners included, learns
 * nothing (404). Once the pair's programme is ARCHIVED, what belongs to the pair is read-only (409).
 *
 * @param <T> what is guarded: a mentorship or a session
 */
public abstract class PairAccess<T extends PairResource> {

	private final String kind;

	private final Function<String, Optional<T>> byId;

	private final Stewardship stewardship;

	private final ProgrammeStatuses statuses;

	/**
	 * @param kind what the 404 names ({@code mentorship}, {@code session})
	 * @param byId how one is found by its id
	 */
	protected PairAccess(String kind, Function<String, Optional<T>> byId, Stewardship stewardship,
			ProgrammeStatuses statuses) {
		this.kind = kind;
		this.byId = byId;
		this.stewardship = stewardship;
		this.statuses = statuses;
	}

	/** The one with the id, if the caller may see it; otherwise 404. */
	public T visible(Caller caller, String id) {
		T resource = byId.apply(id).orElse(null);
		if (resource == null || !canSee(caller, resource)) {
			throw new ResourceNotFoundException(kind, id);
		}
		return resource;
	}

	/**
	 * The one with the id, if the caller may see it (otherwise 404) and its programme still takes
	 * changes.
	 * @throws com.kreativnomentorstvo.platform.web.ConflictException naming {@code status} once the
	 *     programme is ARCHIVED
	 */
	public T writable(Caller caller, String id) {
		return changeable(visible(caller, id));
	}

	/**
	 * The pair's own thing, if its programme still takes changes.
	 * @throws com.kreativnomentorstvo.platform.web.ConflictException naming {@code status} once the
	 *     programme is ARCHIVED
	 */
	protected T changeable(T resource) {
		statuses.requireChangeable(resource.getProgrammeId());
		return resource;
	}

	/** Which of the caller's enrolments is in the pair, if any (none for coordinators). */
	public Optional<String> memberOf(Caller caller, T resource) {
		return caller.asOneOf(resource.members());
	}

	/** The caller's enrolment in the pair; 403 for anyone else, its coordinators included. */
	protected String requireMember(Caller caller, T resource) {
		return memberOf(caller, resource)
			.orElseThrow(() -> new AccessDeniedException("only the pair itself may do this"));
	}

	public boolean canSee(Caller caller, T resource) {
		return memberOf(caller, resource).isPresent() || runs(caller, resource) || stewards(caller, resource);
	}

	/** Whether the caller runs the pair's programme. */
	public boolean runs(Caller caller, T resource) {
		return stewardship.runs(caller, resource.getProgrammeId(), resource.getOrganisationId());
	}

	/** Whether the caller stewards either member of the pair. */
	public boolean stewards(Caller caller, T resource) {
		return stewardship.stewardsAnyOf(caller, resource.members());
	}

}
