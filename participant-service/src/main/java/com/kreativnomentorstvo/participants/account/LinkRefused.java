package com.kreativnomentorstvo.participants.account;

import java.util.Locale;
import java.util.Optional;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException;

/** A link from an e-mail that does not work (422 naming the token), and why, for the page that says so. */
public class LinkRefused extends InvalidFieldsException {

	private final Reason reason;

	private final AccountLink link;

	/** Why a link does not work. */
	public enum Reason {

		INVALID("is not a valid link"), USED("has been used already"),
		REPLACED("was replaced by a newer link; use the one in the latest e-mail"), EXPIRED("has expired"),
		GONE("belongs to an application that has expired or was withdrawn");

		private final String message;

		Reason(String message) {
			this.message = message;
		}

		/** The reason as a page's message key, e.g. {@code link.expired}. */
		public String messageKey() {
			return "link." + name().toLowerCase(Locale.ROOT);
		}

	}

	public LinkRefused(Reason reason) {
		this(reason, null);
	}

	/** @param link the link refused, if it is known (used, replaced or expired), so a page can speak its recipient's language */
	public LinkRefused(Reason reason, AccountLink link) {
		super(AccountLinks.TOKEN_FIELD, reason.message);
		this.reason = reason;
		this.link = link;
	}

	public Reason reason() {
		return reason;
	}

	/** The link refused, if it is known. */
	public Optional<AccountLink> link() {
		return Optional.ofNullable(link);
	}

}
