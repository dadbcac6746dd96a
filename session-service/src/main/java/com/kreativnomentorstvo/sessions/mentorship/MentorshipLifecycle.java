package com.kreativnomentorstvo.sessions.mentorship;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.sessions.projection.Directory;
import com.kreativnomentorstvo.sessions.projection.Projections;

/**
 * Pairs begin and end as matching-service decides; a participant who leaves the programme ends
 * her pairs here at once, without waiting for matching-service to say so.
 */
@Service
public class MentorshipLifecycle {

	/** End reason when a member of the pair withdrew. */
	public static final String PARTICIPANT_WITHDRAWN = "PARTICIPANT_WITHDRAWN";

	/** End reason when a member of the pair was erased. */
	public static final String PARTICIPANT_ERASED = "PARTICIPANT_ERASED";

	private final Mentorships mentorships;

	private final Directory directory;

	private final Projections projections;

	private final ApplicationEventPublisher internalEvents;

	private final Clock clock;

	MentorshipLifecycle(Mentorships mentorships, Directory directory, Projections projections,
			ApplicationEventPublisher internalEvents, Clock clock) {
		this.mentorships = mentorships;
		this.directory = directory;
		this.projections = projections;
		this.internalEvents = internalEvents;
		this.clock = clock;
	}

	public void started(MentorshipStarted event) {
		projections.mentorshipStarted(event.matchId(), event.programmeId(), event.mentorId(), event.menteeId());
		if (mentorships.existsById(event.mentorshipId())) {
			return;
		}
		Mentorship mentorship = Mentorship.start(event);
		// the withdrawal of a member may have overtaken the start (different keys, any order)
		String leftReason = departureOf(event.mentorId());
		if (leftReason == null) {
			leftReason = departureOf(event.menteeId());
		}
		if (leftReason != null) {
			mentorship.end(leftReason, clock.instant());
		}
		mentorships.save(mentorship);
	}

	public void ended(MentorshipEnded event) {
		Mentorship mentorship = mentorships.findById(event.mentorshipId())
			.orElseGet(() -> Mentorship.knownFromItsEnd(event));
		Instant endedAt = event.endedAt() == null ? clock.instant() : event.endedAt();
		if (mentorship.end(event.reason(), endedAt)) {
			mentorships.save(mentorship);
		}
		internalEvents.publishEvent(new MentorshipClosed(mentorship.getId(), mentorship.getEndedAt()));
	}

	/** Ends every active pair the participant is in. */
	public void participantLeft(String participantId, String reason, Instant at) {
		for (Mentorship mentorship : mentorships.findWithMember(participantId)) {
			if (mentorship.end(reason, at)) {
				mentorships.save(mentorship);
			}
			if (mentorship.getStatus() == Mentorship.Status.ENDED) {
				internalEvents.publishEvent(new MentorshipClosed(mentorship.getId(), mentorship.getEndedAt()));
			}
		}
	}

	/** Removes the free text the participant wrote into her pairs' goals. */
	public int eraseTextOf(String participantId) {
		int scrubbed = 0;
		for (Mentorship mentorship : mentorships.findWithMember(participantId)) {
			int inThisPair = mentorship.scrubAuthoredBy(participantId);
			if (inThisPair > 0) {
				mentorships.save(mentorship);
				scrubbed += inThisPair;
			}
		}
		return scrubbed;
	}

	private String departureOf(String participantId) {
		return directory.participant(participantId).map(p -> switch (p.getStanding()) {
			case WITHDRAWN -> PARTICIPANT_WITHDRAWN;
			case ERASED -> PARTICIPANT_ERASED;
			case ACTIVE -> null;
		}).filter(reason -> reason != null).orElse(null);
	}

}
