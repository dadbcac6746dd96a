package com.kreativnomentorstvo.notifications.email;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import com.kreativnomentorstvo.notifications.recipient.PreferencesStore;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.template.SupportedLocale;
import com.kreativnomentorstvo.notifications.template.Templates;
import com.kreativnomentorstvo.platform.security.PublicPaths;

/**
 * The unsubscribe link of every e-mail: GET shows a page that asks to confirm (mail scanners
 * follow links, so GET changes nothing), POST stops the e-mails, also as the one-click
 * unsubscribe of RFC 8058. The signed token is the only credential; no sign-in is needed.
 */
@RestController
@RequestMapping(UnsubscribeLinks.PATH)
class UnsubscribeController {

	private final UnsubscribeLinks links;

	private final PreferencesStore preferences;

	private final RecipientDirectory recipients;

	private final Templates templates;

	UnsubscribeController(UnsubscribeLinks links, PreferencesStore preferences, RecipientDirectory recipients,
			Templates templates) {
		this.links = links;
		this.preferences = preferences;
		this.recipients = recipients;
		this.templates = templates;
	}

	@GetMapping(produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> confirm(@RequestParam String token) {
		return links.read(token)
			.map(request -> page(request, "unsubscribe-page-question", true, token))
			.orElseGet(UnsubscribeController::invalid);
	}

	@PostMapping(produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> unsubscribe(@RequestParam String token) {
		return links.read(token).map(request -> {
			if (!recipients.isErased(request.participantId())) {
				preferences.stopEmails(request.participantId(), request.kind());
			}
			return page(request, "unsubscribe-page-done", false, token);
		}).orElseGet(UnsubscribeController::invalid);
	}

	private ResponseEntity<String> page(UnsubscribeLinks.Request request, String textKey, boolean ask, String token) {
		SupportedLocale locale = preferences.of(request.participantId())
			.localeOr(recipients.find(request.participantId()).map(Recipient::locale).orElse(SupportedLocale.EN));
		String title = HtmlUtils.htmlEscape(templates.phrase(locale, "unsubscribe-page-title", Map.of()));
		String text = HtmlUtils.htmlEscape(templates.phrase(locale, textKey, Map.of()));
		String form = ask ? """
				<form method="post" action="%s?token=%s"><button type="submit">%s</button></form>"""
			.formatted(UnsubscribeLinks.PATH, HtmlUtils.htmlEscape(token),
					HtmlUtils.htmlEscape(templates.phrase(locale, "unsubscribe-page-button", Map.of())))
				: "";
		String html = """
				<!DOCTYPE html>
				<html lang="%s"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title></head>
				<body style="font-family:Georgia,serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.5">
				<h1 style="font-weight:normal">%s</h1><p>%s</p>%s</body></html>
				""".formatted(locale.tag(), title, title, text, form);
		return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(html);
	}

	private static ResponseEntity<String> invalid() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML).body("""
				<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Link not valid</title></head>
				<body><p>This unsubscribe link is not valid. Change your notification settings after signing in.</p></body></html>
				""");
	}

	/** The unsubscribe link works without a token (it is its own credential); everything else keeps the platform's rules. */
	@Configuration(proxyBeanMethods = false)
	static class OpenLink {

		@Bean
		PublicPaths unsubscribeLink() {
			return PublicPaths.of(UnsubscribeLinks.PATH);
		}

	}

}
