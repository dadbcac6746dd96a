package com.kreativnomentorstvo.sessions.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.kreativnomentorstvo.events.matching.MentorshipStarted;
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
import com.kreativnomentorstvo.testkit.TestTokens;

/**
 * A programme as participant-service and matching-service announce it, with fresh ids: its
 * organiser and two partner organisations, participants and the pairs matched in it.
 */
public final class TestProgramme {

	public static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");

	public final String id = "prog-" + UUID.randomUUID();

	public final String organiser = "org-kreativno-" + UUID.randomUUID();

	public final String partner = "org-kultura-nova-" + UUID.randomUUID();

	/** A second partner organisation. */
	public final String otherPartner = "org-skopje-hub-" + UUID.randomUUID();

	private final LocalDate midterm;

	private TestProgramme(LocalDate midterm) {
		this.midterm = midterm;
	}

	/** Announces a programme that started 40 days ago, with the given midterm date. */
	public static TestProgramme announced(LocalDate midterm) {
		TestProgramme programme = new TestProgramme(midterm);
		Upstream.publish(new ProgrammeCreated(programme.details(), Instant.now()));
		return programme;
	}

	/** Announces a programme whose midterm is two months away. */
	public static TestProgramme announced() {
		return announced(LocalDate.now(ZONE).plusMonths(2));
	}

	public ProgrammeDetails details() {
		LocalDate today = LocalDate.now(ZONE);
		List<Milestone> milestones = new ArrayList<>(List.of(new Milestone("KICK_OFF", today.minusDays(40)),
				new Milestone("MIDTERM", midterm), new Milestone("FINAL", today.plusMonths(5))));
		return new ProgrammeDetails(id, organiser, List.of(partner, otherPartner), "Reg. Lab " + id.substring(5, 13),
				today.minusDays(40), today.plusMonths(5), "Europe/Belgrade", List.of("en", "sr-Latn"), milestones,
				today.minusDays(80), today.minusDays(45), List.of("digital-tools", "community-engagement"),
				new MatchingPolicy(Map.of("goals", 40), true, "PREFER", 2, 7, false));
	}

	/**
	 * Enrols a participant living in the zone, and announces her display name. Her enrolment belongs
	 * to her own account, the one {@link TestTokens#participant} names.
	 */
	public String enrol(Role role, String timeZone, String displayName) {
		return enrolOf(organiser, role, timeZone, displayName);
	}

	/** Enrols a participant of the given organisation (of this programme or not), as {@link #enrol} does. */
	public String enrolOf(String organisationId, Role role, String timeZone, String displayName) {
		String participantId = "par-" + role.name().toLowerCase() + "-" + UUID.randomUUID();
		return enrol(participantId, organisationId, role, timeZone, displayName, ParticipantStatus.ACTIVE,
				TestTokens.accountOf(participantId));
	}

	/**
	 * Enrols a participant of the given account, which may hold enrolments elsewhere too; without an
	 * account ({@code null}) she is an applicant that no token can act for yet.
	 */
	public String enrolFor(String accountId, Role role, String timeZone, String displayName) {
		String participantId = "par-" + role.name().toLowerCase() + "-" + UUID.randomUUID();
		return enrol(participantId, organiser, role, timeZone, displayName,
				accountId == null ? ParticipantStatus.APPLIED : ParticipantStatus.ACTIVE, accountId);
	}

	/** Enrols an applicant of the organiser with her own account: she is not admitted yet. */
	public String apply(Role role) {
		String participantId = "par-applicant-" + UUID.randomUUID();
		return enrol(participantId, organiser, role, "Europe/Belgrade", null, ParticipantStatus.APPLIED,
				TestTokens.accountOf(participantId));
	}

	/** Her profile as participant-service publishes it. */
	public ParticipantProfile profile(String participantId, Role role, String timeZone, ParticipantStatus status,
			String accountId) {
		return profile(participantId, organiser, role, timeZone, status, accountId);
	}

	/** Her profile as participant-service publishes it, as a participant of the organisation. */
	public ParticipantProfile profile(String participantId, String organisationId, Role role, String timeZone,
			ParticipantStatus status, String accountId) {
		return new ParticipantProfile(participantId, id, organisationId, role, status, "RS", "Beograd", List.of("en"),
				"en", List.of(), List.of(), Format.HYBRID, timeZone, List.of(), role == Role.MENTOR ? 2 : 0, List.of(),
				List.of(), accountId);
	}

	private String enrol(String participantId, String organisationId, Role role, String timeZone,
			String displayName, ParticipantStatus status, String accountId) {
		ParticipantProfile profile = profile(participantId, organisationId, role, timeZone, status, accountId);
		Upstream.publish(new ParticipantEnrolled(profile, Instant.now()));
		if (displayName != null) {
			Upstream.publish(new ParticipantContactChanged(participantId, id, organisationId, displayName,
					participantId + "@example.org", "en", timeZone, Instant.now()));
		}
		return participantId;
	}

	/** Matching-service's announcement that the pair begins. */
	public Pair start(String mentorId, String menteeId, Instant startedAt) {
		String mentorshipId = "mship-" + UUID.randomUUID();
		String matchId = "match-" + UUID.randomUUID();
		MentorshipStarted started = new MentorshipStarted(mentorshipId, matchId, id, organiser, mentorId, menteeId,
				startedAt);
		String eventId = Upstream.publish(started);
		return new Pair(this, mentorshipId, matchId, mentorId, menteeId, started, eventId);
	}

	public String coordinatorToken() {
		return TestTokens.shared().coordinator(organiser);
	}

	public String partnerCoordinatorToken() {
		return TestTokens.shared().coordinator(partner);
	}

	public String otherPartnerCoordinatorToken() {
		return TestTokens.shared().coordinator(otherPartner);
	}

	/** A mentor and mentee matched in this programme. */
	public record Pair(TestProgramme programme, String mentorshipId, String matchId, String mentorId, String menteeId,
			MentorshipStarted started, String startedEventId) {

		public String mentorToken() {
			return TestTokens.shared().participant(mentorId, programme.organiser, "mentor");
		}

		public String menteeToken() {
			return TestTokens.shared().participant(menteeId, programme.organiser, "mentee");
		}

	}

}
