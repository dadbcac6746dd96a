package com.kreativnomentorstvo.matching.projection;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.participants.Skill;
import com.kreativnomentorstvo.events.participants.WeeklySlot;
import com.kreativnomentorstvo.matching.scoring.Profile;
import com.kreativnomentorstvo.platform.programmes.Programme;

/**
 * A mentor or mentee of a programme as matching knows her: the profile participant-service
 * published (no name, no contact), its version, and whether she left or was erased. Written only by
 * {@link ParticipantProjection}.
 */
@Document("participants")
public class Participant {

	@Id
	private String id;

	@Indexed
	private String programmeId;

	/** The account (the tokens' {@code sub}) the enrolment belongs to, once participant-service told. */
	@Indexed(sparse = true)
	private String accountId;

	private String organisationId;

	private Role role;

	private ParticipantStatus status;

	private String country;

	private String city;

	private List<String> languages;

	private List<Skill> skills;

	private List<Skill> goals;

	private Format format;

	private String timeZone;

	private List<WeeklySlot> availability;

	private int capacity;

	private List<String> preferredMentorIds;

	private List<String> avoidedParticipantIds;

	private long profileVersion;

	private boolean erased;

	protected Participant() {
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

	public ParticipantStatus getStatus() {
		return status;
	}

	public boolean isErased() {
		return erased;
	}

	public boolean isMentor() {
		return role == Role.MENTOR;
	}

	public boolean isMentee() {
		return role == Role.MENTEE;
	}

	/** Whether she can be matched: accepted into the programme or active, not withdrawn or erased. */
	public boolean isActive() {
		return !erased && (status == ParticipantStatus.ACCEPTED || status == ParticipantStatus.ACTIVE);
	}

	/** A mentor's places: what she stated, or the programme's default if she stated none. */
	public int capacity(Programme programme) {
		if (role != Role.MENTOR) {
			return 1;
		}
		return capacity > 0 ? capacity : MatchingTerms.of(programme).defaultMentorCapacity();
	}

	/** What scoring needs. */
	public Profile profile() {
		return new Profile(id, organisationId, country, city, languages, skills, goals, format, timeZone,
				availability, preferredMentorIds, avoidedParticipantIds);
	}

}
