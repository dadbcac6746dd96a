package com.kreativnomentorstvo.participants.coordinator;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.kreativnomentorstvo.participants.validation.MessageLocale;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.participants.web.Changes;

import jakarta.validation.constraints.Size;

/**
 * A merge patch of a coordinator: her name and the language of messages to her; neither can be
 * removed. Her address is her account's, so it is not a field here.
 */
class CoordinatorChanges extends Changes {

	@Size(min = 1, max = 120)
	@PlainText
	private String displayName;

	@MessageLocale
	private String preferredLocale;

	public void setDisplayName(String displayName) {
		this.displayName = sent("displayName", displayName);
	}

	public void setPreferredLocale(String preferredLocale) {
		this.preferredLocale = sent("preferredLocale", preferredLocale);
	}

	/** Applies the patch; whether anything changed. */
	boolean applyTo(Coordinator coordinator, Instant at) {
		requireValues(List.of("displayName", "preferredLocale"), Arrays.asList(displayName, preferredLocale));
		return coordinator.changeContact(
				valueOr("displayName", displayName == null ? null : displayName.strip(), coordinator::getDisplayName),
				coordinator.getEmail(), valueOr("preferredLocale", preferredLocale, coordinator::getPreferredLocale),
				at);
	}

}
