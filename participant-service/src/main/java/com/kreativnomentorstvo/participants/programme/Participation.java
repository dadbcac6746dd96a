package com.kreativnomentorstvo.participants.programme;

import java.util.Set;

import com.kreativnomentorstvo.platform.security.Caller;

/**
 * What programmes need to know about their participants. Implemented where participants are
 * known, so that programmes need not know about them.
 */
public interface Participation {

	/** The programmes in which the caller herself is enrolled. */
	Set<String> programmesOf(Caller caller);

	/** The taxonomy codes that the programme's participants have chosen as skills or goals. */
	Set<String> codesInUse(String programmeId);

}
