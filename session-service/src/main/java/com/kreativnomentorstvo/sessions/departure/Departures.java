package com.kreativnomentorstvo.sessions.departure;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.sessions.calendar.CalendarFeeds;
import com.kreativnomentorstvo.sessions.mentorship.MentorshipLifecycle;
import com.kreativnomentorstvo.sessions.programmeevent.Invitations;
import com.kreativnomentorstvo.sessions.projection.Projections;

/**
 * What happens here when a participant leaves a programme, withdrawn or erased: her pairs end (so
 * their sessions after that moment are called off, {@code MENTORSHIP_ENDED}), her answers to group
 * events still to come are withdrawn, her calendar feed address stops working. What happened stays.
 * An erasure goes further (see {@code privacy.Erasure}, which starts here).
 */
@Service
public class Departures {

	private final Projections projections;

	private final MentorshipLifecycle mentorships;

	private final Invitations invitations;

	private final CalendarFeeds feeds;

	private final Clock clock;

	Departures(Projections projections, MentorshipLifecycle mentorships, Invitations invitations, CalendarFeeds feeds,
			Clock clock) {
		this.projections = projections;
		this.mentorships = mentorships;
		this.invitations = invitations;
		this.feeds = feeds;
		this.clock = clock;
	}

	/** She withdrew: her pairs end with {@code PARTICIPANT_WITHDRAWN}. */
	public void withdrawn(ParticipantWithdrawn event) {
		projections.participantWithdrawn(event.participantId(), event.programmeId(), event.organisationId(),
				event.role());
		leave(event.participantId(), MentorshipLifecycle.PARTICIPANT_WITHDRAWN, event.withdrawnAt());
	}

	/**
	 * Ends what she takes part in: her pairs (with the reason given), her answers to events still to
	 * come, her feed.
	 * @param at when she left; now when the event did not say
	 */
	public void leave(String participantId, String reason, Instant at) {
		mentorships.participantLeft(participantId, reason, at == null ? clock.instant() : at);
		invitations.participantLeft(participantId);
		feeds.revoke(participantId);
	}

}
