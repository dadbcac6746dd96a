package com.kreativnomentorstvo.notifications.support;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

/** The account links in received e-mails, and how messages write their expiry. */
public final class Links {

	/** The public address the tests give the service. */
	public static final String PUBLIC_URL = "http://localhost:8080";

	/** The token of the link to the page (e.g. {@code /account/password}) in the e-mail's text part. */
	public static String token(MimeMessage mail, String page) {
		Matcher link = Pattern.compile(Pattern.quote(PUBLIC_URL + page) + "\\?token=([A-Za-z0-9_.-]+)")
			.matcher(Mail.part(mail, "text/plain").text());
		if (!link.find()) {
			throw new AssertionError("no link to " + page + " in the e-mail");
		}
		return link.group(1);
	}

	/** A time as messages write it for a reader of the language in the zone. */
	public static String dateTime(Instant instant, String languageTag, String zone) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
			.withLocale(Locale.forLanguageTag(languageTag))
			.format(instant.atZone(ZoneId.of(zone))) + " (" + zone + ")";
	}

	private Links() {
	}

}
