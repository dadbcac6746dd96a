package com.kreativnomentorstvo.events.participants;

import java.util.List;

/**
 * What other services may know about a participant: everything matching and scheduling need,
 * nothing that identifies the person (no name, e-mail address or free text; those travel on the
 * contacts topic only).
 *
 * @param skills for a mentor, the skills offered with their level
 * @param goals for a mentee, the goals sought with their priority
 * @param capacity for a mentor, how many mentees she takes on; 0 for a mentee
 * @param preferredMentorIds for a mentee, mentors she asked for
 * @param avoidedParticipantIds people the participant asked not to be paired with
 * @param accountId the account (the tokens' {@code sub}) the enrolment belongs to, once known: how every
 *     service tells which enrolments are the caller's
 */
public record ParticipantProfile(String participantId, String programmeId, String organisationId, Role role,
		ParticipantStatus status, String country, String city, List<String> languages, String preferredLocale,
		List<Skill> skills, List<Skill> goals, Format format, String timeZone, List<WeeklySlot> availability,
		int capacity, List<String> preferredMentorIds, List<String> avoidedParticipantIds, String accountId) {
}
