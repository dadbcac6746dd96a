package com.kreativnomentorstvo.notifications.recipient;

import java.time.LocalTime;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.notifications.template.NotificationKind;
import com.kreativnomentorstvo.platform.retry.Conflicts;
import com.kreativnomentorstvo.platform.web.PreconditionFailedException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/** Recipients' notification preferences; defaults for those who never chose. */
@Service
public class PreferencesStore {

	private final MongoOperations mongo;

	private final Recipients recipients;

	PreferencesStore(MongoOperations mongo, Recipients recipients) {
		this.mongo = mongo;
		this.recipients = recipients;
	}

	/** The recipient's preferences, or the defaults (which differ for participants and coordinators). */
	public Preferences of(String recipientId) {
		Preferences stored = mongo.findById(recipientId, Preferences.class);
		if (stored != null) {
			return stored;
		}
		boolean staff = recipients.findById(recipientId).map(Recipient::isStaff).orElse(false);
		return Preferences.defaults(recipientId, staff);
	}

	/** Replaces the preferences; with an expected revision, fails (412) if they changed meanwhile. */
	Preferences replace(String participantId, Long expectedRevision, String locale,
			Map<NotificationKind, Preferences.ChannelChoice> kinds, LocalTime quietFrom, LocalTime quietTo,
			Preferences.Digest digest, LocalTime digestAt) {
		Preferences preferences = of(participantId);
		if (expectedRevision != null && expectedRevision != preferences.revision()) {
			throw new PreconditionFailedException(ProblemText.of("preferences.changed-since", expectedRevision));
		}
		preferences.replace(locale, kinds, quietFrom, quietTo, digest, digestAt);
		return save(preferences);
	}

	/**
	 * Stops e-mails of one kind, or of all kinds (the unsubscribe link); on a fresh read again when
	 * they changed, or were first stored, meanwhile.
	 */
	public void stopEmails(String participantId, NotificationKind kind) {
		Conflicts.retry(() -> {
			Preferences preferences = of(participantId);
			preferences.stopEmails(kind);
			return mongo.save(preferences);
		}, DuplicateKeyException.class);
	}

	/** Forgets the person's preferences, at her erasure. */
	public void forget(String recipientId) {
		mongo.remove(Query.query(Criteria.where("_id").is(recipientId)), Preferences.class);
	}

	/** Saves the replaced preferences: 412 if they changed, or were first stored, since they were read. */
	private Preferences save(Preferences preferences) {
		try {
			return mongo.save(preferences);
		}
		catch (DuplicateKeyException createdMeanwhile) {
			throw new PreconditionFailedException(ProblemText.of("preferences.created-meanwhile"));
		}
		catch (OptimisticLockingFailureException stale) {
			throw new PreconditionFailedException(ProblemText.of("preferences.changed-meanwhile"));
		}
	}

}
