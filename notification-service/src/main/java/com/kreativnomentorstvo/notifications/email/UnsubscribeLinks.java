package com.kreativnomentorstvo.notifications.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.template.NotificationKind;

/**
 * Signed unsubscribe links: the token names the participant and the kind of message (or all
 * kinds) and carries an HMAC-SHA256 under the instance's secret, so nobody can unsubscribe
 * someone else by guessing ids, and the link works without signing in.
 */
@Component
class UnsubscribeLinks {

	static final String PATH = "/api/v1/notifications/unsubscribe";

	private static final String ALL = "*";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final NotificationProperties properties;

	UnsubscribeLinks(NotificationProperties properties) {
		this.properties = properties;
	}

	/** What a valid token asks for: stop e-mails of the kind, or of every kind when it is null. */
	record Request(String participantId, NotificationKind kind) {
	}

	/** The link that stops e-mails of this kind to the participant. */
	String linkFor(String participantId, NotificationKind kind) {
		return properties.publicUrl() + PATH + "?token=" + token(participantId, kind);
	}

	/** The link to the participant's preferences. */
	String preferencesFor(String participantId) {
		return properties.publicUrl() + "/participants/" + participantId + "/notification-preferences";
	}

	String token(String participantId, NotificationKind kind) {
		String payload = ENCODER.encodeToString(
				(participantId + "|" + (kind == null ? ALL : kind.code())).getBytes(StandardCharsets.UTF_8));
		return payload + "." + ENCODER.encodeToString(mac(payload));
	}

	/** The request of a token, if its signature is right. */
	Optional<Request> read(String token) {
		if (token == null) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		String payload = token.substring(0, dot);
		byte[] signature;
		try {
			signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (!MessageDigest.isEqual(mac(payload), signature)) {
			return Optional.empty();
		}
		String[] parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|", 2);
		if (parts.length != 2) {
			return Optional.empty();
		}
		if (ALL.equals(parts[1])) {
			return Optional.of(new Request(parts[0], null));
		}
		return NotificationKind.ofCode(parts[1]).map(kind -> new Request(parts[0], kind));
	}

	private byte[] mac(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(properties.unsubscribeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
