package com.kreativnomentorstvo.participants.participant;

import static com.kreativnomentorstvo.events.participants.ParticipantStatus.ACCEPTED;
import static com.kreativnomentorstvo.events.participants.ParticipantStatus.ACTIVE;
import static com.kreativnomentorstvo.events.participants.ParticipantStatus.APPLIED;
import static com.kreativnomentorstvo.events.participants.ParticipantStatus.REJECTED;
import static com.kreativnomentorstvo.events.participants.ParticipantStatus.WITHDRAWN;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantProfile;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.platform.web.ConflictException;

/**
 * A person (or an organisation) enrolled in a programme as mentor or mentee. She applies, is
 * accepted or rejected, becomes active when the programme starts, and may withdraw; each step is
 * announced with her new profile. Her personal data can be erased, which leaves only what other
 * records need to stay consistent: her id, programme, organisation, role and when she was erased.
 */
@Document("participants")
public class Participant extends AggregateRoot {

	/** Withdrawal reasons, as codes (never free text). */
	public static final Set<String> WITHDRAWAL_REASONS = Set.of("PERSONAL", "CONSENT_WITHDRAWN", "REMOVED", "OTHER");

	@Id
	private String id;

	private String programmeId;

	private String organisationId;

	private Role role;

	private ParticipantStatus status;

	private ProfileDetails details;

	/** One application per e-mail address and programme; a hash, removed on erasure. */
	@Indexed(unique = true, sparse = true)
	private String emailKey;

	private Consent consent;

	private List<ConsentChange> consentHistory = new ArrayList<>();

	/** The account that applied for herself, so she can see her application before she has a participant id. */
	@Indexed(sparse = true)
	private String applicantSubject;

	private List<Review> reviews = new ArrayList<>();

	private List<StatusChange> history = new ArrayList<>();

	private Instant enrolledAt;

	private Instant updatedAt;

	private Instant erasedAt;

	/** Set by erasure until the contacts topic holds her tombstone. */
	@Indexed(sparse = true)
	private Boolean tombstonePending;

	protected Participant() {
	}

	/** Enrols a person as an applicant and announces her profile and, on the contacts topic, her contact details. */
	static Participant enrol(String id, String programmeId, String organisationId, Role role, ProfileDetails details,
			Consent consent, String applicantSubject, Instant at) {
		Participant participant = new Participant();
		participant.id = id;
		participant.programmeId = programmeId;
		participant.organisationId = organisationId;
		participant.role = role;
		participant.status = APPLIED;
		participant.details = details;
		participant.emailKey = emailKey(programmeId, details.email());
		participant.consent = consent;
		participant.consentHistory.add(new ConsentChange("GIVEN", consent.version(), consent.scopes(), at));
		participant.applicantSubject = applicantSubject;
		participant.history.add(new StatusChange(APPLIED, at, null));
		participant.enrolledAt = at;
		participant.updatedAt = at;
		participant.record(new ParticipantEnrolled(participant.profile(), at));
		participant.record(participant.contact(at));
		return participant;
	}

	/** Replaces her details; announces the profile and the contact details if they changed. */
	void revise(ProfileDetails revised, Instant at) {
		requireOpen("change the profile of");
		boolean contactChanged = details.contactDiffers(revised);
		boolean profileChanged = details.profileDiffers(revised);
		if (revised.equals(details)) {
			return;
		}
		details = revised;
		emailKey = emailKey(programmeId, revised.email());
		updatedAt = at;
		if (profileChanged) {
			record(new ParticipantProfileUpdated(profile(), nextVersion(), at));
		}
		if (contactChanged) {
			record(contact(at));
		}
	}

	/**
	 * Accepts the application, with an optional note kept here. After the programme has started she
	 * becomes active at once.
	 * @return whether anything changed (accepting twice changes nothing)
	 */
	boolean accept(String note, String by, boolean programmeStarted, Instant at) {
		requireNotErased();
		if (status == ACCEPTED || status == ACTIVE) {
			return false;
		}
		if (status == WITHDRAWN) {
			throw invalidTransition("accept");
		}
		reviews.add(new Review(ACCEPTED.name(), note, at, by));
		moveTo(ACCEPTED, at, null);
		if (programmeStarted) {
			moveTo(ACTIVE, at, null);
		}
		announceStatus(at);
		return true;
	}

	/**
	 * Rejects the application, keeping the reason here.
	 * @return whether anything changed
	 */
	boolean reject(String reason, String by, Instant at) {
		requireNotErased();
		if (status == REJECTED) {
			return false;
		}
		if (status != APPLIED && status != ACCEPTED) {
			throw invalidTransition("reject");
		}
		reviews.add(new Review(REJECTED.name(), reason, at, by));
		moveTo(REJECTED, at, null);
		announceStatus(at);
		return true;
	}

	/**
	 * Makes an accepted participant active: she takes part from now on.
	 * @return whether anything changed
	 */
	boolean activate(Instant at) {
		requireNotErased();
		if (status == ACTIVE) {
			return false;
		}
		if (status != ACCEPTED) {
			throw invalidTransition("activate");
		}
		moveTo(ACTIVE, at, null);
		announceStatus(at);
		return true;
	}

