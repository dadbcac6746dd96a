package com.kreativnomentorstvo.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking, from the bearer token: the organisation, roles and, for mentors and mentees, the
 * participant the account belongs to. Controllers take it as a parameter.
 */
public record Caller(String subject, String organisationId, Set<Role> roles, String participantId) {

	/** Claim holding the organisation id. */
	public static final String ORGANISATION_CLAIM = "org";

	/** Claim holding the list of roles. */
	public static final String ROLES_CLAIM = "roles";

	/** Claim holding the participant id of a mentor or mentee. */
	public static final String PARTICIPANT_CLAIM = "participant_id";

	public Caller {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	/** The roles a token can carry. */
	public enum Role {

		ADMIN, COORDINATOR, MENTOR, MENTEE;

		/** The Spring Security authority of the role, e.g. {@code ROLE_ADMIN}. */
		public String authority() {
			return "ROLE_" + name();
		}

	}

	public static Caller from(Jwt jwt) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Collection<String> claimed = jwt.getClaimAsStringList(ROLES_CLAIM);
		if (claimed != null) {
			for (String role : claimed) {
				try {
					roles.add(Role.valueOf(role.toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException unknownRole) {
					// a role this platform does not know grants nothing
				}
			}
		}
		return new Caller(jwt.getSubject(), jwt.getClaimAsString(ORGANISATION_CLAIM), roles,
				jwt.getClaimAsString(PARTICIPANT_CLAIM));
	}

	public boolean isAdmin() {
		return roles.contains(Role.ADMIN);
	}

	public boolean isCoordinator() {
		return roles.contains(Role.COORDINATOR);
	}

	/** Whether the caller is the given participant. */
	public boolean is(String participantId) {
		return this.participantId != null && this.participantId.equals(participantId);
	}

	/** Whether the caller coordinates for, or administers, one of the given organisations. */
	public boolean coordinatesFor(Collection<String> organisationIds) {
		return isAdmin() || (isCoordinator() && organisationId != null && organisationIds.contains(organisationId));
	}

}
