package com.kreativnomentorstvo.participants.returning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.participants.account.AccountLink;
import com.kreativnomentorstvo.participants.account.AccountLinks;
import com.kreativnomentorstvo.participants.account.LinkPurpose;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.Participants;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.platform.retry.Conflicts;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * The organiser invites the mentors of the cycle a programme was copied from to return: every
 * mentor with an account who neither withdrew nor was erased gets one signed link, once.
 */
@Service
class ReturningMentors {

	private final ProgrammeAccess access;

	private final Participants participants;

	private final ReturnInvitations invitations;

	private final AccountLinks links;

	private final Duration validity;

	private final Clock clock;

	ReturningMentors(ProgrammeAccess access, Participants participants, ReturnInvitations invitations,
			AccountLinks links, ParticipantServiceProperties properties, Clock clock) {
		this.access = access;
		this.participants = participants;
		this.invitations = invitations;
		this.links = links;
		this.validity = properties.accounts().invitationValidity();
		this.clock = clock;
	}

	/**
	 * Invites the earlier cycle's mentors who were not invited yet.
	 * @throws InvalidFieldsException naming {@code programmeId} if the programme follows no earlier cycle
	 */
	ReturnTally invite(String programmeId, Caller caller) {
		Programme next = access.visibleTo(caller, programmeId);
		if (!access.runs(caller, next)) {
			throw new AccessDeniedException("only the organiser's coordinators may invite mentors back");
		}
		String previousId = next.getPreviousCycleId();
		if (previousId == null) {
			throw new InvalidFieldsException("programmeId", ProblemText.of("returning.no-previous-cycle"));
		}
		int invited = 0;
		int before = 0;
		int enrolled = 0;
		Set<String> accounts = new HashSet<>();
		for (Participant mentor : participants.findByProgrammeIdAndRole(previousId, Role.MENTOR)) {
			if (!returnable(mentor) || !accounts.add(mentor.getAccountId())) {
				continue;
			}
			if (invitations.existsById(ReturnInvitation.idOf(next.getId(), mentor.getAccountId()))) {
				before++;
			}
			else if (participants.existsByProgrammeIdAndAccountIdAndErasedAtIsNull(next.getId(),
					mentor.getAccountId())) {
				enrolled++;
			}
			else if (invite(mentor, next)) {
				invited++;
			}
			else {
				before++;
			}
		}
		return new ReturnTally(next.getId(), previousId, invited, before, enrolled);
	}

	private static boolean returnable(Participant mentor) {
		return !mentor.isErased() && mentor.isAnnounced() && mentor.getAccountId() != null
				&& mentor.getStatus() != ParticipantStatus.WITHDRAWN && mentor.getStatus() != ParticipantStatus.REJECTED;
	}

	/** @return whether she was invited now (false if a concurrent request did it first) */
	private boolean invite(Participant mentor, Programme next) {
		Instant now = clock.instant();
		AccountLink link = links.issue(LinkPurpose.RETURN_AS_MENTOR, mentor.getAccountId(), mentor.getId(), validity);
		String id = ReturnInvitation.idOf(next.getId(), mentor.getAccountId());
		try {
			invitations.insert(new ReturnInvitation(id, next.getId(), mentor.getAccountId(), mentor.getId(), link.id(),
					now, null));
		}
		catch (DuplicateKeyException raced) {
			return false;
		}
		try {
			Conflicts.retry(() -> {
				Participant current = participants.findById(mentor.getId()).orElseThrow();
				current.returnInvited(next.getId(), link.id(), link.expiresAt(), now);
				participants.save(current);
			});
		}
		catch (RuntimeException notAnnounced) {
			// the record alone would count her as invited, and the e-mail would never go out: the next click invites her
			invitations.deleteById(id);
			throw notAnnounced;
		}
		return true;
	}

}
