package com.kreativnomentorstvo.matching.scoring;

import java.util.List;

import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.events.participants.Skill;
import com.kreativnomentorstvo.events.participants.WeeklySlot;

/**
 * What scoring knows about a participant: no name, no contact, no free text.
 *
 * @param skills a mentor's skills with level 1–5
 * @param goals a mentee's goals with priority 1–5
 * @param preferredMentorIds mentors a mentee asked for
 * @param avoidedParticipantIds people this participant asked not to be paired with
 */
public record Profile(String participantId, String organisationId, String country, String city,
		List<String> languages, List<Skill> skills, List<Skill> goals, Format format, String timeZone,
		List<WeeklySlot> availability, List<String> preferredMentorIds, List<String> avoidedParticipantIds) {

	public Profile {
		languages = languages == null ? List.of() : List.copyOf(languages);
		skills = skills == null ? List.of() : List.copyOf(skills);
		goals = goals == null ? List.of() : List.copyOf(goals);
		availability = availability == null ? List.of() : List.copyOf(availability);
		preferredMentorIds = preferredMentorIds == null ? List.of() : List.copyOf(preferredMentorIds);
		avoidedParticipantIds = avoidedParticipantIds == null ? List.of() : List.copyOf(avoidedParticipantIds);
	}

}
