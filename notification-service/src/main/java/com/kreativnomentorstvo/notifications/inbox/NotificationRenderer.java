package com.kreativnomentorstvo.notifications.inbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.recipient.PreferencesStore;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.template.NotificationKind;
import com.kreativnomentorstvo.notifications.template.RenderedMessage;
import com.kreativnomentorstvo.notifications.template.SupportedLocale;
import com.kreativnomentorstvo.notifications.template.Templates;
import com.kreativnomentorstvo.notifications.template.Written;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;

/**
 * Writes a notification's text for its reader: in her language and time zone, with the names of
 * the people it mentions as they are now (absent once a person is erased).
 */
@Component
public class NotificationRenderer {

	/** The zone of last resort, shown as "UTC" (rather than "Z") to readers. */
	private static final ZoneId UTC = ZoneId.of("UTC");

	private final Templates templates;

	private final RecipientDirectory recipients;

	private final PreferencesStore preferences;

	private final ProgrammeDirectory programmes;

	private final NotificationProperties properties;

	NotificationRenderer(Templates templates, RecipientDirectory recipients, PreferencesStore preferences,
			ProgrammeDirectory programmes, NotificationProperties properties) {
		this.templates = templates;
		this.recipients = recipients;
		this.preferences = preferences;
		this.programmes = programmes;
		this.properties = properties;
	}

	/** Who reads a message: her language, time zone and name (if known). */
	public record Reader(SupportedLocale locale, ZoneId zone, String name) {
	}

	/** A rendered notification and the address of the page that acts on it. */
	public record Rendered(RenderedMessage message, String actionUrl, SupportedLocale locale) {
	}

	/**
	 * The link an e-mail carries in place of the inbox's action: a signed account link (written
	 * when the e-mail is sent, never stored), or the sign-in page.
	 *
	 * @param purpose {@code SET_PASSWORD}, {@code CONFIRM_ADDRESS}, or {@code null} for the sign-in page
	 * @param validUntil when a signed link expires, if known
	 */
	public record EmailLink(String url, String purpose, Instant validUntil) {
	}

	/** The reader of the notification as she is now. */
	public Reader readerOf(Notification notification) {
		Recipient recipient = recipients.find(notification.recipientId()).orElse(null);
		SupportedLocale locale;
		if (notification.locale() != null) {
			locale = SupportedLocale.firstOf(notification.locale());
		}
		else {
			SupportedLocale stated = recipient == null ? SupportedLocale.EN : recipient.locale();
			locale = preferences.of(notification.recipientId()).localeOr(stated);
		}
		ZoneId fallback = zone(notification.details().timeZone(),
				programmes.find(notification.programmeId()).map(Programme::timeZone).orElse(null));
		ZoneId zone = recipient == null ? fallback : recipients.zoneOf(recipient, fallback);
		return new Reader(locale, zone, recipient == null ? null : recipient.displayName());
	}

	public Rendered render(Notification notification) {
		return render(notification, readerOf(notification));
	}

	/** The notification as the inbox (and its stream) shows it: never with an account link. */
	public Rendered render(Notification notification, Reader reader) {
		Map<String, Object> model = model(notification, reader);
		model.put("inbox", true);
		RenderedMessage message = templates.render(notification.kind(), reader.locale(), model);
		return new Rendered(message, actionUrl(notification), reader.locale());
	}

	/**
	 * The notification as its e-mail says it. With a link, the e-mail's action is that link (for
	 * account messages: set the password, confirm the address, or sign in) and the text may say
	 * until when it is valid.
	 */
	public Rendered renderEmail(Notification notification, Reader reader, EmailLink link) {
		Map<String, Object> model = model(notification, reader);
		if (link != null) {
			model.put("setPassword", Details.SET_PASSWORD.equals(link.purpose()));
			put(model, "validUntil", dateTime(link.validUntil(), reader));
		}
		RenderedMessage message = templates.render(notification.kind(), reader.locale(), model);
		return new Rendered(message, link != null ? link.url() : actionUrl(notification), reader.locale());
	}

