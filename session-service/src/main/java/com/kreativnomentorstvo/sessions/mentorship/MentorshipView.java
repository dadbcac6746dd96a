package com.kreativnomentorstvo.sessions.mentorship;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A pair as the API shows it. */
record MentorshipView(String id, String matchId, String programmeId, String organisationId, Member mentor,
		Member mentee, Mentorship.Status status, Instant startedAt, Instant endedAt, String endReason,
		List<Goal> goals, Long version) {

	/** One side of the pair: her id, display name and time zone where known (no name is shown as null). */
	record Member(String participantId, @JsonInclude(JsonInclude.Include.ALWAYS) String name, String timeZone) {
	}

	static MentorshipView of(Mentorship m, List<Goal> goals, Map<String, String> names, Map<String, ZoneId> zones) {
		return new MentorshipView(m.getId(), m.getMatchId(), m.getProgrammeId(), m.getOrganisationId(),
				member(m.getMentorId(), names, zones), member(m.getMenteeId(), names, zones), m.getStatus(),
				m.getStartedAt(), m.getEndedAt(), m.getEndReason(), goals, m.getVersion());
	}

	private static Member member(String id, Map<String, String> names, Map<String, ZoneId> zones) {
		ZoneId zone = zones.get(id);
		return new Member(id, names.get(id), zone == null ? null : zone.getId());
	}

}
