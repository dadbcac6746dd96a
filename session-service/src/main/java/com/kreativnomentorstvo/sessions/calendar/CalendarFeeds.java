package com.kreativnomentorstvo.sessions.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Secret feed tokens. Calendar apps cannot send a bearer token, so a subscribable feed is
 * protected by a long random token in its URL: 256 bits, one per participant, replaced whenever
 * she asks for a new one (the old address stops working at once) and revoked when she leaves.
 */
@Component
public class CalendarFeeds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoOperations mongo;

	private final Clock clock;

	CalendarFeeds(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** A token that was just made: the only moment it is known in clear. */
	record Issued(String token, Instant createdAt) {
	}

	/** Makes a new token for her feed, replacing any earlier one. */
	Issued issue(String participantId) {
		byte[] bits = new byte[32];
		RANDOM.nextBytes(bits);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		mongo.save(new CalendarFeed(participantId, hash(token), now));
		return new Issued(token, now);
	}

	/** Whether the token opens her feed. */
	boolean opens(String participantId, String token) {
		if (token == null || token.isBlank()) {
			return false;
		}
		CalendarFeed feed = mongo.findById(participantId, CalendarFeed.class);
		return feed != null && MessageDigest.isEqual(feed.getTokenHash().getBytes(StandardCharsets.US_ASCII),
				hash(token).getBytes(StandardCharsets.US_ASCII));
	}

	/** When her current token was made, if she has one. */
	public Instant issuedAt(String participantId) {
		CalendarFeed feed = mongo.findById(participantId, CalendarFeed.class);
		return feed == null ? null : feed.getCreatedAt();
	}

	/** Closes her feed. */
	public void revoke(String participantId) {
		mongo.remove(Query.query(Criteria.where("_id").is(participantId)), CalendarFeed.class);
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
