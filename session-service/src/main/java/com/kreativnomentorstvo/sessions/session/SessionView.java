package com.kreativnomentorstvo.sessions.session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.kreativnomentorstvo.events.sessions.SessionMode;

/**
 * A session as the API shows it to one caller: its time in the zone it was booked in, in UTC and
 * in each member's own zone; the notes she may read. The stewards of its members also see where
 * the pair meets (room link, venue); the programme's other coordinators see when and how, never
 * where, the agenda or any note.
 */
record SessionView(String id, String mentorshipId, String programmeId, String seriesId, String mentorId,
		String menteeId, SessionStatus status, OffsetDateTime start, OffsetDateTime end, String timeZone,
		Instant startUtc, Instant endUtc, int durationMinutes, SessionMode mode, String meetingUrl, String venue,
		String agenda, int sequence, List<LocalTime> localTimes, Cancellation cancellation, Outcome outcome,
		List<SessionNote> notes, Long version) {

	/** The session in one member's own time zone. */
	record LocalTime(String participantId, String role, String timeZone, OffsetDateTime start, OffsetDateTime end) {
	}

	record Cancellation(CancellationReason reason, String cancelledBy, Instant cancelledAt) {
	}

	record Outcome(SessionStatus status, Absence absent, String recordedBy, Instant recordedAt) {
	}

	static SessionView of(Session s, String viewerParticipantId, SessionAccess.Visibility visibility,
			Map<String, ZoneId> zones) {
		boolean member = s.hasMember(viewerParticipantId);
		boolean place = member || visibility.showsPlace();
		ZoneId booked = ZoneId.of(s.getTimeZone());
		List<LocalTime> localTimes = List.of(local(s, s.getMentorId(), "MENTOR", zones.getOrDefault(s.getMentorId(), booked)),
				local(s, s.getMenteeId(), "MENTEE", zones.getOrDefault(s.getMenteeId(), booked)));
		Cancellation cancellation = s.getCancellationReason() == null ? null
				: new Cancellation(s.getCancellationReason(), s.getCancelledBy(), s.getCancelledAt());
		Outcome outcome = s.getOutcomeRecordedAt() == null ? null
				: new Outcome(s.getStatus(), s.getAbsence(), s.getOutcomeRecordedBy(), s.getOutcomeRecordedAt());
		return new SessionView(s.getId(), s.getMentorshipId(), s.getProgrammeId(), s.getSeriesId(), s.getMentorId(),
				s.getMenteeId(), s.getStatus(), s.getStart().atZone(booked).toOffsetDateTime(),
				s.getEnd().atZone(booked).toOffsetDateTime(), s.getTimeZone(), s.getStart(), s.getEnd(),
				s.durationMinutes(), s.getMode(), place ? s.getMeetingUrl() : null, place ? s.getVenue() : null,
				member ? s.getAgenda() : null, s.getSequence(), localTimes, cancellation, outcome,
				member ? s.notesReadableBy(viewerParticipantId) : List.of(), s.getVersion());
	}

	private static LocalTime local(Session s, String participantId, String role, ZoneId zone) {
		return new LocalTime(participantId, role, zone.getId(), s.getStart().atZone(zone).toOffsetDateTime(),
				s.getEnd().atZone(zone).toOffsetDateTime());
	}

}
