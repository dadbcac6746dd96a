package com.kreativnomentorstvo.notifications.privacy;

/**
 * One part of what this service holds about a participant, for her GDPR export. Each feature that
 * keeps something about a person declares one (ordered with {@code @Order}); the export gathers
 * them all, so a feature that starts keeping personal data adds its section next to its data.
 */
public interface PersonalDataSection {

	/** The key of the section in the export's {@code data}. */
	String name();

	/** What the feature holds about the participant, as plain values for JSON; never a link token. */
	Object of(String participantId);

}
