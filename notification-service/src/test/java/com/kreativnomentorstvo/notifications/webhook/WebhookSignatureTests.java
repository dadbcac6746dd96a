package com.kreativnomentorstvo.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

/** Signatures as Standard Webhooks defines them, checked against vectors computed outside the code. */
class WebhookSignatureTests {

	@Test
	void aStandardWebhooksSecretIsDecodedAsTheSpecificationsExampleShows() {
		// the example of the Standard Webhooks specification; also:
		// echo -n 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' | openssl dgst -sha256 -binary
		//   -mac HMAC -macopt hexkey:$(echo -n MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw | base64 -d | xxd -p -c 256) | base64
		String signature = WebhookSignature.signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
				"msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void anyOtherSecretIsTakenAsItsTextsBytes() {
		// echo -n 'delivery-1.1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec-0123456789abcdef' -binary | base64
		String signature = WebhookSignature.signature("whsec-0123456789abcdef", "delivery-1", 1700000000L,
				"{\"a\":1}".getBytes(StandardCharsets.UTF_8));

		assertThat(signature).isEqualTo("v1,w9arGpTS+Hu2vPO57zizWrCoGJv8BXXc8JE6jMkxBU8=");
	}

	@Test
	void theLibraryVerifiesWhatIsSignedAndRefusesAnotherSecretIdOrBody() throws Exception {
		String secret = "a-subscribers-secret-0123456789";
		long now = Instant.now().getEpochSecond();
		String body = "{\"sessionId\":\"s-1\"}";
		Map<String, List<String>> headers = Map.of(WebhookSignature.ID_HEADER, List.of("delivery-7"),
				WebhookSignature.TIMESTAMP_HEADER, List.of(Long.toString(now)), WebhookSignature.SIGNATURE_HEADER,
				List.of(WebhookSignature.signature(secret, "delivery-7", now, body.getBytes(StandardCharsets.UTF_8))));

		new Webhook(secret.getBytes(StandardCharsets.UTF_8)).verify(body, headers);

		assertThatThrownBy(() -> new Webhook("another-secret-0123456789".getBytes(StandardCharsets.UTF_8))
			.verify(body, headers)).isInstanceOf(WebhookVerificationException.class);
		assertThatThrownBy(() -> new Webhook(secret.getBytes(StandardCharsets.UTF_8)).verify("{\"sessionId\":\"s-2\"}",
				headers)).isInstanceOf(WebhookVerificationException.class);
		Map<String, List<String>> otherId = new java.util.HashMap<>(headers);
		otherId.put(WebhookSignature.ID_HEADER, List.of("delivery-8"));
		assertThatThrownBy(() -> new Webhook(secret.getBytes(StandardCharsets.UTF_8)).verify(body, otherId))
			.isInstanceOf(WebhookVerificationException.class);
	}

	@Test
	void aSecretInTheStandardFormatMustHoldBase64() {
		assertThat(WebhookSignature.usable("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isTrue();
		assertThat(WebhookSignature.usable("whsec-any-text-0123456789")).isTrue();
		assertThat(WebhookSignature.usable("whsec_not base64 at all!")).isFalse();
		assertThat(WebhookSignature.usable("whsec_")).isFalse();
	}

}
