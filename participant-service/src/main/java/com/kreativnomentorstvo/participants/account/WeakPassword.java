package com.kreativnomentorstvo.participants.account;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/** A password the platform does not take (422 naming {@code password}), with the page's message key. */
class WeakPassword extends InvalidFieldsException {

	private final String messageKey;

	/**
	 * @param messageKey the page's message key
	 * @param text what is wrong, for the API's problem
	 */
	WeakPassword(String messageKey, ProblemText text) {
		super("password", text);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return messageKey;
	}

}
