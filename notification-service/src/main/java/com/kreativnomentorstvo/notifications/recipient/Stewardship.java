package com.kreativnomentorstvo.notifications.recipient;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.security.Caller;

/**
 * Which organisation looks after a participant (her steward): her own organisation if it
 * organises or partners in her programme, otherwise the programme's organiser. Her steward's
 * coordinators (and admins) see her inbox, delivery log and preferences and the meeting links of
 * her sessions; other organisations of the programme see her profile card only. While her
 * programme is unknown here, her own organisation stands in for the steward.
 */
@Component
public class Stewardship {

	private final ProgrammeDirectory programmes;

	Stewardship(ProgrammeDirectory programmes) {
		this.programmes = programmes;
	}

	/** The steward of a participant of the programme who belongs to the organisation. */
	public static String stewardOf(Optional<Programme> programme, String organisationId) {
		return programme.filter(p -> organisationId == null || !p.organisations().contains(organisationId))
			.map(Programme::organiserId)
			.orElse(organisationId);
	}

	/** The steward of a participant of the programme who belongs to the organisation. */
	public String stewardOf(String programmeId, String organisationId) {
		return stewardOf(programmes.find(programmeId), organisationId);
	}

	/** Whether the caller is an admin or a coordinator of the participant's steward. */
	public boolean stewards(Caller caller, Recipient participant) {
		if (caller.isAdmin()) {
			return true;
		}
		return caller.isCoordinator() && caller.organisationId() != null && !participant.isStaff()
				&& caller.organisationId().equals(stewardOf(participant.programmeId(), participant.organisationId()));
	}

}
