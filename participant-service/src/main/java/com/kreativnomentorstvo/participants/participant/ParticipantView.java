package com.kreativnomentorstvo.participants.participant;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.Role;

/**
 * A participant as the API shows her: whole to herself and to her steward's coordinators (a
 * review's reason only to the latter; she finds it in her data export), as her profile card
 * (name, organisation, country, city, languages, bio, skills, goals, format, role, status) to her
 * programme's other coordinators and to the other side of a proposal, and as the card with her
 * address and time zone to her mentorship's other member.
 *
 * @param pending what the enrolment still waits for ({@code PROFILE_COMPLETION} for an invitation)
 * @param accountId the account her enrolment belongs to, once she has one
 * @param answers her answers to the programme's own questions
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipantView(String id, String programmeId, Role role, ParticipantStatus status, String displayName,
		String email, String organisationId, String country, String city, List<String> languages,
		String preferredLocale, List<SkillLevel> skills, List<SkillLevel> goals, String bio, Format format,
		String timeZone, List<Slot> availability, Integer capacity, List<String> preferredMentorIds,
		List<String> avoidedParticipantIds, Consent consent, Review review, Pending pending, String accountId,
		List<Answer> answers, Instant enrolledAt, Instant updatedAt, long version) {

	/** A weekly window as {@code HH:mm} times. */
	public record Slot(DayOfWeek day, String from, String to) {
	}

	/** The view of a participant; {@code withReviewReason} for her steward's coordinators. */
	public static ParticipantView of(Participant participant, boolean withReviewReason) {
		return of(participant, withReviewReason ? ParticipantAccess.Visibility.STEWARD
				: ParticipantAccess.Visibility.SELF);
	}

	/**
	 * The view of a participant for a caller who sees her so: the whole record (review reasons only
	 * for her steward), or the profile card, which shows no contact data, review, answers, consent
	 * or account.
	 */
	public static ParticipantView of(Participant participant, ParticipantAccess.Visibility visibility) {
		ProfileDetails details = participant.getDetails();
		long version = participant.getVersion() == null ? 0 : participant.getVersion();
		if (visibility == ParticipantAccess.Visibility.CARD) {
			return new ParticipantView(participant.getId(), participant.getProgrammeId(), participant.getRole(),
					participant.getStatus(), details.displayName(), null, participant.getOrganisationId(),
					details.country(), details.city(), details.languages(), null, details.skills(), details.goals(),
					details.bio(), details.format(), null, null, null, null, null, null, null, null, null, null, null,
					null, version);
		}
		if (visibility == ParticipantAccess.Visibility.PARTNER) {
			return new ParticipantView(participant.getId(), participant.getProgrammeId(), participant.getRole(),
					participant.getStatus(), details.displayName(), details.email(), participant.getOrganisationId(),
					details.country(), details.city(), details.languages(), null, details.skills(), details.goals(),
					details.bio(), details.format(), details.timeZone(), null, null, null, null, null, null, null,
					null, null, null, null, version);
		}
		Review review = participant.getReview();
		if (review != null && visibility != ParticipantAccess.Visibility.STEWARD) {
			review = new Review(review.decision(), null, review.decidedAt(), null);
		}
		return new ParticipantView(participant.getId(), participant.getProgrammeId(), participant.getRole(),
				participant.getStatus(), details.displayName(), details.email(), participant.getOrganisationId(),
				details.country(), details.city(), details.languages(), details.preferredLocale(), details.skills(),
				details.goals(), details.bio(), details.format(), details.timeZone(),
				details.availability()
					.stream()
					.map(w -> new Slot(w.day(), w.from().toString(), w.to().toString()))
					.toList(),
				details.capacity(), details.preferredMentorIds(), details.avoidedParticipantIds(),
				participant.getConsent(), review, participant.getPending(), participant.getAccountId(),
				participant.getAnswers(), participant.getEnrolledAt(), participant.getUpdatedAt(), version);
	}

}
