package com.kreativnomentorstvo.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * The signature of a delivery in the Standard Webhooks format (standardwebhooks.com), so that a
 * subscriber verifies it with an existing library: {@code webhook-id} (the delivery's id, the same
 * across retries), {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature: v1,<base64>},
 * the HMAC-SHA256 of {@code <id>.<timestamp>.<raw body>}. The key is the subscription's secret: a
 * Standard Webhooks secret ({@code whsec_} and base64, as the libraries generate them) is decoded,
 * any other text is taken as its UTF-8 bytes. Signed with the Standard Webhooks library.
 */
final class WebhookSignature {

	/** The header with the delivery's id, the same across retries and redeliveries. */
	static final String ID_HEADER = "webhook-id";

	/** The header with the time of the attempt, in Unix seconds. */
	static final String TIMESTAMP_HEADER = "webhook-timestamp";

	/** The header with the signature, {@code v1,<base64>}. */
	static final String SIGNATURE_HEADER = "webhook-signature";

	/** How a secret in the Standard Webhooks format begins; base64 follows. */
	static final String STANDARD_PREFIX = "whsec_";

	/** The HMAC key of a subscription's secret. */
	static byte[] key(String secret) {
		if (secret.startsWith(STANDARD_PREFIX)) {
			return Base64.getDecoder().decode(secret.substring(STANDARD_PREFIX.length()));
		}
		return secret.getBytes(StandardCharsets.UTF_8);
	}

	/** Whether the secret can sign: any text, but one in the Standard Webhooks format must hold base64. */
	static boolean usable(String secret) {
		try {
			return key(secret).length > 0;
		}
		catch (IllegalArgumentException notBase64) {
			return false;
		}
	}

	/** The {@code webhook-signature} value of a body (UTF-8 JSON) sent with the id at the timestamp. */
	static String signature(String secret, String id, long timestamp, byte[] body) {
		try {
			return new Webhook(key(secret)).sign(id, timestamp, new String(body, StandardCharsets.UTF_8));
		}
		catch (WebhookSigningException | EmptyWebhookSecretException ex) {
			throw new IllegalStateException("the subscription's secret cannot sign", ex);
		}
	}

	private WebhookSignature() {
	}

}
