package com.kreativnomentorstvo.participants.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.kreativnomentorstvo.events.participants.Role;

/**
 * What one certificate says, before it is worded in a language.
 *
 * @param programmeName the programme's name for every language
 * @param programmeNames its names by language tag (may be empty)
 * @param organiser the organiser's name
 * @param partners the partner organisations' names, in the programme's order
 * @param verificationUrl where anyone checks the code (the code already appended)
 */
record CertificatePage(String person, Role role, String programmeName, Map<String, String> programmeNames,
		LocalDate startsOn, LocalDate endsOn, LocalDate completedOn, String organiser, List<String> partners,
		String code, String verificationUrl) {
}
