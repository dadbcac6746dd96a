package com.kreativnomentorstvo.participants.account;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException;

/** A password the platform does not take (422 naming {@code password}), with the page's message key. */
class WeakPassword extends InvalidFieldsException {

	private final String messageKey;

	WeakPassword(String messageKey, String message) {
		super("password", message);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return messageKey;
	}

}
