package com.kreativnomentorstvo.authserver.persona;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * A demo user: signs in with {@code username}/{@code password} and is also a confidential client of the same
 * name and secret.
 *
 * @param username the login name, the {@code client_id} and the tokens' {@code sub}
 * @param password plain text (a local-development default) or a Spring Security hash such as {@code {bcrypt}...}
 * @param org the organisation id ({@code org} claim)
 * @param roles any of {@code admin}, {@code coordinator}, {@code mentor}, {@code mentee} ({@code roles} claim)
 * @param participantId the participant id of a mentor or mentee ({@code participant_id} claim), else {@code null}
 */
public record Persona(String username, String password, String org, List<String> roles,
		@Nullable String participantId) {

	/** The roles the platform knows. */
	public static final Set<String> ROLES = Set.of("admin", "coordinator", "mentor", "mentee");

	public Persona {
		Assert.hasText(username, "a persona needs a username");
		Assert.hasText(password, () -> "persona " + username + " needs a password");
		Assert.hasText(org, () -> "persona " + username + " needs an org");
		Assert.notEmpty(roles, () -> "persona " + username + " needs at least one role");
		roles = List.copyOf(roles);
		for (String role : roles) {
			Assert.isTrue(ROLES.contains(role), () -> "persona " + username + " has unknown role '" + role
					+ "'; known roles are " + ROLES);
		}
		participantId = StringUtils.hasText(participantId) ? participantId : null;
		Assert.isTrue(participantId != null || !(roles.contains("mentor") || roles.contains("mentee")),
				() -> "persona " + username + " is a mentor or mentee and needs a participant-id");
	}

	/** The password in Spring Security's {@code {id}encoded} form; plain text is stored as {@code {noop}}. */
	public String encodedPassword() {
		return password.startsWith("{") ? password : "{noop}" + password;
	}

	@Override
	public String toString() {
		return "Persona[" + username + ", org=" + org + ", roles=" + roles
				+ (participantId != null ? ", participantId=" + participantId : "") + "]";
	}

}
