package com.kreativnomentorstvo.notifications.recipient;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Who may see a recipient's notifications, delivery log, preferences and personal-data export. A
 * participant's: she herself (any of her account's enrolments), admins, and the coordinators of her
 * steward ({@link Stewardship}: her organisation, or the organiser when her organisation is not
 * part of the programme). Another organisation of the same programme sees her profile card
 * elsewhere, never these. A coordinator's own (staff) ones, keyed by her account id: she herself
 * and admins. Anyone else gets 404.
 */
@Component
public class RecipientAccess {

	private final RecipientDirectory recipients;

	private final Stewardship stewardship;

	RecipientAccess(RecipientDirectory recipients, Stewardship stewardship) {
		this.recipients = recipients;
		this.stewardship = stewardship;
	}

	/**
	 * The caller's own recipient ids: her enrolments, and for a coordinator her account (what she
	 * receives as staff). Empty for an account that is neither.
	 */
	public Set<String> own(Caller caller) {
		Set<String> own = new LinkedHashSet<>(caller.participantIds());
		if (caller.isCoordinator() && caller.subject() != null && isStaffOrUnknown(caller.subject())) {
			own.add(caller.subject());
		}
		return Set.copyOf(own);
	}

	/** Whether the recipient is the caller herself (one of her enrolments, or her staff record). */
	public boolean isOwn(Caller caller, String recipientId) {
		if (recipientId == null) {
			return false;
		}
		return caller.is(recipientId) || (caller.isCoordinator() && recipientId.equals(caller.subject())
				&& isStaffOrUnknown(recipientId));
	}

	/** Passes if the caller may read the recipient's things, else throws 404. */
	public void checkRead(Caller caller, String recipientId, String resource) {
		if (!mayRead(caller, recipientId)) {
			throw new ResourceNotFoundException(resource, recipientId);
		}
	}

	/** Passes for the recipient herself and admins; 403 for her coordinators, 404 for anyone else. */
	public void checkWrite(Caller caller, String recipientId, String resource) {
		if (isOwn(caller, recipientId) || caller.isAdmin()) {
			return;
		}
		checkRead(caller, recipientId, resource);
		throw new AccessDeniedException("only the recipient changes her preferences");
	}

	private boolean mayRead(Caller caller, String recipientId) {
		if (isOwn(caller, recipientId) || caller.isAdmin()) {
			return true;
		}
		if (!caller.isCoordinator()) {
			return false;
		}
		// another coordinator's own messages are hers alone; a participant's are her steward's too
		return recipients.find(recipientId)
			.filter(r -> !r.isStaff())
			.map(r -> stewardship.stewards(caller, r))
			.orElse(false);
	}

	/** An account id that is not (also) a participant's id: a coordinator's, known as staff or not yet. */
	private boolean isStaffOrUnknown(String id) {
		return recipients.find(id).map(Recipient::isStaff).orElse(true);
	}

}
