package com.kreativnomentorstvo.participants.onboarding;

import java.time.Clock;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.account.AccountLink;
import com.kreativnomentorstvo.participants.account.AccountLinks;
import com.kreativnomentorstvo.participants.account.LinkPurpose;
import com.kreativnomentorstvo.participants.account.LinkRefused;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.Participants;
import com.kreativnomentorstvo.participants.participant.Pending;

/** The applicant confirms her address through the e-mailed link: her application counts from then on. */
@Service
class AddressConfirmation {

	private final AccountLinks links;

	private final Participants participants;

	private final Clock clock;

	AddressConfirmation(AccountLinks links, Participants participants, Clock clock) {
		this.links = links;
		this.participants = participants;
		this.clock = clock;
	}

	/** The application a working link confirms, for the page that asks her to confirm. */
	Participant awaiting(String token) {
		return waitingFor(links.check(LinkPurpose.CONFIRM_ADDRESS, token));
	}

	/**
	 * Confirms the address; the link works once.
	 * @throws LinkRefused naming {@code token} for a forged, used or expired link
	 */
	Participant confirm(String token) {
		AccountLink link = links.claim(LinkPurpose.CONFIRM_ADDRESS, token);
		try {
			Participant participant = waitingFor(link);
			participant.confirmAddress(clock.instant());
			return participants.save(participant);
		}
		catch (RuntimeException ex) {
			links.release(link);
			throw ex;
		}
	}

	private Participant waitingFor(AccountLink link) {
		return participants.findById(link.recipientId())
			.filter(participant -> participant.getPending() == Pending.ADDRESS_CONFIRMATION)
			.orElseThrow(() -> new LinkRefused(LinkRefused.Reason.GONE));
	}

}
