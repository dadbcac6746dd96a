package com.kreativnomentorstvo.sessions.mentorship;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.programmes.ProgrammeStatuses;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.sessions.projection.PairAccess;
import com.kreativnomentorstvo.sessions.projection.Stewardship;

/**
 * Who may see and act on a pair: its two members; its programme's runners (administrators and the
 * organiser's coordinators); the stewards of either member ({@link Stewardship}). Everyone else,
 * the programme's other partners included, learns nothing (404). The rules are {@link PairAccess}'s,
 * shared with the pair's sessions.
 */
@Component
public class MentorshipAccess extends PairAccess<Mentorship> {

	MentorshipAccess(Mentorships mentorships, Stewardship stewardship, ProgrammeStatuses statuses) {
		super("mentorship", mentorships::findById, stewardship, statuses);
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
		return new Member(mentorship, requireMember(caller, mentorship));
	}

	/**
	 * As {@link #asMember}, for what changes the pair's things (goals, check-ins, reviews, messages):
	 * 409 naming {@code status} once its programme is ARCHIVED.
	 */
	public Member asWritingMember(Caller caller, String mentorshipId) {
		Member member = asMember(caller, mentorshipId);
		changeable(member.mentorship());
		return member;
	}

	/** Whether the caller sees what is private to the pair: she is in it, or stewards one of them. */
	public boolean seesPrivateParts(Caller caller, Mentorship mentorship) {
		return memberOf(caller, mentorship).isPresent() || stewards(caller, mentorship);
	}

}
