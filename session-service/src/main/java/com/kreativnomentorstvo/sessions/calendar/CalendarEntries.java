package com.kreativnomentorstvo.sessions.calendar;

import static com.kreativnomentorstvo.sessions.calendar.CalendarText.line;
import static com.kreativnomentorstvo.sessions.calendar.CalendarText.name;
import static com.kreativnomentorstvo.sessions.calendar.CalendarText.text;

import java.net.URI;
import java.util.Map;

import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeEvent;
import com.kreativnomentorstvo.sessions.session.Session;
import com.kreativnomentorstvo.sessions.session.SessionAccess;
import com.kreativnomentorstvo.sessions.session.SessionStatus;

import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

/**
 * The calendar entry (VEVENT) of a session or a group event. Each keeps one UID for its whole life
 * and carries the SEQUENCE of its latest change, so calendars replace an entry instead of adding a
 * second one. A session's entry shows where the pair meets only to the pair and their stewards, its
 * agenda only to the pair, and never a note.
 */
final class CalendarEntries {

	private final SessionProperties.Calendar settings;

	private final TimeZoneDefinitions zones;

	CalendarEntries(SessionProperties.Calendar settings, TimeZoneDefinitions zones) {
		this.settings = settings;
		this.zones = zones;
	}

	/** The UID of a session's or event's calendar entry: the same for every version of it. */
	String uidOf(String id) {
		return id + "@" + settings.uidDomain();
	}

	/** A session as the viewer sees it (a member of the pair, or someone who sees as much as {@code visibility}). */
	VEvent of(Session session, String viewerId, SessionAccess.Visibility visibility, Map<String, String> names,
			CalendarWords words) {
		boolean member = session.hasMember(viewerId);
		boolean place = member || visibility.showsPlace();
		VEvent event = new VEvent(zones.time(session.getStart(), session.getTimeZone()),
				zones.time(session.getEnd(), session.getTimeZone()), summary(session, viewerId, names, words));
		event.add(new Uid(uidOf(session.getId())));
		event.add(new Sequence(session.getSequence()));
		event.add(new Status(session.getStatus() == SessionStatus.CANCELLED ? Status.VALUE_CANCELLED
				: Status.VALUE_CONFIRMED));
		event.add(organizer());
		event.add(attendee(session.getMentorId(), names));
		event.add(attendee(session.getMenteeId(), names));
		if (place && session.getMode() == SessionMode.IN_PERSON && session.getVenue() != null) {
			event.add(new Location(line(session.getVenue())));
		}
		if (place && session.getMode() == SessionMode.ONLINE && session.getMeetingUrl() != null) {
			event.add(new Location(line(session.getMeetingUrl())));
			event.add(new Url(URI.create(session.getMeetingUrl())));
		}
		StringBuilder description = new StringBuilder();
		if (place && session.getMeetingUrl() != null) {
			description.append(words.join()).append(": ").append(line(session.getMeetingUrl())).append('\n');
		}
		if (member && session.getAgenda() != null && !session.getAgenda().isBlank()) {
			description.append(words.agenda()).append(":\n").append(text(session.getAgenda()));
		}
		if (!description.isEmpty()) {
			event.add(new Description(description.toString().strip()));
		}
		return event;
	}

	/** A group event, as every invitee sees it. */
	VEvent of(ProgrammeEvent programmeEvent) {
		VEvent event = new VEvent(zones.time(programmeEvent.getStart(), programmeEvent.getTimeZone()),
				zones.time(programmeEvent.getEnd(), programmeEvent.getTimeZone()), line(programmeEvent.getTitle()));
		event.add(new Uid(uidOf(programmeEvent.getId())));
		event.add(new Sequence(programmeEvent.getSequence()));
		event.add(new Status(programmeEvent.isCancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
		event.add(organizer());
		if (programmeEvent.getVenue() != null) {
			event.add(new Location(line(programmeEvent.getVenue())));
		}
		if (programmeEvent.getMeetingUrl() != null) {
			event.add(new Location(line(programmeEvent.getMeetingUrl())));
			event.add(new Url(URI.create(programmeEvent.getMeetingUrl())));
		}
		if (programmeEvent.getDescription() != null && !programmeEvent.getDescription().isBlank()) {
			event.add(new Description(text(programmeEvent.getDescription())));
		}
		return event;
	}

	/** "with" the partner for a member of the pair; both names for anyone else; in the reader's language. */
	private static String summary(Session session, String viewerId, Map<String, String> names, CalendarWords words) {
		if (session.hasMember(viewerId)) {
			String partner = names.get(viewerId.equals(session.getMentorId()) ? session.getMenteeId()
					: session.getMentorId());
			return partner == null ? words.session() : words.sessionWith(name(partner));
		}
		String mentor = names.get(session.getMentorId());
		String mentee = names.get(session.getMenteeId());
		return mentor == null || mentee == null ? words.session() : words.sessionOf(name(mentor), name(mentee));
	}

	private Organizer organizer() {
		Organizer organizer = new Organizer(URI.create("mailto:" + settings.organizerEmail()));
		organizer.add(new Cn(name(settings.organizerName())));
		return organizer;
	}

	/** Participants are named, never addressed: no e-mail is kept here, so they get a URN. */
	private static Attendee attendee(String participantId, Map<String, String> names) {
		Attendee attendee = new Attendee(URI.create("urn:kreativnomentorstvo:participant:" + participantId));
		String displayName = names.get(participantId);
		if (displayName != null) {
			attendee.add(new Cn(name(displayName)));
		}
		attendee.add(Role.REQ_PARTICIPANT);
		return attendee;
	}

}
