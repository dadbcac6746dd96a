package com.kreativnomentorstvo.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.notifications.template.NotificationKind;

class UnsubscribeLinksTests {

	private final UnsubscribeLinks links = new UnsubscribeLinks(Settings.withSecret("secret-a"));

	@Test
	void aLinkNamesTheParticipantAndTheKind() {
		String link = links.linkFor("p-42", NotificationKind.PAIR_SILENT);

		assertThat(link).startsWith("http://localhost:8080/api/v1/notifications/unsubscribe?token=");
		String token = link.substring(link.indexOf("token=") + 6);
		assertThat(links.read(token)).contains(new UnsubscribeLinks.Request("p-42", NotificationKind.PAIR_SILENT));
		assertThat(links.read(links.token("p-42", null))).contains(new UnsubscribeLinks.Request("p-42", null));
	}

	@Test
	void aTamperedOrForeignTokenIsRefused() {
		String token = links.token("p-42", NotificationKind.PAIR_SILENT);
		String other = links.token("p-43", NotificationKind.PAIR_SILENT);
		String forged = other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));

		assertThat(links.read(forged)).isEmpty();
		assertThat(new UnsubscribeLinks(Settings.withSecret("secret-b")).read(token)).isEmpty();
		assertThat(links.read("garbage")).isEmpty();
		assertThat(links.read("a.b!c")).isEmpty();
		assertThat(links.read(null)).isEmpty();
	}

}
