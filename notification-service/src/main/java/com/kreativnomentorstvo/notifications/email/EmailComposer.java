package com.kreativnomentorstvo.notifications.email;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UnsupportedEncodingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.inbox.NotificationRenderer;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.template.NotificationKind;
import com.kreativnomentorstvo.notifications.template.RenderedMessage;
import com.kreativnomentorstvo.notifications.template.SupportedLocale;
import com.kreativnomentorstvo.notifications.template.Templates;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Writes the e-mail of a delivery: multipart plain text and HTML in the reader's language, the
 * {@code .ics} for sessions and trainings, an unsubscribe link (also as {@code List-Unsubscribe}
 * with one-click POST, RFC 8058) for kinds the recipient may choose, and a Message-ID derived from
 * the delivery key so a resend after a crash is recognisable as the same message. The links of
 * account e-mails (confirm the address, set the password) are signed here, at sending time, and
 * exist nowhere else.
 */
@Component
class EmailComposer {

	/** Header naming the notification (or, in a digest, the first one) an e-mail carries. */
	static final String NOTIFICATION_HEADER = "X-Mentoring-Notification";

	/** Header naming the kind of notification, or {@code digest}. */
	static final String KIND_HEADER = "X-Mentoring-Kind";

	private final Template html;

	private final Templates templates;

	private final NotificationRenderer renderer;

	private final CalendarInvitation calendar;

	private final UnsubscribeLinks unsubscribe;

	private final AccountLinks accountLinks;

	private final RecipientDirectory recipients;

	private final InternetAddress from;

	EmailComposer(Templates templates, NotificationRenderer renderer, CalendarInvitation calendar,
			UnsubscribeLinks unsubscribe, AccountLinks accountLinks, RecipientDirectory recipients,
			NotificationProperties properties) {
		this.templates = templates;
		this.renderer = renderer;
		this.calendar = calendar;
		this.unsubscribe = unsubscribe;
		this.accountLinks = accountLinks;
		this.recipients = recipients;
		try {
			this.from = new InternetAddress(properties.mail().from(), true);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("mentoring.notifications.mail.from is not an address: " + ex.getMessage());
		}
		this.html = Mustache.compiler().escapeHTML(true).defaultValue("").compile(read("templates/email/layout.html.mustache"));
	}

	/** The sender's address, also the organiser of calendar entries. */
	String fromAddress() {
		return from.getAddress();
	}

