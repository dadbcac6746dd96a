package com.kreativnomentorstvo.sessions.mentorship;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.projection.Stewardship;

/**
 * Who may see and act on a pair: its two members; its programme's runners (administrators and the
 * organiser's coordinators); the stewards of either member ({@link Stewardship}). Everyone else,
 * the programme's other partners included, learns nothing (404).
 */
@Component
public class MentorshipAccess {

	private final Mentorships mentorships;

	private final Stewardship stewardship;

	MentorshipAccess(Mentorships mentorships, Stewardship stewardship) {
		this.mentorships = mentorships;
		this.stewardship = stewardship;
	}

	/** The mentorship, if the caller may see it; otherwise 404. */
	public Mentorship visible(Caller caller, String mentorshipId) {
		Mentorship mentorship = mentorships.findById(mentorshipId).orElse(null);
		if (mentorship == null || !canSee(caller, mentorship)) {
			throw new ResourceNotFoundException("mentorship", mentorshipId);
		}
		return mentorship;
	}

	/** A pair, and which of the caller's enrolments is in it. */
	public record Member(Mentorship mentorship, String participantId) {
	}

	/**
	 * The mentorship, if one of the caller's enrolments is in the pair, with that enrolment (403 for
	 * its coordinators, 404 for others).
	 */
	public Member asMember(Caller caller, String mentorshipId) {
		Mentorship mentorship = visible(caller, mentorshipId);
		String participantId = caller.asOneOf(mentorship.members())
			.orElseThrow(() -> new AccessDeniedException("only the pair itself may do this"));
		return new Member(mentorship, participantId);
	}

	public boolean canSee(Caller caller, Mentorship mentorship) {
		return caller.asOneOf(mentorship.members()).isPresent() || runs(caller, mentorship)
				|| stewards(caller, mentorship);
	}

	/** Whether the caller runs the pair's programme. */
	public boolean runs(Caller caller, Mentorship mentorship) {
		return stewardship.runs(caller, mentorship.getProgrammeId(), mentorship.getOrganisationId());
	}

	/** Whether the caller stewards either member of the pair. */
	public boolean stewards(Caller caller, Mentorship mentorship) {
		return stewardship.stewardsAnyOf(caller, mentorship.members());
	}

	/** Whether the caller sees what is private to the pair: she is in it, or stewards one of them. */
	public boolean seesPrivateParts(Caller caller, Mentorship mentorship) {
		return caller.asOneOf(mentorship.members()).isPresent() || stewards(caller, mentorship);
	}

}
