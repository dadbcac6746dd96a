package com.kreativnomentorstvo.notifications.email;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.inbox.Details;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.inbox.NotificationRenderer.EmailLink;
import com.kreativnomentorstvo.platform.links.SignedLinks;

/**
 * The links of account e-mails, written when the e-mail is composed and nowhere else: a
 * notification keeps only the link's id (useless without the signature), so neither the inbox,
 * the delivery log nor a log line ever holds a usable link. Participant-service serves both pages
 * and checks the signature, then that the link is unused and unexpired.
 */
@Component
class AccountLinks {

	private final SignedLinks signed;

	private final String publicUrl;

	AccountLinks(SignedLinks signed, NotificationProperties properties) {
		this.signed = signed;
		this.publicUrl = properties.publicUrl();
	}

	/**
	 * The link the notification's e-mail carries instead of the inbox's action: its signed account
	 * link, or for a welcome without one (the account has a password already) the sign-in page.
	 * @throws IllegalArgumentException if the stored link id cannot be a link's
	 */
	Optional<EmailLink> of(Notification notification) {
		Details details = notification.details();
		if (details.linkId() != null) {
			String page = switch (String.valueOf(details.linkPurpose())) {
				case Details.CONFIRM_ADDRESS -> "/applications/confirm?token=";
				case Details.SET_PASSWORD -> "/account/password?token=";
				case Details.RETURN_AS_MENTOR -> "/account/return?token=";
				default -> throw new IllegalArgumentException("not a purpose of links: " + details.linkPurpose());
			};
			return Optional.of(new EmailLink(publicUrl + page + signed.token(details.linkPurpose(), details.linkId()),
					details.linkPurpose(), details.linkExpiresAt()));
		}
		return switch (notification.kind()) {
			case ADMITTED, INVITATION, COORDINATOR_APPOINTED -> Optional.of(new EmailLink(publicUrl + "/", null, null));
			default -> Optional.empty();
		};
	}

}
