package com.kreativnomentorstvo.sessions.programmeevent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.kreativnomentorstvo.platform.web.LimitReached;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * Who was at one group event: one record per participant, a later record replacing hers. Records
 * are taken all or nothing: refused (409 {@code limit-reached}) if the sheet would then hold more
 * participants than allowed; corrections of those on it always count. Immutable; a change is a new
 * value.
 */
record AttendanceSheet(List<Attendance> all) {

	AttendanceSheet {
		all = all == null ? List.of() : List.copyOf(all);
	}

	/** With the records given, each stamped {@code at}, in place of those the participants had. */
	AttendanceSheet with(List<Attendance> records, Instant at, int maxParticipants) {
		Set<String> recorded = new HashSet<>();
		all.forEach(a -> recorded.add(a.participantId()));
		records.forEach(r -> recorded.add(r.participantId()));
		if (recorded.size() > maxParticipants) {
			throw new LimitReached("attendance", maxParticipants,
					ProblemText.of("event.attendance-full", maxParticipants, recorded.size()));
		}
		List<Attendance> sheet = new ArrayList<>(all);
		for (Attendance record : records) {
			sheet.removeIf(a -> a.participantId().equals(record.participantId()));
			sheet.add(new Attendance(record.participantId(), record.status(), at));
		}
		return new AttendanceSheet(sheet);
	}

	/** Without her record. */
	AttendanceSheet without(String participantId) {
		return new AttendanceSheet(all.stream().filter(a -> !a.participantId().equals(participantId)).toList());
	}

}
