package com.kreativnomentorstvo.sessions.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeEvent;
import com.kreativnomentorstvo.sessions.session.Session;
import com.kreativnomentorstvo.sessions.session.SessionAccess;
import com.kreativnomentorstvo.sessions.session.SessionStatus;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * iCalendar (RFC 5545) files for sessions and group events, written with ical4j: one entry to
 * import ({@code PUBLISH}, or {@code CANCEL} once called off) or a participant's feed. Each file
 * carries the VTIMEZONE of every zone its entries use ({@link TimeZoneDefinitions}); what an entry
 * shows to whom is {@link CalendarEntries}'; typed text is made safe by {@link CalendarText}.
 */
@Component
public class CalendarWriter {

	static final String PRODUCT = "-//Kreativno mentorstvo//Mentoring sessions//EN";

	private final TimeZoneDefinitions zones = new TimeZoneDefinitions();

	private final CalendarEntries entries;

	CalendarWriter(SessionProperties properties) {
		this.entries = new CalendarEntries(properties.calendar(), zones);
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
		return session(session, viewerId, visibility, names, null);
	}

	/**
	 * One session as the caller may see it, its words in the language of the tag (English if none of
	 * the platform's six).
	 */
	public String session(Session session, String viewerId, SessionAccess.Visibility visibility,
			Map<String, String> names, String language) {
		boolean cancelled = session.getStatus() == SessionStatus.CANCELLED;
		return write(single(cancelled, entries.of(session, viewerId, visibility, names, CalendarWords.in(language)),
				session.getTimeZone()));
	}

	/**
	 * A programme's group event, for a calendar app to import: {@code METHOD:CANCEL} once it is
	 * called off, {@code PUBLISH} otherwise.
	 */
	public String programmeEvent(ProgrammeEvent event) {
		return write(single(event.isCancelled(), entries.of(event), event.getTimeZone()));
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
		return feed(participantId, visibility, sessions, events, names, null);
	}

	/** A participant's calendar as the caller sees it, its words in the language of the tag. */
	public String feed(String participantId, SessionAccess.Visibility visibility, List<Session> sessions,
			List<ProgrammeEvent> events, Map<String, String> names, String language) {
		CalendarWords words = CalendarWords.in(language);
		Calendar calendar = calendar(Method.VALUE_PUBLISH, words.calendarName());
		Set<String> zoneIds = new LinkedHashSet<>();
		sessions.forEach(s -> zoneIds.add(s.getTimeZone()));
		events.forEach(e -> zoneIds.add(e.getTimeZone()));
		zoneIds.forEach(zone -> zones.definition(zone).ifPresent(calendar::add));
		String viewer = visibility == SessionAccess.Visibility.MEMBER ? participantId : null;
		sessions.forEach(s -> calendar.add(entries.of(s, viewer, visibility, names, words)));
		events.forEach(e -> calendar.add(entries.of(e)));
		return write(calendar);
	}

	/** The UID of a session's or event's calendar entry: the same for every version of it. */
	public String uidOf(String id) {
		return entries.uidOf(id);
	}

	/** A file of one entry, with the definition of its zone. */
	private Calendar single(boolean cancelled, VEvent entry, String zoneId) {
		Calendar calendar = calendar(cancelled ? Method.VALUE_CANCEL : Method.VALUE_PUBLISH, null);
		zones.definition(zoneId).ifPresent(calendar::add);
		calendar.add(entry);
		return calendar;
	}

	private static Calendar calendar(String method, String name) {
		Calendar calendar = new Calendar().withProdId(PRODUCT).withDefaults().getFluentTarget();
		calendar.add(new Method(method));
		if (name != null) {
			calendar.add(new XProperty("X-WR-CALNAME", name));
		}
		return calendar;
	}

	private static String write(Calendar calendar) {
		try {
			StringWriter out = new StringWriter();
			new CalendarOutputter(false).output(calendar, out);
			return CalendarText.fold(out.toString());
		}
		catch (IOException | ValidationException ex) {
			throw new IllegalStateException("could not write a calendar", ex);
		}
	}

}