	/** The values the templates may use; see the README for the list per kind. */
	public Map<String, Object> model(Notification notification, Reader reader) {
		Details details = notification.details();
		SupportedLocale locale = reader.locale();
		Map<String, Object> model = new HashMap<>();
		put(model, "name", reader.name());
		String programme = programmes.find(notification.programmeId()).map(p -> Written.in(locale, p.name(), p.details().names())).orElse(null);
		model.put("programme", programme != null ? programme : templates.phrase(locale, "the-programme", "—"));
		if (details.counterpartId() != null) {
			Optional<Recipient> counterpart = recipients.find(details.counterpartId());
			counterpart.map(Recipient::displayName).ifPresent(n -> model.put("counterpart", n));
			model.put("counterpartIsMentor", Boolean.TRUE.equals(details.counterpartIsMentor()));
			if (notification.kind() == NotificationKind.MENTORSHIP_STARTED) {
				// the introduction: once both have accepted, each may write to the other
				counterpart.map(Recipient::email).ifPresent(address -> model.put("counterpartEmail", address));
			}
		}
		if (details.mentorId() != null) {
			recipients.find(details.mentorId()).map(Recipient::displayName).ifPresent(n -> model.put("mentor", n));
			recipients.find(details.menteeId()).map(Recipient::displayName).ifPresent(n -> model.put("mentee", n));
		}
		Optional<Recipient> recipient = recipients.find(notification.recipientId());
		String role = details.role() != null ? details.role() : recipient.map(Recipient::role).orElse(null);
		if (role != null) {
			model.put("asMentor", "MENTOR".equals(role));
			model.put("asMentee", "MENTEE".equals(role));
		}
		model.put("staff", recipient.map(Recipient::isStaff).orElse(false));
		if (details.purpose() != null) {
			model.put("reset", "RESET".equals(details.purpose()));
		}
		put(model, "start", dateTime(details.start(), reader));
		put(model, "previousStart", dateTime(details.previousStart(), reader));
		put(model, "end", dateTime(details.end(), reader));
		put(model, "duration", details.durationMinutes());
		if (details.online() != null) {
			model.put("online", details.online());
		}
		put(model, "meetingUrl", details.meetingUrl());
		put(model, "venue", details.venue());
		put(model, "respondBy", dateTime(details.respondBy(), reader));
		if (details.score() != null) {
			model.put("score", Math.round(details.score()));
		}
		List<Map<String, Object>> reasons = details.reasons()
			.stream()
			.map(r -> reason(r, locale))
			.toList();
		if (!reasons.isEmpty()) {
			model.put("reasons", reasons);
		}
		if (details.reasonCode() != null) {
			String family = switch (notification.kind()) {
				case SESSION_CANCELLED, TRAINING_CANCELLED -> "cancel-reason.";
				case NOT_ADMITTED -> "not-admitted-reason.";
				default -> "decline-reason.";
			};
			model.put("reason", templates.phrase(locale, family + details.reasonCode(),
					templates.phrase(locale, family + "OTHER", details.reasonCode())));
		}
		if (details.eventKind() != null) {
			model.put("eventKind", templates.phrase(locale, "event-kind." + details.eventKind(),
					templates.phrase(locale, "event-kind.TRAINING", details.eventKind())));
		}
		put(model, "title", details.title());
		put(model, "text", details.text());
		if (details.hoursBefore() != null) {
			model.put("hours", details.hoursBefore());
			model.put("dayBefore", details.hoursBefore() >= 24);
		}
		put(model, "days", details.days());
		if (details.date() != null) {
			model.put("date", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale.locale())
				.format(details.date()));
		}
		put(model, "url", details.url());
		put(model, "failures", details.failures());
		put(model, "invited", details.invited());
		put(model, "accepted", details.accepted());
		put(model, "undecided", details.undecided());
		put(model, "since", dateTime(details.since(), reader));
		return model;
	}

	/** Where the recipient acts on the notification, in the platform's web application. */
	String actionUrl(Notification notification) {
		Details d = notification.details();
		String path = switch (notification.kind()) {
			case ENROLMENT_CONFIRMED -> "/participants/" + notification.recipientId();
			case MATCH_PROPOSED, MATCH_ACCEPTED, MATCH_DECLINED, MATCH_EXPIRED, PROPOSAL_UNANSWERED ->
				"/matches/" + d.matchId();
			case MENTORSHIP_STARTED, PAIR_SILENT -> "/mentorships/" + d.mentorshipId();
			case SESSION_SCHEDULED, SESSION_RESCHEDULED, SESSION_CANCELLED, SESSION_REMINDER ->
				"/sessions/" + d.sessionId();
			case FEEDBACK_REQUEST -> "/sessions/" + d.sessionId() + "/feedback";
			case MIDTERM_REVIEW_DUE, FINAL_REVIEW_DUE -> "/mentorships/" + d.mentorshipId() + "/reviews";
			case MESSAGE_RECEIVED -> "/mentorships/" + d.mentorshipId() + "/messages";
			case SURVEY_REQUESTED -> "/surveys/" + d.surveyRequestId();
			case TRAINING_INVITATION, TRAINING_RESCHEDULED, TRAINING_CANCELLED, LOW_TURNOUT ->
				"/programmes/" + notification.programmeId() + "/events/" + d.programmeEventId();
			case WEBHOOK_DISABLED -> "/webhooks/" + d.webhookId();
			case ADMITTED, INVITATION -> "/participants/" + notification.recipientId();
			case NEW_APPLICATION -> "/participants/" + d.counterpartId();
			case DECLINED_PROPOSAL, EXPIRED_PROPOSAL -> "/programmes/" + notification.programmeId() + "/matching";
			case SILENT_PAIR, MISSING_MIDTERM_REVIEW -> "/programmes/" + notification.programmeId() + "/progress";
			case ANNOUNCEMENT -> "/inbox";
			// an applicant has no account yet; account e-mails carry their own link instead
			case ADDRESS_CONFIRMATION, APPLICATION_RECEIVED, NOT_ADMITTED, PASSWORD_LINK, COORDINATOR_APPOINTED,
					RETURN_INVITATION -> "/";
		};
		return properties.publicUrl() + path;
	}

	private Map<String, Object> reason(Details.Reason reason, SupportedLocale locale) {
		Map<String, Object> values = new HashMap<>();
		values.put("label", templates.phrase(locale, "criterion." + reason.criterion(), reason.criterion()));
		values.put("points", BigDecimal.valueOf(reason.points()).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
			.toPlainString());
		// matching-service explains in English; other languages show the criterion and points only
		if (locale == SupportedLocale.EN && reason.explanation() != null) {
			values.put("explanation", reason.explanation());
		}
		return values;
	}

	private static String dateTime(Instant instant, Reader reader) {
		if (instant == null) {
			return null;
		}
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
			.withLocale(reader.locale().locale());
		return format.format(instant.atZone(reader.zone())) + " (" + reader.zone().getId() + ")";
	}

	private static ZoneId zone(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null) {
				try {
					return ZoneId.of(candidate);
				}
				catch (DateTimeException ex) {
					// try the next
				}
			}
		}
		return UTC;
	}

	private static void put(Map<String, Object> model, String key, Object value) {
		if (value != null) {
			model.put(key, value);
		}
	}

}
