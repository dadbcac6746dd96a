package com.kreativnomentorstvo.sessions.mentorship;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Who may see and act on a pair: its two members, the coordinators of its programme's
 * organiser and partners, and administrators. Everyone else learns nothing (404).
 */
@Component
public class MentorshipAccess {

	private final Mentorships mentorships;

	private final ProgrammeDirectory programmes;

	MentorshipAccess(Mentorships mentorships, ProgrammeDirectory programmes) {
		this.mentorships = mentorships;
		this.programmes = programmes;
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
		return caller.asOneOf(mentorship.members()).isPresent() || coordinates(caller, mentorship);
	}

	public boolean coordinates(Caller caller, Mentorship mentorship) {
		return programmes.coordinates(caller, mentorship.getProgrammeId(), mentorship.getOrganisationId());
	}

}