	/**
	 * The e-mail of one notification, or of several gathered in a digest.
	 * @param address where it goes
	 * @param recipientId whose links (unsubscribe, preferences) it carries, or {@code null} for
	 *     someone who is not a recipient of the platform (a webhook's owner)
	 * @throws AddressException if the address is not one (a permanent failure)
	 */
	MimeMessage compose(Delivery delivery, List<Notification> notifications, String address, String recipientId)
			throws MessagingException {
		Notification first = notifications.get(0);
		NotificationRenderer.Reader reader = renderer.readerOf(first);
		SupportedLocale locale = reader.locale();
		boolean digest = notifications.size() > 1;
		List<NotificationRenderer.Rendered> rendered = notifications.stream().map(n -> renderEmail(n, reader)).toList();
		String subject = digest ? templates.phrase(locale, "digest-title", Map.of("count", notifications.size()))
				: rendered.get(0).message().title();
		NotificationKind kind = digest ? null : first.kind();
		// what the recipient cannot choose (security messages, decisions on her application) has no unsubscribe link
		String unsubscribeUrl = recipientId == null || (kind != null && !kind.choosable()) ? null
				: unsubscribe.linkFor(recipientId, kind);

		Map<String, Object> model = new HashMap<>();
		model.put("lang", locale.tag());
		model.put("heading", subject);
		// the e-mail's header names the programme, or the platform for messages of no programme (accounts, staff)
		model.put("programme", first.programmeId() == null ? templates.phrase(locale, "platform", Map.of())
				: programmeLabel(first, reader));
		model.put("greeting", greeting(reader));
		if (digest) {
			model.put("intro", templates.phrase(locale, "digest-intro", Map.of()));
		}
		List<Map<String, Object>> sections = new ArrayList<>();
		StringBuilder text = new StringBuilder(greeting(reader)).append("\n\n");
		if (digest) {
			text.append(templates.phrase(locale, "digest-intro", Map.of())).append("\n\n");
		}
		for (NotificationRenderer.Rendered each : rendered) {
			RenderedMessage message = each.message();
			Map<String, Object> section = new HashMap<>();
			section.put("title", message.title());
			section.put("paragraphs", message.paragraphs()
				.stream()
				.map(p -> Map.of("lines", Arrays.asList(p.split("\\n"))))
				.toList());
			section.put("actionLabel", message.action());
			section.put("actionUrl", each.actionUrl());
			sections.add(section);
			if (digest) {
				text.append("== ").append(message.title()).append(" ==\n\n");
			}
			message.paragraphs().forEach(p -> text.append(p).append("\n\n"));
			text.append(message.action()).append(": ").append(each.actionUrl()).append("\n\n");
		}
		model.put("sections", sections);
		String signature = templates.phrase(locale, "signature", Map.of());
		model.put("signature", signature);
		String footer = templates.phrase(locale, footerKey(first, recipientId),
				Map.of("programme", programmeLabel(first, reader)));
		model.put("footer", footer);
		text.append(signature).append("\n\n-- \n").append(footer).append('\n');
		if (unsubscribeUrl != null) {
			String unsubscribeLabel = templates.phrase(locale, digest ? "unsubscribe-all" : "unsubscribe", Map.of());
			String preferencesLabel = templates.phrase(locale, "preferences", Map.of());
			String preferencesUrl = unsubscribe.preferencesFor(recipientId);
			model.put("unsubscribeUrl", unsubscribeUrl);
			model.put("unsubscribeLabel", unsubscribeLabel);
			model.put("preferencesUrl", preferencesUrl);
			model.put("preferencesLabel", preferencesLabel);
			text.append(unsubscribeLabel).append(": ").append(unsubscribeUrl).append('\n');
			text.append(preferencesLabel).append(": ").append(preferencesUrl).append('\n');
		}

		MimeMessage message = new StableIdMessage(messageId(delivery));
		MimeMessageHelper helper = new Helper(message);
		helper.setFrom(from);
		helper.setTo(recipient(address, reader.name()));
		helper.setSubject(subject);
		helper.setText(text.toString().strip() + "\n", html.execute(model));
		message.setHeader("Content-Language", locale.tag());
		message.setHeader("Auto-Submitted", "auto-generated");
		message.setHeader(NOTIFICATION_HEADER, first.id());
		message.setHeader(KIND_HEADER, digest ? "digest" : first.kind().code());
		if (unsubscribeUrl != null) {
			message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		if (!digest) {
			String ics = calendar.of(first, rendered.get(0).message(), from.getAddress(), address);
			if (ics != null) {
				String method = CalendarInvitation.method(first.kind());
				helper.addAttachment("invitation.ics", new ByteArrayDataSource(ics.getBytes(StandardCharsets.UTF_8),
						"text/calendar; charset=UTF-8; method=" + method));
			}
		}
		return message;
	}

	/** The e-mail's version of the notification, with its account link signed now if it has one. */
	private NotificationRenderer.Rendered renderEmail(Notification notification, NotificationRenderer.Reader reader) {
		NotificationRenderer.EmailLink link;
		try {
			link = accountLinks.of(notification).orElse(null);
		}
		catch (IllegalArgumentException invalid) {
			throw new MailPreparationException("The e-mail's link cannot be written: " + invalid.getMessage());
		}
		return renderer.renderEmail(notification, reader, link);
	}

	/** Why the reader gets the e-mail: she takes part, applied, coordinates, or owns a webhook. */
	private String footerKey(Notification notification, String recipientId) {
		if (recipientId == null) {
			return "footer-operator";
		}
		if (recipients.find(recipientId).map(Recipient::isStaff).orElse(false)) {
			return "footer-staff";
		}
		return switch (notification.kind()) {
			case ADDRESS_CONFIRMATION, APPLICATION_RECEIVED, NOT_ADMITTED -> "footer-applicant";
			default -> "footer";
		};
	}

	private String programmeLabel(Notification notification, NotificationRenderer.Reader reader) {
		Object programme = renderer.model(notification, reader).get("programme");
		return programme == null ? "" : programme.toString();
	}

	private String greeting(NotificationRenderer.Reader reader) {
		return reader.name() == null || reader.name().isBlank()
				? templates.phrase(reader.locale(), "greeting-anonymous", Map.of())
				: templates.phrase(reader.locale(), "greeting", Map.of("name", reader.name()));
	}

	private static InternetAddress recipient(String address, String name) throws AddressException {
		InternetAddress parsed = new InternetAddress(address, true);
		if (name != null && !name.isBlank()) {
			try {
				parsed.setPersonal(name, "UTF-8");
			}
			catch (UnsupportedEncodingException ex) {
				// UTF-8 is always supported
			}
		}
		return parsed;
	}

	private String messageId(Delivery delivery) {
		String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
		return "<" + UUID.nameUUIDFromBytes(delivery.id().getBytes(StandardCharsets.UTF_8)) + "@" + domain + ">";
	}

	private static String read(String path) {
		try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
			StringBuilder content = new StringBuilder();
			char[] buffer = new char[4096];
			for (int n; (n = reader.read(buffer)) > 0;) {
				content.append(buffer, 0, n);
			}
			return content.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Spring's helper with one table of file types for every message. Given a plain message it would
	 * read the {@code mime.types} table anew for each one: 37 % of the processor time of composing an
	 * e-mail, measured with async-profiler during the 1,000-session burst (bench/load, scenario 3).
	 */
	private static final class Helper extends MimeMessageHelper {

		private static final ConfigurableMimeFileTypeMap FILE_TYPES = fileTypes();

		Helper(MimeMessage message) throws MessagingException {
			super(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
		}

		@Override
		protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
			return FILE_TYPES; // called from the constructor: a static, not a field
		}

		private static ConfigurableMimeFileTypeMap fileTypes() {
			ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
			types.afterPropertiesSet();
			return types;
		}

	}

	/** A message whose Message-ID is ours rather than one generated when it is saved. */
	private static final class StableIdMessage extends MimeMessage {

		private final String id;

		StableIdMessage(String id) {
			super((Session) null);
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", id);
		}

	}

}
