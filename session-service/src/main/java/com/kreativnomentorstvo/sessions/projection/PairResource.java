package com.kreativnomentorstvo.sessions.projection;

import java.util.List;

/**
 * What belongs to one pair of a programme: the mentorship itself or one of its sessions. Who may see
 * it follows from its two members and its programme ({@link PairAccess}).
 */
public interface PairResource {

	String getMentorId();

	String getMenteeId();

	String getProgrammeId();

	/** The pair's organisation, which stands in for the programme's organiser until that is known. */
	String getOrganisationId();

	/** The mentor and the mentee, in this order. */
	default List<String> members() {
		return List.of(getMentorId(), getMenteeId());
	}

	default boolean hasMember(String participantId) {
		return participantId != null && (participantId.equals(getMentorId()) || participantId.equals(getMenteeId()));
	}

}
