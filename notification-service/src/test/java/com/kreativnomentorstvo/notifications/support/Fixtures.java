package com.kreativnomentorstvo.notifications.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.kreativnomentorstvo.events.participants.ApplicationSubmitted;
import com.kreativnomentorstvo.events.participants.CoordinatorAppointed;
import com.kreativnomentorstvo.events.participants.CoordinatorContactChanged;
import com.kreativnomentorstvo.events.participants.CoordinatorRemoved;
import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.events.participants.ParticipantAdmitted;
import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantInvited;
import com.kreativnomentorstvo.events.participants.ParticipantProfile;
import com.kreativnomentorstvo.events.participants.ParticipantRejected;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.PasswordLinkIssued;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.testkit.TestTokens;

/** Builders for the events tests publish, with unique ids. */
public final class Fixtures {

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	/** A programme of an organiser, with partners and a midterm milestone. */
	public static ProgrammeCreated programme(String programmeId, String organiserId, List<String> partnerIds,
			LocalDate midterm) {
		return programme(programmeId, organiserId, partnerIds, midterm, LocalDate.of(2027, 1, 15),
				LocalDate.of(2027, 7, 15));
	}

	/** A programme in Belgrade's zone whose last day is {@code endsOn}, six months long. */
	public static ProgrammeCreated programmeEndingOn(String programmeId, String organiserId, LocalDate endsOn) {
		return programme(programmeId, organiserId, List.of(), null, endsOn.minusMonths(6), endsOn);
	}

	private static ProgrammeCreated programme(String programmeId, String organiserId, List<String> partnerIds,
			LocalDate midterm, LocalDate startsOn, LocalDate endsOn) {
		List<Milestone> milestones = midterm == null ? List.of() : List.of(new Milestone("MIDTERM", midterm));
		return new ProgrammeCreated(new ProgrammeDetails(programmeId, organiserId, partnerIds, "Reg. Lab", startsOn,
				endsOn, "Europe/Belgrade", List.of("en", "sr-Latn"), milestones, null, null, List.of(),
				new MatchingPolicy(Map.of(), false, "PREFER", 2, 7, false)), Instant.now());
	}

	public static Person aMentor(String programmeId, String organisationId) {
		return new Person(unique("mentor"), programmeId, organisationId, Role.MENTOR);
	}

	public static Person aMentee(String programmeId, String organisationId) {
		return new Person(unique("mentee"), programmeId, organisationId, Role.MENTEE);
	}

	/**
	 * A coordinator of the organisation as a recipient: her account id is the subject of
	 * {@link TestTokens#coordinator(String)}'s token for the organisation.
	 */
	public static Coordinator aCoordinator(String organisationId) {
		return new Coordinator("coordinator@" + organisationId, organisationId);
	}

	/** A link id as participant-service gives them out. */
	public static String linkId() {
		return "lnk-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	/** A participant, from whom enrolment and contact events are made. */
	public static final class Person {

		public final String id;

		public final String programmeId;

		public final String organisationId;

		public final Role role;

		private String accountId;

		private ParticipantStatus status = ParticipantStatus.ACCEPTED;

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
			this.accountId = TestTokens.accountOf(id);
		}

		/** The enrolment belongs to another account (e.g. one person's second enrolment). */
		public Person ofAccount(String accountId) {
			this.accountId = accountId;
			return this;
		}

		/** An applicant who confirmed her address: enrolled with status APPLIED and no account yet. */
		public Person applying() {
			this.status = ParticipantStatus.APPLIED;
			this.accountId = null;
			return this;
		}

		/** The account's token (for {@link #ofAccount} enrolments, the token of that account). */
		public String token() {
			return TestTokens.shared().token().subject(accountId).organisation(organisationId)
				.roles(role == Role.MENTOR ? "mentor" : "mentee").sign();
		}

		public String accountId() {
			return accountId;
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
			return new ParticipantProfile(id, programmeId, organisationId, role, status, "RS", "Beograd",
					List.of("en", "sr"), locale, List.of(), List.of(), Format.ONLINE, timeZone, List.of(),
					role == Role.MENTOR ? 2 : 0, List.of(), List.of(), accountId);
		}

		public ParticipantEnrolled enrolled() {
			return new ParticipantEnrolled(profile(), Instant.now());
		}

		public ParticipantContactChanged contact() {
			return new ParticipantContactChanged(id, programmeId, organisationId, name, email, locale, timeZone,
					Instant.now());
		}

		/** She applied through the public call; the address confirmation link expires at {@code confirmBy}. */
		public ApplicationSubmitted applied(String confirmationLinkId, Instant confirmBy) {
			return new ApplicationSubmitted(id, programmeId, organisationId, role, confirmationLinkId, confirmBy,
					Instant.now());
		}

		/** A coordinator admitted her into the account; {@code passwordLinkId} null when it has a password. */
		public ParticipantAdmitted admitted(String account, String passwordLinkId, Instant expiresAt) {
			return new ParticipantAdmitted(id, programmeId, organisationId, role, account, passwordLinkId, expiresAt,
					Instant.now());
		}

		public ParticipantRejected rejected(String reason) {
			return new ParticipantRejected(id, programmeId, organisationId, role, reason, Instant.now());
		}

		public ParticipantInvited invited(String account, String passwordLinkId, Instant expiresAt) {
			return new ParticipantInvited(id, programmeId, organisationId, role, account, passwordLinkId, expiresAt,
					Instant.now());
		}

		/** A password link for her: {@code INVITATION} (sent again) or {@code RESET}. */
		public PasswordLinkIssued passwordLink(String purpose, String linkId, Instant expiresAt) {
			// an applicant's link names the account her admission gave her; the fixture does not follow it
			return new PasswordLinkIssued(id, accountId != null ? accountId : TestTokens.accountOf(id), programmeId,
					organisationId, purpose, linkId, expiresAt, Instant.now());
		}

	}

	/** A coordinator, from whom appointment, contact and removal events are made. */
	public static final class Coordinator {

		public final String accountId;

		public final String organisationId;

		private String locale = "en";

		private String name = "Jelena Koordinatorka";

		private String email;

		Coordinator(String accountId, String organisationId) {
			this.accountId = accountId;
			this.organisationId = organisationId;
			this.email = "coordinator-" + UUID.randomUUID() + "@example.org";
		}

		public Coordinator speaking(String locale) {
			this.locale = locale;
			return this;
		}

		public String email() {
			return email;
		}

		/** Her token: that of {@link TestTokens#coordinator(String)}. */
		public String token() {
			return TestTokens.shared().coordinator(organisationId);
		}

		public CoordinatorAppointed appointed(String passwordLinkId, Instant expiresAt) {
			return new CoordinatorAppointed(accountId, organisationId, passwordLinkId, expiresAt, Instant.now());
		}

		public CoordinatorContactChanged contact() {
			return new CoordinatorContactChanged(accountId, organisationId, name, email, locale, Instant.now());
		}

		public CoordinatorRemoved removed() {
			return new CoordinatorRemoved(accountId, organisationId, Instant.now());
		}

		public PasswordLinkIssued passwordLink(String purpose, String linkId, Instant expiresAt) {
			return new PasswordLinkIssued(accountId, accountId, null, organisationId, purpose, linkId, expiresAt,
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
