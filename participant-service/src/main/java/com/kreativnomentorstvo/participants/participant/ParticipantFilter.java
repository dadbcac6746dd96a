package com.kreativnomentorstvo.participants.participant;

import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.Role;

/**
 * What a list of participants is narrowed to; every part is optional.
 *
 * @param skill a taxonomy code among her skills (mentors) or goals (mentees)
 * @param q text in her display name or e-mail address
 */
record ParticipantFilter(String programmeId, Role role, String country, String organisationId, String skill,
		ParticipantStatus status, String q) {
}
