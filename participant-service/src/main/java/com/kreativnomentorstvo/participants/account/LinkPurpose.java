package com.kreativnomentorstvo.participants.account;

/** What a link in an account e-mail does; part of what its signature covers. */
public enum LinkPurpose {

	/** Confirms the e-mail address of an application. */
	CONFIRM_ADDRESS,

	/** Sets an account's password: the first one (invitation, admission) or a new one (reset). */
	SET_PASSWORD,

	/** Enrols a mentor of an earlier cycle in the next one, with one click. */
	RETURN_AS_MENTOR

}
