package com.kreativnomentorstvo.sessions.session;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * A stretch of time booked in a time zone: stored as UTC instants, remembered with the zone it
 * was booked in so that calendars and a weekly series keep its local wall-clock time across
 * daylight-saving changes.
 */
public record Slot(Instant start, Instant end, ZoneId zone) {

	private static final Pattern IANA_NAME = Pattern.compile("UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+)+");

	public Slot {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("a slot ends after it starts");
		}
	}

	/**
	 * Reads a slot from request fields, naming each one at fault (422).
	 * @param start a local date-time in the zone ({@code 2026-10-25T18:00}), or one with an offset
	 * @param end optional, same format, instead of or in agreement with the duration
	 * @param durationMinutes optional when {@code end} is given
	 * @param timeZone an IANA zone name such as {@code Europe/Belgrade}
	 */
	public static Slot parse(String start, String end, Integer durationMinutes, String timeZone, Duration minDuration,
			Duration maxDuration) {
		List<FieldProblem> problems = new ArrayList<>();
		ZoneId zone = zone(timeZone, problems);
		ZonedDateTime from = zone == null ? null : dateTime("start", start, zone, problems);
		ZonedDateTime to = zone == null || end == null ? null : dateTime("end", end, zone, problems);
		if (start == null) {
			problems.add(FieldProblem.of("start", "field.required"));
		}
		if (!problems.isEmpty() || from == null) {
			throw new InvalidFieldsException(problems);
		}
		Instant startsAt = from.toInstant();
		Instant endsAt;
		if (to != null) {
			if (!to.toInstant().isAfter(startsAt)) {
				throw new InvalidFieldsException("end", ProblemText.of("slot.end-before-start"));
			}
			endsAt = to.toInstant();
			if (durationMinutes != null && Duration.between(startsAt, endsAt).toMinutes() != durationMinutes) {
				throw new InvalidFieldsException("end", ProblemText.of("slot.end-disagrees"));
			}
		}
		else if (durationMinutes != null) {
			if (durationMinutes <= 0) {
				throw new InvalidFieldsException("durationMinutes", ProblemText.of("slot.duration-not-positive"));
			}
			endsAt = startsAt.plus(durationMinutes, ChronoUnit.MINUTES);
		}
		else {
			throw new InvalidFieldsException("durationMinutes", ProblemText.of("slot.no-end"));
		}
		Duration length = Duration.between(startsAt, endsAt);
		if (length.compareTo(minDuration) < 0 || length.compareTo(maxDuration) > 0) {
			throw new InvalidFieldsException(to != null ? "end" : "durationMinutes",
					ProblemText.of("slot.length", minDuration.toMinutes(), maxDuration.toMinutes()));
		}
		return new Slot(startsAt, endsAt, zone);
	}

	/**
	 * This slot changed by the fields given (422 naming a field at fault). Absent fields keep what
	 * the slot has: without a new start, the same moment told in the new zone; without an end or a
	 * duration, the same length. Without any field, this slot.
	 */
	public Slot changedBy(String newStart, String newEnd, Integer newDurationMinutes, String newTimeZone,
			Duration minDuration, Duration maxDuration) {
		if (newStart == null && newEnd == null && newDurationMinutes == null && newTimeZone == null) {
			return this;
		}
		String timeZone = newTimeZone != null ? newTimeZone : zone.getId();
		List<FieldProblem> problems = new ArrayList<>();
		ZoneId newZone = zone(timeZone, problems);
		if (newZone == null) {
			throw new InvalidFieldsException(problems);
		}
		String from = newStart != null ? newStart : start.atZone(newZone).toLocalDateTime().toString();
		Integer duration = newEnd == null && newDurationMinutes == null ? Integer.valueOf((int) duration().toMinutes())
				: newDurationMinutes;
		return parse(from, newEnd, duration, timeZone, minDuration, maxDuration);
	}

	/** An IANA region zone, or the problem with the name. */
	public static ZoneId zone(String timeZone, List<FieldProblem> problems) {
		if (timeZone == null || timeZone.isBlank()) {
			problems.add(FieldProblem.of("timeZone", "field.required"));
			return null;
		}
		try {
			ZoneId zone = ZoneId.of(timeZone);
			// offsets ("+02:00", "UTC+2") and old abbreviations ("CET") know nothing of a region's
			// daylight-saving history; only Area/Location names (and UTC) are accepted
			if (zone instanceof ZoneOffset || !IANA_NAME.matcher(timeZone).matches()) {
				problems.add(FieldProblem.of("timeZone", "slot.zone-format"));
				return null;
			}
			return zone;
		}
		catch (DateTimeException unknown) {
			problems.add(FieldProblem.of("timeZone", "slot.zone-unknown"));
			return null;
		}
	}

	private static ZonedDateTime dateTime(String field, String text, ZoneId zone, List<FieldProblem> problems) {
		if (text == null) {
			return null;
		}
		try {
			LocalDateTime local = LocalDateTime.parse(text);
			ZonedDateTime resolved = ZonedDateTime.ofLocal(local, zone, null);
			if (!resolved.toLocalDateTime().equals(local)) {
				problems.add(FieldProblem.of(field, "slot.skipped-time", zone.getId()));
				return null;
			}
			return resolved.truncatedTo(ChronoUnit.SECONDS);
		}
		catch (DateTimeParseException notLocal) {
			try {
				return OffsetDateTime.parse(text).atZoneSameInstant(zone).truncatedTo(ChronoUnit.SECONDS);
			}
			catch (DateTimeParseException notOffset) {
				problems.add(FieldProblem.of(field, "slot.date-time-format"));
				return null;
			}
		}
	}

	/** The same local time {@code weeks} weeks later in the same zone (its UTC instant may move). */
	public Slot weeksLater(int weeks) {
		ZonedDateTime from = start.atZone(zone);
		ZonedDateTime next = ZonedDateTime.ofLocal(from.toLocalDateTime().plusWeeks(weeks), zone, from.getOffset());
		return new Slot(next.toInstant(), next.toInstant().plus(duration()), zone);
	}

	public Duration duration() {
		return Duration.between(start, end);
	}

	public boolean overlaps(Instant otherStart, Instant otherEnd) {
		return start.isBefore(otherEnd) && otherStart.isBefore(end);
	}

	public OffsetDateTime localStart() {
		return start.atZone(zone).toOffsetDateTime();
	}

	public OffsetDateTime localEnd() {
		return end.atZone(zone).toOffsetDateTime();
	}

}
