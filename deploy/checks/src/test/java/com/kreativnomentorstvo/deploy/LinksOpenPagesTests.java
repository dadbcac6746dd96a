package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every link the platform writes into an e-mail or an inbox item opens a page of the web
 * application: the paths notification-service builds after the public address are read from its
 * code, the web application's pages from its controllers, and each path must be one of them.
 */
class LinksOpenPagesTests {

	private static final String RENDERER = "notification-service/src/main/java/com/kreativnomentorstvo/notifications/inbox/NotificationRenderer.java";

	private static final String PREFERENCES = "notification-service/src/main/java/com/kreativnomentorstvo/notifications/email/UnsubscribeLinks.java";

	/** A path written as string literals joined with values: {@code "/sessions/" + d.sessionId() + "/feedback"}. */
	private static final Pattern WRITTEN_PATH = Pattern.compile("\"(/[^\"]*)\"((?:\\s*\\+\\s*[\\w.()]+\\s*(?:\\+\\s*\"[^\"]*\")?)*)");

	private static final Pattern PAGE = Pattern.compile("@GetMapping\\(\"(/[^\"]*)\"\\)");

	@Test
	void everyLinkOfAnEmailOrAnInboxItemIsAPageOfTheWebApplication() {
		Set<String> links = new TreeSet<>(linksOf(section(Repository.read(RENDERER), "String actionUrl(", "return properties.publicUrl() + path;")));
		links.addAll(linksOf(section(Repository.read(PREFERENCES), "String preferencesFor(", "}")));
		Set<String> pages = pages();

		assertThat(links).as("the links notification-service writes, read from its code")
			.contains("/matches/{}", "/sessions/{}", "/sessions/{}/feedback", "/mentorships/{}", "/participants/{}",
					"/participants/{}/notification-preferences");
		assertThat(pages).as("the pages of the web application").containsAll(links);
	}

	/** The paths written in a piece of code, each value they join in as {@code {}}. */
	private static Set<String> linksOf(String code) {
		Set<String> links = new TreeSet<>();
		Matcher written = WRITTEN_PATH.matcher(code);
		while (written.find()) {
			String rest = written.group(2).replaceAll("\\s*\\+\\s*\"([^\"]*)\"", "$1").replaceAll("\\s*\\+\\s*[\\w.()]+", "{}");
			links.add(written.group(1) + rest);
		}
		return links;
	}

	private static Set<String> pages() {
		Set<String> pages = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Repository.path("web/src/main/java"))) {
			for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
				Matcher page = PAGE.matcher(Repository.read(source));
				while (page.find()) {
					pages.add(page.group(1).replaceAll("\\{[^}]*}", "{}"));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pages;
	}

	private static String section(String code, String from, String to) {
		int start = code.indexOf(from);
		assertThat(start).as("the code still has " + from).isNotNegative();
		return code.substring(start, code.indexOf(to, start) + to.length());
	}

}
