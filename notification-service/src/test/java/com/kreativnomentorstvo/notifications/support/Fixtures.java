package com.kreativnomentorstvo.notifications.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantProfile;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;

/** Builders for the events tests publish, with unique ids. */
public final class Fixtures {

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	/** A programme of an organiser, with partners and a midterm milestone. */
	public static ProgrammeCreated programme(String programmeId, String organiserId, List<String> partnerIds,
			LocalDate midterm) {
		List<Milestone> milestones = midterm == null ? List.of() : List.of(new Milestone("MIDTERM", midterm));
		return new ProgrammeCreated(new ProgrammeDetails(programmeId, organiserId, partnerIds, "Reg. Lab",
				LocalDate.of(2027, 1, 15), LocalDate.of(2027, 7, 15), "Europe/Belgrade", List.of("en", "sr-Latn"),
				milestones, null, null, List.of(), new MatchingPolicy(Map.of(), false, "PREFER", 2, 7, false)),
				Instant.now());
	}

	public static Person aMentor(String programmeId, String organisationId) {
		return new Person(unique("mentor"), programmeId, organisationId, Role.MENTOR);
	}

	public static Person aMentee(String programmeId, String organisationId) {
		return new Person(unique("mentee"), programmeId, organisationId, Role.MENTEE);
	}

	/** A participant, from whom enrolment and contact events are made. */
	public static final class Person {

		public final String id;

		public final String programmeId;

		public final String organisationId;

		public final Role role;

		private String locale = "en";

		private String timeZone = "Europe/Belgrade";

		private String name;

		private String email;

		Person(String id, String programmeId, String organisationId, Role role) {
			this.id = id;
			this.programmeId = programmeId;
			this.organisationId = organisationId;
			this.role = role;
			this.name = role == Role.MENTOR ? "Marko Horvat" : "Ana Petrović";
			this.email = id + "@example.org";
		}

		public Person speaking(String locale) {
			this.locale = locale;
			return this;
		}

		public Person in(String timeZone) {
			this.timeZone = timeZone;
			return this;
		}

		public Person named(String name) {
			this.name = name;
			return this;
		}

		public Person reachableAt(String email) {
			this.email = email;
			return this;
		}

		public String email() {
			return email;
		}

		public ParticipantProfile profile() {
			return new ParticipantProfile(id, programmeId, organisationId, role, ParticipantStatus.ACCEPTED, "RS",
					"Beograd", List.of("en", "sr"), locale, List.of(), List.of(), Format.ONLINE, timeZone, List.of(),
					role == Role.MENTOR ? 2 : 0, List.of(), List.of());
		}

		public ParticipantEnrolled enrolled() {
			return new ParticipantEnrolled(profile(), Instant.now());
		}

		public ParticipantContactChanged contact() {
			return new ParticipantContactChanged(id, programmeId, organisationId, name, email, locale, timeZone,
					Instant.now());
		}

	}

	/** An online session of a pair, starting at the given time (to the second) in Belgrade. */
	public static SessionScheduled session(Person mentor, Person mentee, Instant start) {
		return new SessionScheduled(unique("session"), unique("mentorship"), mentor.programmeId, mentor.organisationId,
				mentor.id, mentee.id, OffsetDateTime.ofInstant(start.truncatedTo(ChronoUnit.SECONDS),
						ZoneId.of("Europe/Belgrade")), "Europe/Belgrade",
				60, SessionMode.ONLINE, "https://meet.example.org/reg-lab", null, 0, Instant.now());
	}

	private Fixtures() {
	}

}
