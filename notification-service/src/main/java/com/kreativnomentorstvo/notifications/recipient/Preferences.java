package com.kreativnomentorstvo.notifications.recipient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.notifications.template.NotificationKind;
import com.kreativnomentorstvo.notifications.template.SupportedLocale;

/**
 * How a participant (or a coordinator) wants to hear from the platform: which channels per kind
 * of message, the language, quiet hours (no e-mail that can wait) and an optional daily digest.
 * Without a stored choice, every kind arrives by e-mail and in the inbox, at once for participants
 * and in a daily digest for coordinators. Kinds that are not {@link NotificationKind#choosable()
 * choosable} (security messages, onboarding decisions) ignore these choices.
 */
@Document("notification_preferences")
public class Preferences {

	/** Whether e-mails that can wait are sent at once or gathered into one a day. */
	public enum Digest {

		NONE, DAILY

	}

	static final LocalTime DEFAULT_DIGEST_AT = LocalTime.of(8, 0);

	@Id
	private String id;

	private String locale;

	private Map<String, ChannelChoice> kinds = new HashMap<>();

	private LocalTime quietFrom;

	private LocalTime quietTo;

	private Digest digest = Digest.NONE;

	private LocalTime digestAt = DEFAULT_DIGEST_AT;

	@Version
	private Long version;

	Preferences() {
	}

	static Preferences defaults(String participantId) {
		return defaults(participantId, false);
	}

	/** The defaults of a participant, or of a coordinator ({@code staff}: what can wait comes in a daily digest). */
	static Preferences defaults(String recipientId, boolean staff) {
		Preferences preferences = new Preferences();
		preferences.id = recipientId;
		preferences.digest = staff ? Digest.DAILY : Digest.NONE;
		return preferences;
	}

	/** E-mail and inbox choices for one kind. */
	public record ChannelChoice(boolean email, boolean inApp) {

		static final ChannelChoice BOTH = new ChannelChoice(true, true);

	}

	void replace(String locale, Map<NotificationKind, ChannelChoice> kinds, LocalTime quietFrom, LocalTime quietTo,
			Digest digest, LocalTime digestAt) {
		this.locale = locale;
		this.kinds = new HashMap<>();
		kinds.forEach((kind, choice) -> this.kinds.put(kind.code(), choice));
		this.quietFrom = quietFrom;
		this.quietTo = quietTo;
		this.digest = digest == null ? Digest.NONE : digest;
		this.digestAt = digestAt == null ? DEFAULT_DIGEST_AT : digestAt;
	}

	/** Stops e-mails of the kind (the unsubscribe link), or of every kind when {@code kind} is null. */
	void stopEmails(NotificationKind kind) {
		for (NotificationKind each : NotificationKind.values()) {
			if (each.choosable() && (kind == null || kind == each)) {
				ChannelChoice current = choice(each);
				kinds.put(each.code(), new ChannelChoice(false, current.inApp()));
			}
		}
	}

	public String participantId() {
		return id;
	}

	/** The language the participant chose here, if any. */
	public String locale() {
		return locale;
	}

	/** The language to write in: the choice made here, else the one the recipient record gives. */
	public SupportedLocale localeOr(SupportedLocale fallback) {
		return SupportedLocale.of(locale).orElse(fallback);
	}

	public ChannelChoice choice(NotificationKind kind) {
		ChannelChoice choice = kinds == null ? null : kinds.get(kind.code());
		return choice == null ? ChannelChoice.BOTH : choice;
	}

	/**
	 * Whether the recipient wants messages of the kind over the channel; a kind she cannot choose
	 * goes over every channel it has.
	 */
	public boolean wants(NotificationKind kind, Channel channel) {
		if (!kind.choosable()) {
			return channel == Channel.EMAIL || (channel == Channel.IN_APP && kind.inbox());
		}
		ChannelChoice choice = choice(kind);
		return switch (channel) {
			case EMAIL -> choice.email();
			case IN_APP -> choice.inApp();
			case WEBHOOK -> false;
		};
	}

	public LocalTime quietFrom() {
		return quietFrom;
	}

	public LocalTime quietTo() {
		return quietTo;
	}

	public Digest digest() {
		return digest == null ? Digest.NONE : digest;
	}

	public LocalTime digestAt() {
		return digestAt == null ? DEFAULT_DIGEST_AT : digestAt;
	}

	/** The ETag version: 0 while the participant never chose, then one more per change. */
	public long revision() {
		return version == null ? 0 : version + 1;
	}

	/**
	 * When an e-mail that can wait may be sent, if not now: the end of the quiet hours the instant
	 * falls into, or {@code null} outside quiet hours.
	 */
	public Instant quietUntil(Instant at, ZoneId zone) {
		if (quietFrom == null || quietTo == null || quietFrom.equals(quietTo)) {
			return null;
		}
		ZonedDateTime local = at.atZone(zone);
		LocalTime time = local.toLocalTime();
		LocalDate date = local.toLocalDate();
		boolean overnight = quietFrom.isAfter(quietTo);
		if (!overnight && !time.isBefore(quietFrom) && time.isBefore(quietTo)) {
			return date.atTime(quietTo).atZone(zone).toInstant();
		}
		if (overnight && !time.isBefore(quietFrom)) {
			return date.plusDays(1).atTime(quietTo).atZone(zone).toInstant();
		}
		if (overnight && time.isBefore(quietTo)) {
			return date.atTime(quietTo).atZone(zone).toInstant();
		}
		return null;
	}

	/** The next time the daily digest goes out, strictly after the instant. */
	public Instant nextDigest(Instant after, ZoneId zone) {
		ZonedDateTime local = after.atZone(zone);
		ZonedDateTime today = local.toLocalDate().atTime(digestAt()).atZone(zone);
		return (today.toInstant().isAfter(after) ? today : today.plusDays(1)).toInstant();
	}

}
