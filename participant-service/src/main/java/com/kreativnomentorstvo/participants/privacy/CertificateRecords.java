package com.kreativnomentorstvo.participants.privacy;

import java.time.LocalDate;
import java.util.List;

import com.kreativnomentorstvo.events.participants.Role;

/**
 * A participant's participation certificates as her rights reach them: her export lists them, her
 * erasure deletes them. Declared here and implemented by the certificate feature, so that privacy
 * does not depend on it (the certificate feature uses the rate limits of onboarding, which reaches
 * privacy through coordinators' removal).
 */
public interface CertificateRecords {

	/** Her certificates: the codes anyone can check them by, and their programmes. */
	List<Held> heldBy(String participantId);

	/** Deletes her certificates; their codes verify nothing any more. */
	void forget(String participantId);

	/** One certificate as her export lists it. */
	record Held(String code, String programmeId, String programme, Role role, LocalDate completedOn) {
	}

}
