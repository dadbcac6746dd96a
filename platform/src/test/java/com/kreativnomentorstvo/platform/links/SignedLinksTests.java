package com.kreativnomentorstvo.platform.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SignedLinksTests {

	private final SignedLinks links = new SignedLinks("a-secret-of-sufficient-length");

	@Test
	void aTokenGivesBackItsLinkIdForItsPurpose() {
		String token = links.token("CONFIRM_ADDRESS", "lnk-1a2b3c");

		assertThat(links.linkId("CONFIRM_ADDRESS", token)).contains("lnk-1a2b3c");
	}

	@Test
	void aTokenSignedForAnotherPurposeIsRefused() {
		String token = links.token("CONFIRM_ADDRESS", "lnk-1a2b3c");

		assertThat(links.linkId("SET_PASSWORD", token)).isEmpty();
	}

	@Test
	void theLinkIdAloneOrWithAnotherSignatureIsRefused() {
		String forged = "lnk-1a2b3c." + new SignedLinks("another-secret-of-some-length").token("CONFIRM_ADDRESS",
				"lnk-1a2b3c").split("\\.")[1];

		assertThat(links.linkId("CONFIRM_ADDRESS", "lnk-1a2b3c")).isEmpty();
		assertThat(links.linkId("CONFIRM_ADDRESS", forged)).isEmpty();
		assertThat(links.linkId("CONFIRM_ADDRESS", "lnk-1a2b3c.not*base64")).isEmpty();
		assertThat(links.linkId("CONFIRM_ADDRESS", "a.b.c")).isEmpty();
		assertThat(links.linkId("CONFIRM_ADDRESS", null)).isEmpty();
	}

	@Test
	void aShortSecretIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SignedLinks("short"));
	}

}
