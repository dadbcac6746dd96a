package com.kreativnomentorstvo.notifications.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.inbox.Details;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.recipient.Stewardship;
import com.kreativnomentorstvo.notifications.template.NotificationKind;

/**
 * What coordinators are told about the programmes they run and the pairs they look after: for a
 * pair, each member's steward's
 * coordinators (her own organisation's, or the organiser's when hers is not part of the
 * programme), each once even when she looks after both. They read it in their inbox and by e-mail,
 * in the daily or weekly digest they chose (a coordinator's default) or at once.
 */
@Component
public class CoordinatorNotices {

	private final Notifier notifier;

	private final RecipientDirectory recipients;

	private final Stewardship stewardship;

	CoordinatorNotices(Notifier notifier, RecipientDirectory recipients, Stewardship stewardship) {
		this.notifier = notifier;
		this.recipients = recipients;
		this.stewardship = stewardship;
	}

	/**
	 * Tells the coordinators who run the programme (its organiser's; the organisation named if the
	 * programme is not known here yet).
	 */
	public void aboutProgramme(NotificationKind kind, String cause, String programmeId, String organisationId,
			Details details) {
		String runner = stewardship.stewardOf(programmeId, null);
		for (Recipient coordinator : recipients.coordinatorsOf(runner != null ? runner : organisationId)) {
			notifier.notify(new Notifier.Notice(kind, cause, coordinator.id(), programmeId, organisationId, details));
		}
	}

	/**
	 * Tells the pair's coordinators.
	 *
	 * @param cause the event (or reminder) that gives the notice its identity, so it is sent once
	 */
	public void aboutPair(NotificationKind kind, String cause, String programmeId, String organisationId,
			String mentorId, String menteeId, Details details) {
		Map<String, Recipient> coordinators = new LinkedHashMap<>();
		for (String member : new String[] { mentorId, menteeId }) {
			Optional<Recipient> known = recipients.find(member);
			String memberOrganisation = known.map(Recipient::organisationId).orElse(organisationId);
			String steward = stewardship.stewardOf(programmeId, memberOrganisation);
			recipients.coordinatorsOf(steward).forEach(c -> coordinators.putIfAbsent(c.id(), c));
		}
		Details aboutThePair = details.pair(mentorId, menteeId);
		for (Recipient coordinator : coordinators.values()) {
			notifier.notify(new Notifier.Notice(kind, cause, coordinator.id(), programmeId, organisationId,
					aboutThePair));
		}
	}

}
