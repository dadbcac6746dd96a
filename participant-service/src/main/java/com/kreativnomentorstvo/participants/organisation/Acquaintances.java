package com.kreativnomentorstvo.participants.organisation;

import java.util.Set;

import com.kreativnomentorstvo.platform.security.Caller;

/**
 * Which organisations someone who is not an administrator knows of: her own, and those she meets in
 * the programmes she coordinates or takes part in. Implemented where programmes and participants
 * are known, so that organisations need not know about them.
 */
public interface Acquaintances {

	/** The ids of the organisations the caller may see. */
	Set<String> organisationsKnownTo(Caller caller);

}
