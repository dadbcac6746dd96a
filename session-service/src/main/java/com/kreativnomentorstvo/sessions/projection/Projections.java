package com.kreativnomentorstvo.sessions.projection;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.matching.MatchAccepted;
import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.participants.OrganisationRegistered;
import com.kreativnomentorstvo.events.participants.OrganisationUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.Role;

/**
 * Keeps the read models other services' events feed: participants (non-personal data), display
 * names, organisations and match proposals (programmes are the platform's {@code ProgrammeDirectory}). Every
 * update is idempotent and keeps the newest version, so redelivered and late events do no harm.
 */
@Service
public class Projections {

	private static final Logger log = LoggerFactory.getLogger(Projections.class);

	private final Participants participants;

	private final ParticipantNames names;

	private final MatchProposals proposals;

	private final Organisations organisations;

	Projections(Participants participants, ParticipantNames names, MatchProposals proposals,
			Organisations organisations) {
		this.participants = participants;
		this.names = names;
		this.proposals = proposals;
		this.organisations = organisations;
	}

	public void organisationRegistered(OrganisationRegistered event) {
		organisation(event.organisationId(), event.name(), event.country(), event.kind(), -1);
	}

	public void organisationUpdated(OrganisationUpdated event) {
		organisation(event.organisationId(), event.name(), event.country(), event.kind(), event.version());
	}

	private void organisation(String id, String name, String country, String kind, long version) {
		Organisation organisation = organisations.findById(id).orElseGet(() -> Organisation.withId(id));
		if (organisation.apply(name, country, kind, version)) {
			organisations.save(organisation);
		}
	}

	public void participantEnrolled(ParticipantEnrolled event) {
		Participant participant = participants.findById(event.profile().participantId())
			.orElseGet(() -> Participant.withId(event.profile().participantId()));
		if (participant.apply(event.profile(), 0)) {
			participants.save(participant);
		}
	}

	public void participantProfileUpdated(ParticipantProfileUpdated event) {
		Participant participant = participants.findById(event.profile().participantId())
			.orElseGet(() -> Participant.withId(event.profile().participantId()));
		if (participant.apply(event.profile(), event.version())) {
			participants.save(participant);
		}
	}

	/** The decision on her application: admitted, she takes part in the programme's events; rejected, she does not. */
	public void participantDecided(String participantId, ParticipantStatus decision) {
		Participant participant = participants.findById(participantId).orElseGet(() -> Participant.withId(participantId));
		participant.decided(decision);
		participants.save(participant);
	}

	/** Marks her as withdrawn; what she was part of is ended elsewhere. */
	public void participantWithdrawn(String participantId, String programmeId, String organisationId, Role role) {
		Participant participant = participants.findById(participantId).orElseGet(() -> Participant.withId(participantId));
		participant.withdrawn(programmeId, organisationId, role);
		participants.save(participant);
	}

	/** Keeps only that she was erased (so a late event cannot bring her back) and drops her name. */
	public void participantErased(String participantId, String programmeId, String organisationId) {
		Participant participant = participants.findById(participantId).orElseGet(() -> Participant.withId(participantId));
		participant.erased(programmeId, organisationId);
		participants.save(participant);
		names.deleteById(participantId);
	}

	public void contactChanged(ParticipantContactChanged event) {
		Participant participant = participants.findById(event.participantId()).orElse(null);
		if (participant != null && participant.getStanding() == Participant.Standing.ERASED) {
			return;
		}
		ParticipantName current = names.findById(event.participantId()).orElse(null);
		Instant changedAt = event.changedAt() == null ? Instant.EPOCH : event.changedAt();
		if (current == null || !changedAt.isBefore(current.getChangedAt())) {
			names.save(new ParticipantName(event.participantId(), event.displayName(), event.preferredLocale(), changedAt));
		}
	}

	/** The contacts topic's tombstone: her contact record no longer exists. */
	public void contactErased(String participantId) {
		names.deleteById(participantId);
	}

	public void matchProposed(MatchProposed event) {
		MatchProposal proposal = proposals.findById(event.matchId()).orElseGet(() -> MatchProposal.withId(event.matchId()));
		proposal.proposed(event.programmeId(), event.mentorId(), event.menteeId(), event.proposedAt(), event.respondBy());
		proposals.save(proposal);
	}

	public void matchAccepted(MatchAccepted event) {
		MatchProposal proposal = proposals.findById(event.matchId()).orElseGet(() -> MatchProposal.withId(event.matchId()));
		proposal.pair(event.programmeId(), event.mentorId(), event.menteeId());
		if (!proposal.accepted(event.acceptedBy())) {
			log.debug("Match {} accepted by {}, who is not a side of it: ignored", event.matchId(), event.acceptedBy());
		}
		proposals.save(proposal);
	}

	public void matchDeclined(MatchDeclined event) {
		close(event.matchId(), event.programmeId(), event.mentorId(), event.menteeId(), MatchProposal.State.DECLINED);
	}

	public void matchExpired(MatchExpired event) {
		close(event.matchId(), event.programmeId(), event.mentorId(), event.menteeId(), MatchProposal.State.EXPIRED);
	}

	/** Both sides said yes: the proposal is answered. */
	public void mentorshipStarted(String matchId, String programmeId, String mentorId, String menteeId) {
		if (matchId != null) {
			close(matchId, programmeId, mentorId, menteeId, MatchProposal.State.STARTED);
		}
	}

	private void close(String matchId, String programmeId, String mentorId, String menteeId,
			MatchProposal.State state) {
		MatchProposal proposal = proposals.findById(matchId).orElseGet(() -> MatchProposal.withId(matchId));
		proposal.pair(programmeId, mentorId, menteeId);
		proposal.close(state);
		proposals.save(proposal);
	}

}
