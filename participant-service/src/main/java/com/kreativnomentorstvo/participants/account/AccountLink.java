package com.kreativnomentorstvo.participants.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A link sent in an account e-mail. Only its id is kept (and published); the e-mail carries the id
 * with a signature, so the link works only from the e-mail. It works once, until it expires, and a
 * newer link of the same purpose for the same account supersedes it.
 *
 * @param accountId the account whose password it sets (none for an address confirmation)
 * @param recipientId who it was sent to: a participant id, or a coordinator's account id
 */
@Document("accountLinks")
public record AccountLink(@Id String id, LinkPurpose purpose, @Indexed(sparse = true) String accountId,
		@Indexed String recipientId, Instant issuedAt, Instant expiresAt, Instant usedAt, Instant supersededAt) {

	/** Why a link does not work now, or {@code null} if it does. */
	LinkRefused.Reason refusal(Instant now) {
		if (usedAt != null) {
			return LinkRefused.Reason.USED;
		}
		if (supersededAt != null) {
			return LinkRefused.Reason.REPLACED;
		}
		if (!now.isBefore(expiresAt)) {
			return LinkRefused.Reason.EXPIRED;
		}
		return null;
	}

}
