package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.RunningStack.GATEWAY;
import static com.kreativnomentorstvo.local.RunningStack.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The mail catcher as people use their mailboxes in system tests: the e-mails to an address, the
 * one that says something, and the links they carry, each followed once; and the two links every
 * newcomer follows (confirm the address, set the password).
 */
final class Mailbox {

	static final Pattern CONFIRM_LINK = Pattern.compile("(https?://\\S+/applications/confirm\\?token=[A-Za-z0-9._-]+)");

	static final Pattern PASSWORD_LINK = Pattern.compile("(https?://\\S+/account/password\\?token=[A-Za-z0-9._-]+)");

	static final Pattern RETURN_LINK = Pattern.compile("(https?://\\S+/account/return\\?token=[A-Za-z0-9._-]+)");

	/** Links a test followed already, across the system tests of this JVM. */
	private static final Set<String> FOLLOWED = ConcurrentHashMap.newKeySet();

	private Mailbox() {
	}

	/** Every e-mail the catcher holds to an address containing the text. */
	static List<JsonNode> mailTo(String addressPart) throws Exception {
		JsonNode all = JSON.readTree(RunningStack.get(RunningStack.MAIL + "/messages.json").body());
		List<JsonNode> mails = new ArrayList<>();
		all.forEach(mail -> {
			if (mail.path("to").asString().contains(addressPart)) {
				mails.add(mail);
			}
		});
		return mails;
	}

	/** Every e-mail the catcher holds to exactly this address (one of its recipients, with or without a name). */
	static List<JsonNode> mailToAddress(String address) throws Exception {
		List<JsonNode> mails = new ArrayList<>();
		for (JsonNode mail : mailTo(address)) {
			for (String recipient : mail.path("to").asString().split(",")) {
				String bare = recipient.strip().replaceAll("^.*<([^>]+)>$", "$1");
				if (bare.equalsIgnoreCase(address)) {
					mails.add(mail);
					break;
				}
			}
		}
		return mails;
	}

	/** The text of the first e-mail to the address that contains the words. */
	static String awaitMail(String address, String words) {
		String[] text = new String[1];
		await("an e-mail to " + address + " saying " + words).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				List<String> found = new ArrayList<>();
				for (JsonNode mail : mailToAddress(address)) {
					if (mail.path("text").asString().contains(words)) {
						found.add(mail.path("text").asString());
					}
				}
				assertThat(found).isNotEmpty();
				text[0] = found.get(0);
			});
		return text[0];
	}

	/** The first link of the kind in the newest e-mail to the address that has one not followed yet. */
	static String awaitLink(String address, Pattern kind) {
		String[] link = new String[1];
		await("an e-mail to " + address + " with the link").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				List<String> links = new ArrayList<>();
				for (JsonNode mail : mailToAddress(address)) {
					Matcher matcher = kind.matcher(mail.path("text").asString());
					if (matcher.find()) {
						links.add(matcher.group(1));
					}
				}
				links.removeAll(FOLLOWED);
				assertThat(links).isNotEmpty();
				link[0] = links.get(links.size() - 1);
			});
		FOLLOWED.add(link[0]);
		return link[0];
	}

	/**
	 * She confirms her address from the e-mail: the page asks, her click confirms, and the answer
	 * says so in her language.
	 * @return the link she followed
	 */
	static String confirmFromTheEmail(Browser browser, String email, String saying) throws Exception {
		String link = awaitLink(email, CONFIRM_LINK);
		HttpResponse<String> page = browser.open(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<form");
		HttpResponse<String> confirmed = browser.submit(GATEWAY + "/applications/confirm", page.body(), Map.of());
		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains(saying);
		return link;
	}

	/** She sets her password from the invitation e-mail; the page that answers says so in her language. */
	static void setPasswordFromTheEmail(Browser browser, String email, String password, String saying)
			throws Exception {
		String link = awaitLink(email, PASSWORD_LINK);
		HttpResponse<String> page = browser.open(link);
		assertThat(page.statusCode()).isEqualTo(200);
		HttpResponse<String> set = browser.submit(GATEWAY + "/account/password", page.body(),
				Map.of("password", password, "repeat", password));
		assertThat(set.statusCode()).isEqualTo(200);
		assertThat(set.body()).contains(saying);
	}

}
