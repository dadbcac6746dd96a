package com.kreativnomentorstvo.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking: the account (the token's {@code sub}), its organisation and roles from the token,
 * and the enrolments (participant ids) the account holds, which each service knows from the
 * events it received ({@link AccountEnrolments}), not from the token. A person can hold several
 * enrolments: mentor in one programme, mentee in another, or one per yearly cycle. Controllers
 * take it as a parameter.
 */
public record Caller(String subject, String organisationId, Set<Role> roles, Set<String> participantIds) {

	/** Claim holding the organisation id. */
	public static final String ORGANISATION_CLAIM = "org";

	/** Claim holding the list of roles. */
	public static final String ROLES_CLAIM = "roles";

	public Caller {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		participantIds = participantIds == null ? Set.of() : Set.copyOf(participantIds);
	}

	/** The roles a token can carry. */
	public enum Role {

		ADMIN, COORDINATOR, MENTOR, MENTEE;

		/** The Spring Security authority of the role, e.g. {@code ROLE_ADMIN}. */
		public String authority() {
			return "ROLE_" + name();
		}

	}

	/** The caller of a token, holding the given enrolments. */
	public static Caller from(Jwt jwt, Set<String> enrolments) {
		return new Caller(jwt.getSubject(), jwt.getClaimAsString(ORGANISATION_CLAIM), rolesOf(jwt), enrolments);
	}

	/** The roles the token grants; a role this platform does not know grants nothing. */
	public static Set<Role> rolesOf(Jwt jwt) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Collection<String> claimed = jwt.getClaimAsStringList(ROLES_CLAIM);
		if (claimed != null) {
			for (String role : claimed) {
				try {
					roles.add(Role.valueOf(role.toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException unknownRole) {
					// grants nothing
				}
			}
		}
		return roles;
	}

	public boolean isAdmin() {
		return roles.contains(Role.ADMIN);
	}

	public boolean isCoordinator() {
		return roles.contains(Role.COORDINATOR);
	}

	/** Whether the caller holds an enrolment in any programme. */
	public boolean isParticipant() {
		return !participantIds.isEmpty();
	}

	/** Whether the given participant is one of the caller's enrolments. */
	public boolean is(String participantId) {
		return participantId != null && participantIds.contains(participantId);
	}

	/**
	 * Which of the caller's enrolments takes part in something with the given members (a match, a
	 * mentorship, a session): the first of them that is hers.
	 */
	public Optional<String> asOneOf(Collection<String> memberIds) {
		return memberIds.stream().filter(this::is).findFirst();
	}

	/** Whether the caller coordinates for, or administers, one of the given organisations. */
	public boolean coordinatesFor(Collection<String> organisationIds) {
		return isAdmin() || (isCoordinator() && organisationId != null && organisationIds.contains(organisationId));
	}

}
