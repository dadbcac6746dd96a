package com.kreativnomentorstvo.sessions.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.sessions.SessionProperties;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeEvent;
import com.kreativnomentorstvo.sessions.session.Session;
import com.kreativnomentorstvo.sessions.session.SessionAccess;
import com.kreativnomentorstvo.sessions.session.SessionStatus;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * iCalendar (RFC 5545) for sessions and group events, written with ical4j. Text people typed
 * (titles, agendas, venues, names) cannot break a content line: line breaks are escaped, other
 * control characters dropped (input already refuses them), lines folded at 75 octets. Each entry keeps one
 * UID for its whole life and carries the SEQUENCE of its latest change, so calendars replace an
 * entry instead of adding a second one; times are given in the zone they were booked in, with the
 * VTIMEZONE that defines it, so a calendar app shows them right across daylight-saving changes.
 */
@Component
public class CalendarWriter {

	static final String PRODUCT = "-//Kreativno mentorstvo//Mentoring sessions//EN";

	/** The longest content line, in octets without its line break (RFC 5545, 3.1). */
	static final int MAX_LINE_OCTETS = 75;

	private final SessionProperties.Calendar settings;

	private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

	CalendarWriter(SessionProperties properties) {
		this.settings = properties.calendar();
	}

	/**
	 * One session, for a calendar app to import: {@code METHOD:CANCEL} once it is called off
	 * (iTIP, RFC 5546), {@code PUBLISH} otherwise.
	 */
	public String session(Session session, String viewerId, Map<String, String> names) {
		return session(session, viewerId, session.hasMember(viewerId) ? SessionAccess.Visibility.MEMBER
				: SessionAccess.Visibility.TIMES, names);
	}

	/**
	 * One session as the caller may see it: where the pair meets only for the pair and their
	 * stewards, the agenda only for the pair.
	 */
	public String session(Session session, String viewerId, SessionAccess.Visibility visibility,
			Map<String, String> names) {
		boolean cancelled = session.getStatus() == SessionStatus.CANCELLED;
		Calendar calendar = calendar(cancelled ? Method.VALUE_CANCEL : Method.VALUE_PUBLISH, null);
		add(calendar, entry(session, viewerId, visibility, names), Set.of(session.getTimeZone()));
		return write(calendar);
	}

	/**
	 * A programme's group event, for a calendar app to import: {@code METHOD:CANCEL} once it is
	 * called off, {@code PUBLISH} otherwise.
	 */
	public String programmeEvent(ProgrammeEvent event) {
		Calendar calendar = calendar(event.isCancelled() ? Method.VALUE_CANCEL : Method.VALUE_PUBLISH, null);
		add(calendar, entry(event), Set.of(event.getTimeZone()));
		return write(calendar);
	}

	/**
	 * A participant's subscribable calendar: her sessions (called-off ones marked cancelled, so the
	 * app removes them) and the group events she is invited to.
	 */
	public String feed(String participantId, List<Session> sessions, List<ProgrammeEvent> events,
			Map<String, String> names) {
		return feed(participantId, SessionAccess.Visibility.MEMBER, sessions, events, names);
	}

	/**
	 * A participant's calendar as the caller sees it: as her own ({@code MEMBER}), or as her
	 * steward ({@code STEWARD}: where the pair meets, without its agenda).
	 */
	public String feed(String participantId, SessionAccess.Visibility visibility, List<Session> sessions,
			List<ProgrammeEvent> events, Map<String, String> names) {
		Calendar calendar = calendar(Method.VALUE_PUBLISH, "Mentoring");
		Set<String> zoneIds = new LinkedHashSet<>();
		sessions.forEach(s -> zoneIds.add(s.getTimeZone()));
		events.forEach(e -> zoneIds.add(e.getTimeZone()));
		zoneIds.forEach(zone -> definition(zone).ifPresent(calendar::add));
		String viewer = visibility == SessionAccess.Visibility.MEMBER ? participantId : null;
		sessions.forEach(s -> calendar.add(entry(s, viewer, visibility, names)));
		events.forEach(e -> calendar.add(entry(e)));
		return write(calendar);
	}

	/** The UID of a session's or event's calendar entry: the same for every version of it. */
	public String uidOf(String id) {
		return id + "@" + settings.uidDomain();
	}

