package com.kreativnomentorstvo.participants.returning;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.account.AccountLink;
import com.kreativnomentorstvo.participants.account.AccountLinks;
import com.kreativnomentorstvo.participants.account.LinkPurpose;
import com.kreativnomentorstvo.participants.account.LinkRefused;
import com.kreativnomentorstvo.participants.participant.Consent;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.Participants;
import com.kreativnomentorstvo.participants.participant.ProfileDetails;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.platform.Ids;

/**
 * A mentor returns with one click on her invitation: her account and profile carry over into an
 * admitted mentor enrolment of the next cycle. The link works once; a second click finds her in.
 */
@Service
class Returning {

	private final AccountLinks links;

	private final ReturnInvitations invitations;

	private final Participants participants;

	private final ProgrammeAccess programmes;

	private final MongoOperations mongo;

	private final Clock clock;

	Returning(AccountLinks links, ReturnInvitations invitations, Participants participants,
			ProgrammeAccess programmes, MongoOperations mongo, Clock clock) {
		this.links = links;
		this.invitations = invitations;
		this.participants = participants;
		this.programmes = programmes;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** What the page shows: the next programme and what of her carries over. */
	record Offer(Participant mentor, Programme programme) {
	}

	/** What her click did: her enrolment, and whether it was there already. */
	record Outcome(Participant enrolment, Programme programme, boolean already) {
	}

	/**
	 * The offer of a working link, for the page that asks her to click.
	 * @throws LinkRefused naming {@code token}
	 */
	Offer offer(String token) {
		AccountLink link = links.check(LinkPurpose.RETURN_AS_MENTOR, token);
		return new Offer(mentor(link), programme(invitation(link)));
	}

	/**
	 * Enrols her in the next cycle; her click is her consent. A used link whose enrolment exists
	 * answers that she is in already.
	 * @throws LinkRefused naming {@code token} for a forged, expired or otherwise unusable link
	 */
	Outcome accept(String token) {
		AccountLink link;
		try {
			link = links.claim(LinkPurpose.RETURN_AS_MENTOR, token);
		}
		catch (LinkRefused refused) {
			return refused.reason() == LinkRefused.Reason.USED ? alreadyIn(refused) : rethrow(refused);
		}
		try {
			return enrol(link);
		}
		catch (RuntimeException ex) {
			links.release(link);
			throw ex;
		}
	}

	/** The recipient of a refused link, if still known, for the page's language. */
	Optional<Participant> recipientOf(LinkRefused refused) {
		return refused.link().flatMap(link -> participants.findById(link.recipientId()))
			.filter(mentor -> mentor.getDetails() != null);
	}

	private Outcome enrol(AccountLink link) {
		ReturnInvitation invitation = invitation(link);
		Programme programme = programme(invitation);
		Optional<Participant> existing = participants
			.findFirstByProgrammeIdAndAccountIdAndErasedAtIsNull(programme.getId(), invitation.accountId());
		if (existing.isPresent()) {
			return new Outcome(recorded(invitation, existing.get()), programme, true);
		}
		Participant mentor = mentor(link);
		Instant now = clock.instant();
		ProfileDetails was = mentor.getDetails();
		ProfileDetails carried = new ProfileDetails(was.displayName(), was.email(), was.country(), was.city(),
				was.languages(), was.preferredLocale(), was.skills(), List.of(), was.bio(), was.format(),
				was.timeZone(), was.availability(), was.capacity(), List.of(), List.of());
		Consent consent = new Consent(mentor.getConsent().version(), mentor.getConsent().scopes(), now);
		Participant enrolment = Participant.returned(Ids.next("par"), programme.getId(), mentor.getOrganisationId(),
				carried, consent, invitation.accountId(), programme.hasStarted(now), now);
		try {
			enrolment = participants.insert(enrolment);
		}
		catch (DuplicateKeyException enrolledMeanwhile) {
			// her address is enrolled in the programme already (she applied, or a coordinator enrolled her)
			return participants.findByEmailKey(Participant.emailKey(programme.getId(), carried.email()))
				.map(found -> new Outcome(found, programme, true))
				.orElseThrow(() -> enrolledMeanwhile);
		}
		return new Outcome(recorded(invitation, enrolment), programme, false);
	}

	private Participant recorded(ReturnInvitation invitation, Participant enrolment) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(invitation.id())),
				new Update().set("enrolmentId", enrolment.getId()), ReturnInvitation.class);
		return enrolment;
	}

	private Outcome alreadyIn(LinkRefused used) {
		AccountLink link = used.link().orElseThrow(() -> used);
		ReturnInvitation invitation = invitation(link);
		if (invitation.enrolmentId() == null) {
			throw used;
		}
		return participants.findById(invitation.enrolmentId())
			.filter(enrolment -> !enrolment.isErased())
			.map(enrolment -> new Outcome(enrolment, programme(invitation), true))
			.orElseThrow(() -> used);
	}

	private ReturnInvitation invitation(AccountLink link) {
		return invitations.findByLinkId(link.id())
			.orElseThrow(() -> new LinkRefused(LinkRefused.Reason.INVALID, link));
	}

	private Participant mentor(AccountLink link) {
		return participants.findById(link.recipientId())
			.filter(mentor -> !mentor.isErased() && mentor.getDetails() != null)
			.orElseThrow(() -> new LinkRefused(LinkRefused.Reason.INVALID, link));
	}

	private Programme programme(ReturnInvitation invitation) {
		return programmes.existing(invitation.nextProgrammeId());
	}

	private static <T> T rethrow(LinkRefused refused) {
		throw refused;
	}

}
