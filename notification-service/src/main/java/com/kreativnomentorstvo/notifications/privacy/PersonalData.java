package com.kreativnomentorstvo.notifications.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.notifications.delivery.DeliveryPersonalData;
import com.kreativnomentorstvo.notifications.inbox.InboxPersonalData;
import com.kreativnomentorstvo.notifications.recipient.RecipientAccess;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.recipient.RecipientPersonalData;
import com.kreativnomentorstvo.notifications.reminder.ReminderPersonalData;
import com.kreativnomentorstvo.notifications.webhook.WebhookPersonalData;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * What this service holds about a participant, for the GDPR export that participant-service gathers
 * from every service: one section per feature that keeps something about her, as plain values and
 * never with a link's token. A feature that starts keeping personal data adds its section here.
 */
@Service
class PersonalData {

	/** The service's name in the export, and the last segment of its path. */
	static final String SERVICE = "notifications";

	private final RecipientDirectory recipients;

	private final RecipientAccess access;

	private final RecipientPersonalData recipient;

	private final InboxPersonalData inbox;

	private final DeliveryPersonalData emails;

	private final WebhookPersonalData webhooks;

	private final ReminderPersonalData reminders;

	private final Clock clock;

	PersonalData(RecipientDirectory recipients, RecipientAccess access, RecipientPersonalData recipient,
			InboxPersonalData inbox, DeliveryPersonalData emails, WebhookPersonalData webhooks,
			ReminderPersonalData reminders, Clock clock) {
		this.recipients = recipients;
		this.access = access;
		this.recipient = recipient;
		this.inbox = inbox;
		this.emails = emails;
		this.webhooks = webhooks;
		this.reminders = reminders;
		this.clock = clock;
	}

	/**
	 * Her export, for herself, her steward's coordinators and admins ({@link RecipientAccess}); 404
	 * for anyone else, and for a participant this service does not know or has erased.
	 */
	PersonalDataExport export(String participantId, Caller caller) {
		if (recipients.isErased(participantId) || recipients.find(participantId).isEmpty()) {
			throw new ResourceNotFoundException("participant", participantId);
		}
		access.checkRead(caller, participantId, "participant");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("recipient", recipient.recipient(participantId));
		data.put("preferences", recipient.preferences(participantId));
		data.put("inbox", inbox.of(participantId));
		data.put("deliveries", emails.of(participantId));
		data.put("webhookDeliveries", webhooks.of(participantId));
		data.put("reminders", reminders.of(participantId));
		return new PersonalDataExport(SERVICE, participantId, clock.instant(), data);
	}

	/** The export contract every consuming service answers with. */
	record PersonalDataExport(String service, String participantId, Instant exportedAt, Map<String, Object> data) {
	}

}
