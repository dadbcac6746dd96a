package com.kreativnomentorstvo.sessions.projection;

import java.util.List;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.ParticipantProfile;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.participants.Skill;

/**
 * A participant as far as scheduling needs her: programme, role, status, time zone and the codes of
 * her goals. No name,
 * no contact details (those live in {@link ParticipantName}, and only the display name).
 */
@Document("participants")
public class Participant {

	/** Where she stands, including erasure, which outlives her profile. */
	public enum Standing {

		ACTIVE, WITHDRAWN, ERASED

	}

	@Id
	private String id;

	private String programmeId;

	/** The account (the tokens' {@code sub}) the enrolment belongs to, once participant-service told. */
	@Indexed(sparse = true)
	private String accountId;

	private String organisationId;

	private Role role;

	private String timeZone;

	private Standing standing = Standing.ACTIVE;

	/** Her status as participant-service last told it; none in a projection written before it was kept. */
	private ParticipantStatus status;

	/** For a mentee, the taxonomy codes of the goals she seeks (her profile's, no priorities): what the resource library suggests by. */
	private List<String> goals;

	/** Her country (ISO 3166 code) as her profile gives it, for the anonymous funder report; dropped on erasure. */
	private String country;

	/** Whether she was ever admitted to the programme: kept when she later withdraws, for the funder report. */
	private boolean admitted;

	private long version = -1;

	protected Participant() {
	}

	static Participant withId(String id) {
		Participant participant = new Participant();
		participant.id = id;
		return participant;
	}

	/**
	 * Takes the profile unless a newer one was applied already (events of one key may be replayed).
	 * The account it names is kept in any case, so an enrolment learns its account whatever the order;
	 * a profile without one does not unlink her.
	 * @return whether anything changed
	 */
	boolean apply(ParticipantProfile profile, long profileVersion) {
		if (standing == Standing.ERASED) {
			return false;
		}
		boolean adopted = accountId == null && profile.accountId() != null;
		if (adopted) {
			accountId = profile.accountId();
		}
		if (profileVersion < version) {
			return adopted;
		}
		if (profile.accountId() != null) {
			accountId = profile.accountId();
		}
		programmeId = profile.programmeId();
		organisationId = profile.organisationId();
		role = profile.role();
		timeZone = profile.timeZone();
		status = profile.status();
		goals = profile.goals() == null ? null
				: profile.goals().stream().filter(Objects::nonNull).map(Skill::code).filter(Objects::nonNull).toList();
		country = profile.country();
		admitted |= status == ParticipantStatus.ACCEPTED || status == ParticipantStatus.ACTIVE;
		version = profileVersion;
		if (profile.status() == ParticipantStatus.WITHDRAWN) {
			standing = Standing.WITHDRAWN;
		}
		return true;
	}

	/** The decision on her application: admitted ({@code ACCEPTED}) or {@code REJECTED}. */
	void decided(ParticipantStatus decision) {
		if (standing != Standing.ERASED) {
			status = decision;
			admitted |= decision == ParticipantStatus.ACCEPTED;
		}
	}

	void withdrawn(String programme, String organisation, Role withdrawnRole) {
		if (standing == Standing.ACTIVE) {
			standing = Standing.WITHDRAWN;
		}
		programmeId = programmeId == null ? programme : programmeId;
		organisationId = organisationId == null ? organisation : organisationId;
		role = role == null ? withdrawnRole : role;
	}

	void erased(String programme, String organisation) {
		standing = Standing.ERASED;
		timeZone = null;
		accountId = null;
		goals = null;
		country = null;
		programmeId = programmeId == null ? programme : programmeId;
		organisationId = organisationId == null ? organisation : organisationId;
	}

	public String getId() {
		return id;
	}

	public String getProgrammeId() {
		return programmeId;
	}

	public String getAccountId() {
		return accountId;
	}

	public String getOrganisationId() {
		return organisationId;
	}

	public Role getRole() {
		return role;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public Standing getStanding() {
		return standing;
	}

	public boolean isActive() {
		return standing == Standing.ACTIVE;
	}

	/** The taxonomy codes of the goals her profile names (never {@code null}). */
	public List<String> getGoals() {
		return goals == null ? List.of() : List.copyOf(goals);
	}

	public ParticipantStatus getStatus() {
		return status;
	}

	/** Her country code, none when unknown or erased. */
	public String getCountry() {
		return country;
	}

	/** Whether she was admitted at some time (accepted or active), also if she withdrew later. */
	public boolean wasAdmitted() {
		return admitted || status == ParticipantStatus.ACCEPTED || status == ParticipantStatus.ACTIVE;
	}

	/**
	 * Whether she takes part in the programme's life (its trainings and other group events): admitted
	 * or active, and not withdrawn. An applicant, or one rejected, does not.
	 */
	public boolean takesPart() {
		return standing == Standing.ACTIVE
				&& (status == null || status == ParticipantStatus.ACCEPTED || status == ParticipantStatus.ACTIVE);
	}

}