	private VEvent entry(Session session, String viewerId, SessionAccess.Visibility visibility,
			Map<String, String> names) {
		boolean member = session.hasMember(viewerId);
		boolean place = member || visibility.showsPlace();
		VEvent event = new VEvent(time(session.getStart(), session.getTimeZone()),
				time(session.getEnd(), session.getTimeZone()), summary(session, viewerId, names));
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
			description.append("Join: ").append(line(session.getMeetingUrl())).append('\n');
		}
		if (member && session.getAgenda() != null && !session.getAgenda().isBlank()) {
			description.append("Agenda:\n").append(text(session.getAgenda()));
		}
		if (!description.isEmpty()) {
			event.add(new Description(description.toString().strip()));
		}
		return event;
	}

	private VEvent entry(ProgrammeEvent programmeEvent) {
		VEvent event = new VEvent(time(programmeEvent.getStart(), programmeEvent.getTimeZone()),
				time(programmeEvent.getEnd(), programmeEvent.getTimeZone()), line(programmeEvent.getTitle()));
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

	private String summary(Session session, String viewerId, Map<String, String> names) {
		if (session.hasMember(viewerId)) {
			String partner = names.get(viewerId.equals(session.getMentorId()) ? session.getMenteeId()
					: session.getMentorId());
			return partner == null ? "Mentoring session" : "Mentoring session with " + clean(partner);
		}
		String mentor = names.get(session.getMentorId());
		String mentee = names.get(session.getMenteeId());
		return mentor == null || mentee == null ? "Mentoring session"
				: "Mentoring session: " + clean(mentor) + " & " + clean(mentee);
	}

	private Organizer organizer() {
		Organizer organizer = new Organizer(URI.create("mailto:" + settings.organizerEmail()));
		organizer.add(new Cn(clean(settings.organizerName())));
		return organizer;
	}

	/** Participants are named, never addressed: no e-mail is kept here, so they get a URN. */
	private static Attendee attendee(String participantId, Map<String, String> names) {
		Attendee attendee = new Attendee(URI.create("urn:kreativnomentorstvo:participant:" + participantId));
		String name = names.get(participantId);
		if (name != null) {
			attendee.add(new Cn(clean(name)));
		}
		attendee.add(Role.REQ_PARTICIPANT);
		return attendee;
	}

	/** The time in its zone (TZID), or in UTC if the library has no definition of the zone. */
	private Temporal time(Instant instant, String zoneId) {
		return timeZone(zoneId).<Temporal>map(tz -> ZonedDateTime.ofInstant(instant, ZoneId.of(zoneId)))
			.orElse(instant);
	}

	private Optional<TimeZone> timeZone(String zoneId) {
		synchronized (zones) {
			return Optional.ofNullable(zones.getTimeZone(zoneId));
		}
	}

	private Calendar calendar(String method, String name) {
		Calendar calendar = new Calendar().withProdId(PRODUCT).withDefaults().getFluentTarget();
		calendar.add(new Method(method));
		if (name != null) {
			calendar.add(new XProperty("X-WR-CALNAME", name));
		}
		return calendar;
	}

	private void add(Calendar calendar, VEvent event, Set<String> zoneIds) {
		zoneIds.forEach(zone -> definition(zone).ifPresent(calendar::add));
		calendar.add(event);
	}

	/**
	 * The VTIMEZONE that defines the zone, under the zone's own name. The library answers for a
	 * linked zone (Europe/Skopje, Europe/Ljubljana, Europe/Zagreb are links to Europe/Belgrade)
	 * with the definition of the zone it links to; the entries name the zone they were booked in,
	 * so the definition is renamed to match, or a calendar app would not find it.
	 */
	private Optional<VTimeZone> definition(String zoneId) {
		return timeZone(zoneId).map(tz -> {
			VTimeZone definition = tz.getVTimeZone();
			String defined = definition.getProperty(Property.TZID).map(Property::getValue).orElse(null);
			if (zoneId.equals(defined)) {
				return definition;
			}
			VTimeZone renamed = definition.copy();
			renamed.replace(new TzId(zoneId));
			renamed.removeAll(Property.TZURL);
			renamed.getProperty("X-LIC-LOCATION").ifPresent(location -> renamed.replace(new XProperty("X-LIC-LOCATION", zoneId)));
			return renamed;
		});
	}

	private static String write(Calendar calendar) {
		try {
			StringWriter out = new StringWriter();
			new CalendarOutputter(false).output(calendar, out);
			return fold(out.toString());
		}
		catch (IOException | ValidationException ex) {
			throw new IllegalStateException("could not write a calendar", ex);
		}
	}

	/**
	 * Folds every content line at 75 octets of UTF-8, as RFC 5545 (3.1) asks, never inside a
	 * character. The library folds at a number of characters, which for Cyrillic or accented
	 * names is up to twice as many octets; its folds are undone first (a content line never begins
	 * with a space, so CR LF space is always a fold).
	 */
	static String fold(String calendar) {
		String unfolded = calendar.replace("\r\n ", "").replace("\r\n\t", "");
		StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 70 * 3);
		for (String contentLine : unfolded.split("\r\n")) {
			int octets = 0;
			for (int i = 0; i < contentLine.length(); i = contentLine.offsetByCodePoints(i, 1)) {
				int codePoint = contentLine.codePointAt(i);
				int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
				if (octets + size > MAX_LINE_OCTETS) {
					folded.append("\r\n ");
					octets = 1;
				}
				folded.appendCodePoint(codePoint);
				octets += size;
			}
			folded.append("\r\n");
		}
		return folded.toString();
	}

	/**
	 * A TEXT value: line breaks (CR LF, and a lone CR, NEL or Unicode line or paragraph separator,
	 * which the library would write as they are and a lenient reader takes for the end of a line)
	 * become LF, which the library writes as the escape {@code \n}; every other control or
	 * formatting character is dropped. So no text can end a content line and start a property of its own.
	 */
	static String text(String value) {
		return value.replace("\r\n", "\n")
			.replaceAll("[\r\u0085\u2028\u2029]", "\n")
			.replaceAll("[\\p{Cntrl}&&[^\n\t]]|\\p{Cf}", "");
	}

	/** A one-line TEXT value (a summary, a location): line breaks and tabs become spaces. */
	static String line(String value) {
		return text(value).replaceAll("[\n\t]+", " ").strip();
	}

	/** Names go into parameters too: no quotes or control characters that could break the line. */
	private static String clean(String text) {
		return line(text).replace('"', ' ').strip();
	}

}
