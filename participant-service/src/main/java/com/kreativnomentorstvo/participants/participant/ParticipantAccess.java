package com.kreativnomentorstvo.participants.participant;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Who may see and act on which participant, by the tenancy model of a shared programme: she
 * herself; her steward's coordinators ({@link ProgrammeAccess#stewards}: her organisation's, or the
 * organiser's if her organisation is not part of the programme) and administrators, who act on
 * her and see everything; the programme's other coordinators, who see her profile card only and
 * are refused (403) what only she or her steward may do. The other side of a pair matching-service
 * formed with her sees her card (and her address once their mentorship started), and so does a
 * mentee of her programme when she is one of its admitted mentors (to choose whom to ask). Anyone
 * else gets 404, as if she did not exist.
 */
@Component
public class ParticipantAccess {

	private final Participants participants;

	private final ProgrammeAccess programmes;

	private final Pairs pairs;

	ParticipantAccess(Participants participants, ProgrammeAccess programmes, Pairs pairs) {
		this.participants = participants;
		this.programmes = programmes;
		this.pairs = pairs;
	}

	/** How much of a participant a caller sees. */
	public enum Visibility {

		/** Her steward's coordinators and administrators: everything, review reasons included. */
		STEWARD,

		/** She herself: everything but the coordinators' review reasons (she finds them in her export). */
		SELF,

		/** Her mentorship's other member: the profile card, her address and her time zone. */
		PARTNER,

		/**
		 * The programme's other coordinators, the other side of a proposal, and the programme's mentees
		 * when she is one of its mentors: the profile card.
		 */
		CARD

	}

	/**
	 * The participant if the caller is she or coordinates her programme (perhaps only seeing her
	 * card); 404 otherwise, once she is erased, and while her application waits for her to confirm
	 * her address (it does not count yet).
	 */
	public Participant readableBy(Caller caller, String id) {
		return participants.findById(id)
			.filter(participant -> !participant.isErased())
			.filter(participant -> participant.getPending() != Pending.ADDRESS_CONFIRMATION)
			.filter(participant -> isSelf(caller, participant) || coordinates(caller, participant)
					|| acquaintance(caller, participant).isPresent())
			.orElseThrow(() -> new ResourceNotFoundException("participant", id));
	}

	/**
	 * The participant if the caller stewards her (admissions, removals, invitations); 403 for
	 * herself and for the programme's other coordinators, 404 for anyone else.
	 */
	public Participant stewardedBy(Caller caller, String id) {
		Participant participant = readableBy(caller, id);
		if (!stewards(caller, participant)) {
			throw new AccessDeniedException("only the coordinators of her own organisation may do this");
		}
		return participant;
	}

	/**
	 * The participant if the caller is she or stewards her, for changes either may make (her
	 * profile, consent, withdrawal); 403 for the programme's other coordinators, 404 for anyone else.
	 */
	public Participant changeableBy(Caller caller, String id) {
		Participant participant = readableBy(caller, id);
		if (!isSelf(caller, participant) && !stewards(caller, participant)) {
			throw new AccessDeniedException("only she or the coordinators of her own organisation may do this");
		}
		return participant;
	}

	/**
	 * The participant if the caller is she or stewards her, for what only they may read (her data
	 * export, her consent record); 404 for everyone else, the programme's other coordinators included.
	 */
	public Participant privateTo(Caller caller, String id) {
		Participant participant = readableBy(caller, id);
		if (!isSelf(caller, participant) && !stewards(caller, participant)) {
			throw new ResourceNotFoundException("participant", id);
		}
		return participant;
	}

	/**
	 * Like {@link #changeableBy} but also finds her erased record, so that erasing twice is
	 * harmless: 403 for the programme's other coordinators while she is not erased, 404 for anyone else.
	 */
	public Participant erasableBy(Caller caller, String id) {
		Participant participant = participants.findById(id)
			.filter(p -> isSelf(caller, p) || coordinates(caller, p))
			.orElseThrow(() -> new ResourceNotFoundException("participant", id));
		if (isSelf(caller, participant) || stewards(caller, participant)) {
			return participant;
		}
		if (participant.isErased() || participant.getPending() == Pending.ADDRESS_CONFIRMATION) {
			throw new ResourceNotFoundException("participant", id);
		}
		throw new AccessDeniedException("only she or the coordinators of her own organisation may do this");
	}

	/**
	 * Whether the participant is one of the caller's enrolments (her record belongs to the caller's
	 * account), also one made in this very request.
	 */
	public boolean isSelf(Caller caller, Participant participant) {
		return caller.is(participant.getId()) || !participant.isErased() && caller.subject() != null
				&& caller.subject().equals(participant.getAccountId());
	}

	/** Whether the caller administers the platform or coordinates the participant's programme. */
	public boolean coordinates(Caller caller, Participant participant) {
		if (caller.isAdmin()) {
			return true;
		}
		return caller.isCoordinator()
				&& programmes.coordinates(caller, programmes.existing(participant.getProgrammeId()));
	}

	/** Whether the caller stewards the participant: administrators and her steward's coordinators. */
	public boolean stewards(Caller caller, Participant participant) {
		if (caller.isAdmin()) {
			return true;
		}
		return caller.isCoordinator() && stewards(caller, programmes.existing(participant.getProgrammeId()),
				participant);
	}

	/** {@link #stewards(Caller, Participant)} with her programme at hand (for lists). */
	public boolean stewards(Caller caller, Programme programme, Participant participant) {
		return programmes.stewards(caller, programme, participant.getOrganisationId());
	}

	/** How much of the participant the caller sees (she must be {@link #readableBy readable} to her). */
	public Visibility visibility(Caller caller, Participant participant) {
		if (stewards(caller, participant)) {
			return Visibility.STEWARD;
		}
		if (isSelf(caller, participant)) {
			return Visibility.SELF;
		}
		return acquaintance(caller, participant).orElse(Visibility.CARD);
	}

	/**
	 * What a participant sees of another who is not she: the other side of a pair matching-service
	 * formed between them ({@link Visibility#PARTNER} once their mentorship started, the card while
	 * proposed, nothing once declined or expired), or the card of an admitted mentor of a programme
	 * in which the caller is an admitted mentee.
	 */
	private Optional<Visibility> acquaintance(Caller caller, Participant participant) {
		if (!caller.isParticipant()) {
			return Optional.empty();
		}
		Optional<Pair.Stage> paired = pairs.between(participant.getId(), caller.participantIds());
		if (paired.isPresent() && paired.get().partners()) {
			return Optional.of(Visibility.PARTNER);
		}
		if (paired.isPresent() && paired.get().acquainted() || mentorOfMyCohort(caller, participant)) {
			return Optional.of(Visibility.CARD);
		}
		return Optional.empty();
	}

	private boolean mentorOfMyCohort(Caller caller, Participant participant) {
		return participant.getRole() == Role.MENTOR && admitted(participant) && participants
			.findAllById(caller.participantIds())
			.stream()
			.anyMatch(mine -> mine.getRole() == Role.MENTEE && admitted(mine) && !mine.isErased()
					&& mine.getProgrammeId().equals(participant.getProgrammeId()));
	}

	private static boolean admitted(Participant participant) {
		return participant.getStatus() == ParticipantStatus.ACCEPTED
				|| participant.getStatus() == ParticipantStatus.ACTIVE;
	}

}
