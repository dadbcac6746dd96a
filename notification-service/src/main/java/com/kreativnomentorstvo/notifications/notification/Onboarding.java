package com.kreativnomentorstvo.notifications.notification;

import java.util.List;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ApplicationSubmitted;
import com.kreativnomentorstvo.events.participants.CoordinatorAppointed;
import com.kreativnomentorstvo.events.participants.ParticipantAdmitted;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantInvited;
import com.kreativnomentorstvo.events.participants.ParticipantProfile;
import com.kreativnomentorstvo.events.participants.ParticipantRejected;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.PasswordLinkIssued;
import com.kreativnomentorstvo.events.participants.ReturnInvited;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.notifications.delivery.Notifier;
import com.kreativnomentorstvo.notifications.delivery.Notifier.Notice;
import com.kreativnomentorstvo.notifications.inbox.Details;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.template.NotificationKind;
import com.kreativnomentorstvo.platform.messaging.EventMetadata;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;

/**
 * How people come in, and what they are told on the way: an applicant confirms her address, hears
 * that her application arrived and then the decision; an invitee gets her invitation; a new
 * coordinator her account; anyone a password link she asked for. Each organisation's coordinators
 * hear of new applications. Account links travel as link ids only: the e-mail signs them when it
 * is sent.
 */
@Service
public class Onboarding {

	private final Notifier notifier;

	private final RecipientDirectory recipients;

	private final ProgrammeDirectory programmes;

	Onboarding(Notifier notifier, RecipientDirectory recipients, ProgrammeDirectory programmes) {
		this.notifier = notifier;
		this.recipients = recipients;
		this.programmes = programmes;
	}

	/** Someone applied through the public call: the e-mail that confirms her address (her contact follows on its topic). */
	public void applicationSubmitted(ApplicationSubmitted event, EventMetadata metadata) {
		recipients.known(event.participantId(), event.programmeId(), event.organisationId(), event.role(), null);
		notifier.notify(new Notice(NotificationKind.ADDRESS_CONFIRMATION, metadata.id(), event.participantId(),
				event.programmeId(), event.organisationId(),
				new Details().role(roleName(event.role()))
					.confirmationLink(event.confirmationLinkId(), event.confirmBy())));
	}

	/**
	 * An enrolment: a confirmed application (status {@code APPLIED}) is acknowledged and announced
	 * to the coordinators who decide on it; any other (admitted, invited and completed, imported)
	 * is confirmed.
	 */
	public void enrolled(ParticipantEnrolled event, EventMetadata metadata) {
		ParticipantProfile profile = event.profile();
		recipients.enrolled(profile);
		if (profile.status() != ParticipantStatus.APPLIED) {
			notifier.notify(new Notice(NotificationKind.ENROLMENT_CONFIRMED, metadata.id(), profile.participantId(),
					event.programmeId(), event.organisationId(), new Details()));
			return;
		}
		notifier.notify(new Notice(NotificationKind.APPLICATION_RECEIVED, metadata.id(), profile.participantId(),
				event.programmeId(), event.organisationId(), new Details().role(roleName(profile.role()))));
		for (Recipient coordinator : deciders(profile.organisationId(), profile.programmeId())) {
			notifier.notify(new Notice(NotificationKind.NEW_APPLICATION, metadata.id(), coordinator.id(),
					event.programmeId(), event.organisationId(),
					new Details().counterpart(profile.participantId(), profile.role() == Role.MENTOR)));
		}
	}

	/** Admitted: her enrolment belongs to her account from now on; she is told how to sign in. */
	public void admitted(ParticipantAdmitted event, EventMetadata metadata) {
		recipients.known(event.participantId(), event.programmeId(), event.organisationId(), event.role(),
				event.accountId());
		notifier.notify(new Notice(NotificationKind.ADMITTED, metadata.id(), event.participantId(), event.programmeId(),
				event.organisationId(), new Details().role(roleName(event.role()))
					.passwordLink(event.passwordLinkId(), event.passwordLinkExpiresAt())));
	}

	public void rejected(ParticipantRejected event, EventMetadata metadata) {
		notifier.notify(new Notice(NotificationKind.NOT_ADMITTED, metadata.id(), event.participantId(),
				event.programmeId(), event.organisationId(),
				new Details().role(roleName(event.role())).reason(event.reason() == null ? "OTHER" : event.reason())));
	}

	/** Invited by a coordinator: her account exists; she sets her password and completes her profile. */
	public void invited(ParticipantInvited event, EventMetadata metadata) {
		recipients.known(event.participantId(), event.programmeId(), event.organisationId(), event.role(),
				event.accountId());
		notifier.notify(new Notice(NotificationKind.INVITATION, metadata.id(), event.participantId(),
				event.programmeId(), event.organisationId(), new Details().role(roleName(event.role()))
					.passwordLink(event.passwordLinkId(), event.passwordLinkExpiresAt())));
	}

	/** A password link for a participant or a coordinator: the invitation again, or a reset she asked for. */
	public void passwordLinkIssued(PasswordLinkIssued event, EventMetadata metadata) {
		notifier.notify(new Notice(NotificationKind.PASSWORD_LINK, metadata.id(), event.recipientId(),
				event.programmeId(), event.organisationId(),
				new Details().purpose(event.purpose()).passwordLink(event.linkId(), event.expiresAt())));
	}

	/**
	 * A mentor of an earlier cycle is invited to return: the e-mail names the next programme and
	 * carries the one-click link, in her language.
	 */
	public void returnInvited(ReturnInvited event, EventMetadata metadata) {
		notifier.notify(new Notice(NotificationKind.RETURN_INVITATION, metadata.id(), event.participantId(),
				event.nextProgrammeId(), event.organisationId(),
				new Details().role(Role.MENTOR.name()).returnLink(event.linkId(), event.expiresAt())));
	}

	/** A new coordinator: a staff recipient, told of her account (and the link to set its password, if it has none). */
	public void coordinatorAppointed(CoordinatorAppointed event, EventMetadata metadata) {
		recipients.coordinatorAppointed(event.accountId(), event.organisationId(), event.appointedAt());
		notifier.notify(new Notice(NotificationKind.COORDINATOR_APPOINTED, metadata.id(), event.accountId(), null,
				event.organisationId(), new Details().passwordLink(event.passwordLinkId(), event.passwordLinkExpiresAt())));
	}

	/**
	 * Who decides on an application: the coordinators of the applicant's organisation, or, while it
	 * has none this service knows of, those of the programme's organiser.
	 */
	private List<Recipient> deciders(String organisationId, String programmeId) {
		List<Recipient> own = recipients.coordinatorsOf(organisationId);
		if (!own.isEmpty()) {
			return own;
		}
		return programmes.find(programmeId)
			.map(Programme::organiserId)
			.filter(organiser -> !organiser.equals(organisationId))
			.map(recipients::coordinatorsOf)
			.orElse(List.of());
	}

	private static String roleName(Role role) {
		return role == null ? null : role.name();
	}

}
