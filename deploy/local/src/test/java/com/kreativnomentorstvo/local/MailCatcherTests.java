package com.kreativnomentorstvo.local;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail catcher's count of what reached whom, which bench/load polls while thousands of e-mails arrive. */
class MailCatcherTests {

	@Test
	void countsTheMessagesAllAndToOneAddress() throws Exception {
		int smtp = freePort();
		int web = freePort();
		try (MailCatcher catcher = new MailCatcher(smtp, web)) {
			ServerSetup setup = new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
			GreenMailUtil.sendTextEmail("ana@example.org", "platform@example.org", "one", "text", setup);
			GreenMailUtil.sendTextEmail("ana@example.org", "platform@example.org", "two", "text", setup);
			GreenMailUtil.sendTextEmail("ivan@example.org", "platform@example.org", "three", "text", setup);
			GreenMailUtil.sendTextEmail("ana@example.org", "platform@example.org", "four", "text", setup);

			assertThat(count(web, "")).contains("\"count\":4");
			assertThat(count(web, "?to=ana%40example.org")).contains("\"count\":3");
			assertThat(count(web, "?to=ivan%40example.org")).contains("\"count\":1");
			assertThat(count(web, "?to=nobody%40example.org")).contains("\"count\":0");
		}
	}

	private static String count(int port, String query) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/messages/count" + query)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
