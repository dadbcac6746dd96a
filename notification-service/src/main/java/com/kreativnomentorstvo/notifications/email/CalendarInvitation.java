package com.kreativnomentorstvo.notifications.email;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.inbox.Details;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.template.NotificationKind;
import com.kreativnomentorstvo.notifications.template.RenderedMessage;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

/**
 * The {@code .ics} attached to session and training e-mails (iCalendar, RFC 5545, with iTIP
 * methods of RFC 5546), made with ical4j from the event's data. A session keeps the UID
 * {@code <sessionId>@<calendar UID domain>} (a training {@code <programmeEventId>@...}), the one
 * session-service's calendar feed gives it, through every change and carries the event's SEQUENCE, so a calendar replaces (or, on cancellation, removes)
 * the entry it already has. Times are in UTC; calendars show them in the reader's zone.
 */
@Component
class CalendarInvitation {

	private final String uidDomain;

	private static final String PRODUCT = "-//Kreativno mentorstvo//Mentoring platform//EN";

	@Autowired
	CalendarInvitation(NotificationProperties settings) {
		this(settings.mail().calendarUidDomain());
	}

	CalendarInvitation(String uidDomain) {
		this.uidDomain = uidDomain;
	}

	/**
	 * The iTIP method of the entry: REQUEST for a session's booking or move, PUBLISH for a training
	 * and its changes (invitees answer on the platform, not by calendar reply), CANCEL for either.
	 */
	static String method(NotificationKind kind) {
		return switch (kind) {
			case SESSION_CANCELLED, TRAINING_CANCELLED -> "CANCEL";
			case TRAINING_INVITATION, TRAINING_RESCHEDULED -> "PUBLISH";
			default -> "REQUEST";
		};
	}

	/**
	 * The calendar of the notification, or {@code null} if its kind has none.
	 * @param organizer the sender's address, the entry's organiser
	 * @param attendee the recipient's address
	 */
	String of(Notification notification, RenderedMessage message, String organizer, String attendee) {
		NotificationKind kind = notification.kind();
		Details details = notification.details();
		if (!kind.calendar() || details.start() == null) {
			return null;
		}
		String uid = (details.programmeEventId() != null ? details.programmeEventId() : details.sessionId())
				+ "@" + uidDomain;
		Instant start = details.start();
		VEvent event = new VEvent(false);
		event.add(new Uid(uid));
		event.add(new DtStamp(notification.createdAt()));
		event.add(new DtStart<>(start));
		Instant end = details.end() != null ? details.end()
				: details.durationMinutes() != null ? start.plus(Duration.ofMinutes(details.durationMinutes())) : null;
		if (end != null) {
			event.add(new net.fortuna.ical4j.model.property.DtEnd<>(end));
		}
		event.add(new Sequence(details.sequence() == null ? 0 : details.sequence()));
		event.add(new Summary(message.title()));
		event.add(new Description(message.body().strip()));
		String place = details.venue() != null ? details.venue() : details.meetingUrl();
		if (place != null) {
			event.add(new Location(place));
		}
		if (details.meetingUrl() != null) {
			try {
				event.add(new Url(URI.create(details.meetingUrl())));
			}
			catch (IllegalArgumentException notAUri) {
				// the link stays in the location and the description
			}
		}
		String method = method(kind);
		event.add("CANCEL".equals(method) ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
		if (!"PUBLISH".equals(method)) {
			event.add(new Organizer(URI.create("mailto:" + organizer)));
			if (attendee != null) {
				event.add(new Attendee(URI.create("mailto:" + attendee)));
			}
		}
		Calendar calendar = new Calendar();
		calendar.withProdId(PRODUCT)
			.withDefaults()
			.withProperty(switch (method) {
				case "CANCEL" -> ImmutableMethod.CANCEL;
				case "PUBLISH" -> ImmutableMethod.PUBLISH;
				default -> ImmutableMethod.REQUEST;
			})
			.withComponent(event);
		return calendar.toString();
	}

}
