package com.kreativnomentorstvo.participants.account;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * Sets an account's password through a link from an e-mail (an invitation, an admission or a
 * reset): the link works once, and only while it is the account's latest.
 */
@Service
public class Passwords {

	/** Shortest password taken, in characters (NIST SP 800-63B asks for at least 8). */
	static final int MIN_LENGTH = 10;

	/** Longest password taken, in UTF-8 bytes: what bcrypt (the local server's hash) reads. */
	static final int MAX_BYTES = 72;

	private final AccountLinks links;

	private final IdentityProvider provider;

	Passwords(AccountLinks links, IdentityProvider provider) {
		this.links = links;
		this.provider = provider;
	}

	/** The link of a token, if it works: to show the page that asks for the password. */
	AccountLink link(String token) {
		return links.check(LinkPurpose.SET_PASSWORD, token);
	}

	/**
	 * Sets the password.
	 * @throws WeakPassword naming {@code password}, or LinkRefused naming {@code token}
	 */
	void set(String token, String password) {
		checkStrength(password);
		AccountLink link = links.claim(LinkPurpose.SET_PASSWORD, token);
		try {
			provider.setPassword(link.accountId(), password);
		}
		catch (RuntimeException ex) {
			links.release(link);
			throw ex;
		}
		// other links to her account set a password she has chosen now: they stop working
		links.retire(link.accountId(), link.id());
	}

	static void checkStrength(String password) {
		int length = password == null ? 0 : password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			throw new WeakPassword("password.too-short", ProblemText.of("account.password-too-short", MIN_LENGTH));
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new WeakPassword("password.too-long", ProblemText.of("account.password-too-long", MAX_BYTES));
		}
		if (password.codePoints().distinct().count() < 4) {
			throw new WeakPassword("password.too-weak", ProblemText.of("account.password-too-weak"));
		}
	}

}