	/**
	 * She leaves the programme.
	 * @param reason one of {@link #WITHDRAWAL_REASONS}
	 * @return whether anything changed
	 */
	boolean withdraw(String reason, Instant at) {
		requireNotErased();
		if (!WITHDRAWAL_REASONS.contains(reason)) {
			throw new IllegalArgumentException("unknown withdrawal reason " + reason);
		}
		if (status == WITHDRAWN) {
			return false;
		}
		moveTo(WITHDRAWN, at, reason);
		record(new ParticipantWithdrawn(id, programmeId, organisationId, role, reason, at));
		announceStatus(at);
		return true;
	}

	/** Records a new consent (another version of the notice, or other optional scopes). */
	public void renewConsent(Consent renewed, Instant at) {
		requireNotErased();
		consent = renewed;
		consentHistory.add(new ConsentChange("CHANGED", renewed.version(), renewed.scopes(), at));
		updatedAt = at;
	}

	/**
	 * Erases her personal data here and tells every other service to do the same. A withdrawal of
	 * consent also withdraws her from the programme first.
	 * @return whether anything changed (erasing twice changes nothing)
	 */
	public boolean erase(boolean consentWithdrawn, Instant at) {
		if (isErased()) {
			return false;
		}
		if (consentWithdrawn && status != WITHDRAWN) {
			moveTo(WITHDRAWN, at, "CONSENT_WITHDRAWN");
			record(new ParticipantWithdrawn(id, programmeId, organisationId, role, "CONSENT_WITHDRAWN", at));
		}
		else if (status != WITHDRAWN) {
			moveTo(WITHDRAWN, at, "ERASED");
		}
		details = null;
		emailKey = null;
		consent = null;
		consentHistory = new ArrayList<>(List.of(new ConsentChange(consentWithdrawn ? "WITHDRAWN" : "ERASED", null,
				List.of(), at)));
		applicantSubject = null;
		reviews = new ArrayList<>(reviews.stream().map(r -> new Review(r.decision(), null, r.decidedAt(), null)).toList());
		erasedAt = at;
		updatedAt = at;
		tombstonePending = true;
		record(new ParticipantErased(id, programmeId, organisationId, at));
		return true;
	}

	/** What other services may know of her: no name, e-mail address or free text. */
	public ParticipantProfile profile() {
		return new ParticipantProfile(id, programmeId, organisationId, role, status, details.country(), details.city(),
				details.languages(), details.preferredLocale(), details.skills().stream().map(SkillLevel::toSkill).toList(),
				details.goals().stream().map(SkillLevel::toSkill).toList(), details.format(), details.timeZone(),
				details.availability().stream().map(WeeklyWindow::toSlot).toList(),
				details.capacity() == null ? 0 : details.capacity(), details.preferredMentorIds(),
				details.avoidedParticipantIds());
	}

	/** Whether her personal data has been erased. */
	public boolean isErased() {
		return erasedAt != null;
	}

	/** The key under which an application's e-mail address is unique within a programme. */
	static String emailKey(String programmeId, String email) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((programmeId + "\n" + email.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ParticipantContactChanged contact(Instant at) {
		return new ParticipantContactChanged(id, programmeId, organisationId, details.displayName(), details.email(),
				details.preferredLocale(), details.timeZone(), at);
	}

	private void moveTo(ParticipantStatus next, Instant at, String reason) {
		status = next;
		history.add(new StatusChange(next, at, reason));
		updatedAt = at;
	}

	private void announceStatus(Instant at) {
		record(new ParticipantProfileUpdated(profile(), nextVersion(), at));
	}

	private void requireOpen(String action) {
		requireNotErased();
		if (status == WITHDRAWN) {
			throw new ConflictException("participant-withdrawn", "Cannot " + action + " a participant who has withdrawn");
		}
	}

	private void requireNotErased() {
		if (isErased()) {
			throw new IllegalStateException("participant " + id + " has been erased");
		}
	}

	private ConflictException invalidTransition(String action) {
		return new ConflictException("invalid-status-transition",
				"Cannot " + action + " a participant whose status is " + status);
	}

	private long nextVersion() {
		return getVersion() == null ? 0 : getVersion() + 1;
	}

	public String getId() {
		return id;
	}

	public String getProgrammeId() {
		return programmeId;
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

	public ProfileDetails getDetails() {
		return details;
	}

	public Consent getConsent() {
		return consent;
	}

	public List<ConsentChange> getConsentHistory() {
		return List.copyOf(consentHistory);
	}

	public String getApplicantSubject() {
		return applicantSubject;
	}

	/** The latest decision on her application, if any. */
	public Review getReview() {
		return reviews == null || reviews.isEmpty() ? null : reviews.get(reviews.size() - 1);
	}

	/** Every decision on her application, oldest first. */
	public List<Review> getReviews() {
		return reviews == null ? List.of() : List.copyOf(reviews);
	}

	public List<StatusChange> getHistory() {
		return List.copyOf(history);
	}

	public Instant getEnrolledAt() {
		return enrolledAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Instant getErasedAt() {
		return erasedAt;
	}

}
