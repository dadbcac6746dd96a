package com.kreativnomentorstvo.notifications.recipient;

import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.privacy.PersonalDataSection;
import com.kreativnomentorstvo.notifications.template.NotificationKind;

/**
 * The recipient record (enrolment facts from the profile, name, address, language and time zone
 * from the contact record) and the notification preferences, for the GDPR export.
 */
class RecipientPersonalData {

	/** Section {@code recipient}. */
	@Component
	@Order(10)
	static class RecipientSection implements PersonalDataSection {

		private final RecipientDirectory recipients;

		RecipientSection(RecipientDirectory recipients) {
			this.recipients = recipients;
		}

		@Override
		public String name() {
			return "recipient";
		}

		@Override
		public Object of(String participantId) {
			return recipients.find(participantId)
				.map(r -> new RecipientRecord(r.id(), r.accountId(), r.programmeId(), r.organisationId(), r.role(),
						r.status(), r.displayName(), r.email(), r.contactLocale(), r.profileLocale(), r.contactTimeZone(),
						r.profileTimeZone(), r.contactChangedAt() == null || Instant.EPOCH.equals(r.contactChangedAt())
								? null : r.contactChangedAt()))
				.orElse(null);
		}

	}

	/** Section {@code preferences}: what she chose, or the defaults she has while she chose nothing. */
	@Component
	@Order(20)
	static class PreferencesSection implements PersonalDataSection {

		private final PreferencesStore preferences;

		private final RecipientDirectory recipients;

		PreferencesSection(PreferencesStore preferences, RecipientDirectory recipients) {
			this.preferences = preferences;
			this.recipients = recipients;
		}

		@Override
		public String name() {
			return "preferences";
		}

		@Override
		public Object of(String participantId) {
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

	}

	/** The recipient record as exported. */
	record RecipientRecord(String participantId, String accountId, String programmeId, String organisationId,
			String role, String status, String displayName, String email, String contactLocale, String profileLocale,
			String contactTimeZone, String profileTimeZone, Instant contactChangedAt) {
	}

	/** The preferences as exported. */
	record PreferencesRecord(String locale, Map<String, Preferences.ChannelChoice> kinds, LocalTime quietFrom,
			LocalTime quietTo, String digest, LocalTime digestAt, long version) {
	}

	private RecipientPersonalData() {
	}

}
