package com.kreativnomentorstvo.notifications.recipient;

import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.template.NotificationKind;

/**
 * Sections {@code recipient} and {@code preferences} of the GDPR export: the recipient record
 * (enrolment facts from the profile, name, address, language and time zone from the contact record)
 * and the notification preferences.
 */
@Component
public class RecipientPersonalData {

	private final RecipientDirectory recipients;

	private final PreferencesStore preferences;

	RecipientPersonalData(RecipientDirectory recipients, PreferencesStore preferences) {
		this.recipients = recipients;
		this.preferences = preferences;
	}

	/** Her recipient record, or {@code null} if there is none. */
	public RecipientRecord recipient(String participantId) {
		return recipients.find(participantId)
			.map(r -> new RecipientRecord(r.id(), r.accountId(), r.programmeId(), r.organisationId(), r.role(),
					r.status(), r.displayName(), r.email(), r.contactLocale(), r.profileLocale(), r.contactTimeZone(),
					r.profileTimeZone(), r.contactChangedAt() == null || Instant.EPOCH.equals(r.contactChangedAt())
							? null : r.contactChangedAt()))
			.orElse(null);
	}

	/** What she chose, or the defaults she has while she chose nothing. */
	public PreferencesRecord preferences(String participantId) {
		Preferences chosen = preferences.of(participantId);
		boolean staff = recipients.find(participantId).map(Recipient::isStaff).orElse(false);
		Map<String, Preferences.ChannelChoice> kinds = new LinkedHashMap<>();
		for (NotificationKind kind : NotificationKind.values()) {
			if (kind.choosableBy(staff)) {
				kinds.put(kind.code(), chosen.choice(kind));
			}
		}
		return new PreferencesRecord(chosen.locale(), kinds, chosen.quietFrom(), chosen.quietTo(),
				chosen.digest().name(), chosen.digestAt(), chosen.revision());
	}

	/** The recipient record as exported. */
	public record RecipientRecord(String participantId, String accountId, String programmeId, String organisationId,
			String role, String status, String displayName, String email, String contactLocale, String profileLocale,
			String contactTimeZone, String profileTimeZone, Instant contactChangedAt) {
	}

	/** The preferences as exported. */
	public record PreferencesRecord(String locale, Map<String, Preferences.ChannelChoice> kinds, LocalTime quietFrom,
			LocalTime quietTo, String digest, LocalTime digestAt, long version) {
	}

}
