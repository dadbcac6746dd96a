package com.kreativnomentorstvo.authserver.persona;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import com.kreativnomentorstvo.authserver.account.Roles;

/**
 * A demo user: an account that signs in with {@code username} (or {@code email}) and {@code password}, and also a
 * confidential client of the same name and secret whose tokens speak for that account.
 *
 * @param username the login name and the {@code client_id}
 * @param password plain text (a local-development default) or a Spring Security hash such as {@code {bcrypt}...}
 * @param email the account's address; the platform links the demo participants to their accounts by it
 * @param displayName the name in ID tokens; the username if not given
 * @param locale the language of her pages; {@code en} if not given
 * @param org the organisation id ({@code org} claim)
 * @param roles any of {@code admin}, {@code coordinator}, {@code mentor}, {@code mentee} ({@code roles} claim)
 */
public record Persona(String username, String password, String email, @Nullable String displayName,
		@Nullable String locale, String org, List<String> roles) {

	public Persona {
		Assert.hasText(username, "a persona needs a username");
		Assert.isTrue(!username.contains("@"), () -> "persona " + username + ": a username has no '@'");
		Assert.hasText(password, () -> "persona " + username + " needs a password");
		Assert.isTrue(StringUtils.hasText(email) && email.contains("@"),
				() -> "persona " + username + " needs an email address");
		Assert.hasText(org, () -> "persona " + username + " needs an org");
		Assert.notEmpty(roles, () -> "persona " + username + " needs at least one role");
		roles = List.copyOf(roles);
		for (String role : roles) {
			Assert.isTrue(Roles.KNOWN.contains(role), () -> "persona " + username + " has unknown role '" + role
					+ "'; known roles are " + Roles.KNOWN);
		}
		displayName = StringUtils.hasText(displayName) ? displayName.strip() : username;
		locale = StringUtils.hasText(locale) ? locale.strip() : "en";
	}

	/**
	 * The persona's account id, the tokens' {@code sub}: a name-based UUID of the username, so that it is the same
	 * on every start and on every machine.
	 */
	public String accountId() {
		return accountIdOf(username);
	}

	/** The account id of the persona with this username. */
	public static String accountIdOf(String username) {
		return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** The password in Spring Security's {@code {id}encoded} form; plain text is stored as {@code {noop}}. */
	public String encodedPassword() {
		return hashed() ? password : "{noop}" + password;
	}

	/** Whether the file gives a hash rather than the password itself. */
	public boolean hashed() {
		return password.startsWith("{");
	}

	@Override
	public String toString() {
		return "Persona[" + username + ", org=" + org + ", roles=" + roles + "]";
	}

}
