package com.kreativnomentorstvo.participants.account;

import java.util.Locale;
import java.util.Optional;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/** A link from an e-mail that does not work (422 naming the token), and why, for the page that says so. */
public class LinkRefused extends InvalidFieldsException {

	private final Reason reason;

	private final AccountLink link;

	/** Why a link does not work. */
	public enum Reason {

		INVALID, USED, REPLACED, EXPIRED, GONE;

		/** The reason as the API's problem text, e.g. {@code account.link-expired}. */
		public ProblemText text() {
			return ProblemText.of("account.link-" + name().toLowerCase(Locale.ROOT));
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
		super(AccountLinks.TOKEN_FIELD, reason.text());
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
