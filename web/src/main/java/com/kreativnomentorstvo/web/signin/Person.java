package com.kreativnomentorstvo.web.signin;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person, as her ID token describes her: her account, name, e-mail address,
 * organisation, roles and language. What she may see is decided by the services on every call;
 * the roles here only choose which pages and links to offer.
 */
public record Person(String accountId, String name, String email, String organisationId, Set<String> roles,
		String locale) {

	/** The person signed in on this request, if anyone is. */
	public static Optional<Person> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
			return Optional.of(of(user));
		}
		return Optional.empty();
	}

	static Person of(OidcUser user) {
		List<String> roles = user.getClaimAsStringList("roles");
		String name = user.getFullName() != null ? user.getFullName() : user.getEmail();
		return new Person(user.getSubject(), name, user.getEmail(), user.getClaimAsString("org"),
				roles == null ? Set.of() : Set.copyOf(roles), user.getLocale());
	}

	public boolean isAdmin() {
		return roles.contains("admin");
	}

	public boolean isCoordinator() {
		return roles.contains("coordinator") || isAdmin();
	}

	public boolean isMentor() {
		return roles.contains("mentor");
	}

	public boolean isMentee() {
		return roles.contains("mentee");
	}

	/** Takes part in a programme as mentor or mentee. */
	public boolean isParticipant() {
		return isMentor() || isMentee();
	}

}
