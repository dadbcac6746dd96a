package com.kreativnomentorstvo.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

	@Test
	void signsTimestampDotBodyWithHmacSha256() {
		// echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec-0123456789abcdef'
		byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

		assertThat(WebhookSignature.header("whsec-0123456789abcdef", 1700000000L, body))
			.isEqualTo("t=1700000000,v1=d77c78ac4da074c56908b55eac30358b2a7bfc573be4c76819af5102e8dcf939");
	}

	@Test
	void anotherSecretTimestampOrBodyGivesAnotherSignature() {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		String signature = WebhookSignature.sign("secret-one-0123456789", 1, body);

		assertThat(WebhookSignature.sign("secret-two-0123456789", 1, body)).isNotEqualTo(signature);
		assertThat(WebhookSignature.sign("secret-one-0123456789", 2, body)).isNotEqualTo(signature);
		assertThat(WebhookSignature.sign("secret-one-0123456789", 1, "{ }".getBytes(StandardCharsets.UTF_8)))
			.isNotEqualTo(signature);
	}

}
