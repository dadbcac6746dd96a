package com.kreativnomentorstvo.participants.participant;

import java.util.List;
import java.util.Objects;

import com.kreativnomentorstvo.events.participants.Format;

/**
 * What a participant tells about herself: contact details, the profile matching works with, and a
 * short bio. Personal data all of it; erasure removes it whole.
 *
 * @param capacity for a mentor, how many mentees she takes on; {@code null} for a mentee
 */
public record ProfileDetails(String displayName, String email, String country, String city, List<String> languages,
		String preferredLocale, List<SkillLevel> skills, List<SkillLevel> goals, String bio, Format format,
		String timeZone, List<WeeklyWindow> availability, Integer capacity, List<String> preferredMentorIds,
		List<String> avoidedParticipantIds) {

	public ProfileDetails {
		languages = copy(languages);
		skills = copy(skills);
		goals = copy(goals);
		availability = copy(availability);
		preferredMentorIds = copy(preferredMentorIds);
		avoidedParticipantIds = copy(avoidedParticipantIds);
	}

	private static <T> List<T> copy(List<T> list) {
		return list == null ? List.of() : List.copyOf(list);
	}

	/** Whether what travels on the contacts topic differs. */
	boolean contactDiffers(ProfileDetails other) {
		return !Objects.equals(displayName, other.displayName) || !Objects.equals(email, other.email)
				|| !Objects.equals(preferredLocale, other.preferredLocale) || !Objects.equals(timeZone, other.timeZone);
	}

	/** Whether what travels in profile events differs. */
	boolean profileDiffers(ProfileDetails other) {
		return !Objects.equals(country, other.country) || !Objects.equals(city, other.city)
				|| !languages.equals(other.languages) || !Objects.equals(preferredLocale, other.preferredLocale)
				|| !skills.equals(other.skills) || !goals.equals(other.goals) || format != other.format
				|| !Objects.equals(timeZone, other.timeZone) || !availability.equals(other.availability)
				|| !Objects.equals(capacity, other.capacity) || !preferredMentorIds.equals(other.preferredMentorIds)
				|| !avoidedParticipantIds.equals(other.avoidedParticipantIds);
	}

}
