package com.kreativnomentorstvo.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery: HMAC-SHA256 under the subscription's secret over
 * {@code <timestamp>.<body>}, sent as {@code Webhook-Signature: t=<unix seconds>,v1=<hex>}.
 * A receiver recomputes it over the raw body with the {@code t} it got, compares in constant
 * time, and refuses timestamps too far from its clock (replays).
 */
final class WebhookSignature {

	/** The header that carries the signature. */
	static final String HEADER = "Webhook-Signature";

	/** The header with the delivery's id, the same across retries and redeliveries. */
	static final String DELIVERY_HEADER = "Webhook-Id";

	/** The signature header's value for a body sent at the given time. */
	static String header(String secret, long timestamp, byte[] body) {
		return "t=" + timestamp + ",v1=" + sign(secret, timestamp, body);
	}

	/** The hex HMAC-SHA256 of {@code timestamp + "." + body}. */
	static String sign(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private WebhookSignature() {
	}

}
