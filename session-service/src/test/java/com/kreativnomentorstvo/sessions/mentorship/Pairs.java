package com.kreativnomentorstvo.sessions.mentorship;

import java.time.Instant;
import java.util.UUID;

import com.kreativnomentorstvo.events.matching.MentorshipStarted;

/** Fixture builder for mentorships: {@code Pairs.aPair().in("prog-1").startedAt(t).build()}. */
public final class Pairs {

	private String id = "mship-" + UUID.randomUUID();

	private String programmeId = "prog-" + UUID.randomUUID();

	private String organisationId = "org-kreativno";

	private String mentorId = "par-mentor-" + UUID.randomUUID();

	private String menteeId = "par-mentee-" + UUID.randomUUID();

	private Instant startedAt = Instant.parse("2026-01-10T09:00:00Z");

	public static Pairs aPair() {
		return new Pairs();
	}

	public Pairs in(String programme) {
		this.programmeId = programme;
		return this;
	}

	public Pairs ownedBy(String organisation) {
		this.organisationId = organisation;
		return this;
	}

	public Pairs of(String mentor, String mentee) {
		this.mentorId = mentor;
		this.menteeId = mentee;
		return this;
	}

	public Pairs startedAt(Instant at) {
		this.startedAt = at;
		return this;
	}

	public MentorshipStarted started() {
		return new MentorshipStarted(id, "match-" + id, programmeId, organisationId, mentorId, menteeId, startedAt);
	}

	public Mentorship build() {
		return Mentorship.start(started());
	}

	/** Ends a mentorship as matching-service would. */
	public static void end(Mentorship mentorship, String reason, Instant at) {
		mentorship.end(reason, at);
	}

}
