package com.kreativnomentorstvo.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.Temporal;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.notifications.inbox.Details;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.template.NotificationKind;
import com.kreativnomentorstvo.notifications.template.RenderedMessage;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

class CalendarInvitationTests {

	private static final Instant START = Instant.parse("2027-01-15T09:00:00Z");

	private final CalendarInvitation invitation = new CalendarInvitation("sessions.kreativnomentorstvo.org");

	@Test
	void aScheduledSessionIsARequestWithTheSessionsUidAndSequence() throws Exception {
		Calendar calendar = parse(ics(NotificationKind.SESSION_SCHEDULED, 0));
		VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();

		assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
		assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("s-1@sessions.kreativnomentorstvo.org");
		assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
		assertThat(event.<Temporal>getStartDate().orElseThrow().getValue()).isEqualTo("20270115T090000Z");
		assertThat(event.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20270115T100000Z");
		assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue())
			.isEqualTo("mailto:no-reply@example.org");
		assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:ana@example.org");
		assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("https://meet.example.org/x");
	}

	@Test
	void aMoveKeepsTheUidAndRaisesTheSequence() throws Exception {
		VEvent event = parse(ics(NotificationKind.SESSION_RESCHEDULED, 2)).getComponent("VEVENT")
			.map(VEvent.class::cast)
			.orElseThrow();

		assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("s-1@sessions.kreativnomentorstvo.org");
		assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
	}

	@Test
	void aCancellationIsACancelOfTheSameEntry() throws Exception {
		Calendar calendar = parse(ics(NotificationKind.SESSION_CANCELLED, 3));
		VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();

		assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
		assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
		assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("s-1@sessions.kreativnomentorstvo.org");
		assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("3");
	}

	@Test
	void aMovedTrainingIsPublishedAgainUnderItsUidWithAHigherSequence() throws Exception {
		Calendar calendar = parse(training(NotificationKind.TRAINING_RESCHEDULED, 1));
		VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();

		assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
		assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("pev-1@sessions.kreativnomentorstvo.org");
		assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
		assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
		assertThat(event.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20270115T150000Z");
		assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Kulturni centar");
	}

	@Test
	void aCancelledTrainingIsACancelOfTheSameEntry() throws Exception {
		Calendar calendar = parse(training(NotificationKind.TRAINING_CANCELLED, 2));
		VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();

		assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
		assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
		assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("pev-1@sessions.kreativnomentorstvo.org");
		assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
		assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:ana@example.org");
	}

	@Test
	void kindsWithoutACalendarGetNone() {
		Notification notification = Notification.create(NotificationKind.MATCH_PROPOSED, "e-1", "p-1", null, null,
				new Details().time(START, null, 60, "Europe/Belgrade"), true, null, START, null);

		assertThat(invitation.of(notification, new RenderedMessage("t", "b", "a"), "x@example.org", null)).isNull();
	}

	private String ics(NotificationKind kind, int sequence) {
		Notification notification = Notification.create(kind, "e-" + sequence, "p-1", "prog-1", "org-1",
				new Details().session("s-1", sequence)
					.time(START, null, 60, "Europe/Belgrade")
					.place(true, "https://meet.example.org/x", null),
				true, null, START.minusSeconds(86_400), null);
		return invitation.of(notification, new RenderedMessage("Заказана менторска сесија", "Тело\n\nпоруке", "Погледајте"),
				"no-reply@example.org", "ana@example.org");
	}

	private String training(NotificationKind kind, int sequence) {
		Notification notification = Notification.create(kind, "e-" + sequence, "p-1", "prog-1", "org-1",
				new Details().programmeEvent("pev-1", "TRAINING", "Digital tools clinic")
					.sequence(sequence)
					.time(START, START.plusSeconds(6 * 3600), null, "Europe/Zagreb")
					.place(false, null, "Kulturni centar"),
				true, null, START.minusSeconds(86_400), null);
		return invitation.of(notification, new RenderedMessage("Otkazano: Digital tools clinic", "Tijelo\n\nporuke",
				"Pogledajte"), "no-reply@example.org", "ana@example.org");
	}

	private static Calendar parse(String ics) throws Exception {
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		calendar.validate();
		return calendar;
	}

}
