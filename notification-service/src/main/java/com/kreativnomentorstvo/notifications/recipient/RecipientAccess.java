package com.kreativnomentorstvo.notifications.recipient;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Who may see a participant's notifications and preferences: she herself, admins, and the
 * coordinators of her programme (its organiser and partners). Anyone else gets 404.
 */
@Component
public class RecipientAccess {

	private final RecipientDirectory recipients;

	private final ProgrammeDirectory programmes;

	RecipientAccess(RecipientDirectory recipients, ProgrammeDirectory programmes) {
		this.recipients = recipients;
		this.programmes = programmes;
	}

	/** Passes if the caller may read the participant's things, else throws 404. */
	public void checkRead(Caller caller, String participantId, String resource) {
		if (!mayRead(caller, participantId)) {
			throw new ResourceNotFoundException(resource, participantId);
		}
	}

	/** Passes for the participant herself and admins; 403 for her coordinators, 404 for anyone else. */
	public void checkWrite(Caller caller, String participantId, String resource) {
		if (caller.is(participantId) || caller.isAdmin()) {
			return;
		}
		checkRead(caller, participantId, resource);
		throw new AccessDeniedException("only the participant changes her preferences");
	}

	private boolean mayRead(Caller caller, String participantId) {
		if (caller.is(participantId) || caller.isAdmin()) {
			return true;
		}
		if (!caller.isCoordinator()) {
			return false;
		}
		return recipients.find(participantId)
			.map(r -> programmes.coordinates(caller, r.programmeId(), r.organisationId()))
			.orElse(false);
	}

}
