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

import com.kreativnomentorstvo.events.participants.ApplicationSubmitted;
import com.kreativnomentorstvo.events.participants.ParticipantAdmitted;
import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantInvited;
import com.kreativnomentorstvo.events.participants.ParticipantProfile;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantRejected;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.events.participants.PasswordLinkIssued;
import com.kreativnomentorstvo.events.participants.ReturnInvited;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * A person (or an organisation) enrolled in a programme as mentor or mentee. She applies, is
 * accepted or rejected, becomes active when the programme starts, and may withdraw; each step is
 * announced with her new profile. An outsider's application waits for her to confirm her address,
 * and a coordinator's invitation for her to complete her profile, before the enrolment counts and
 * is announced ({@link Pending}). The enrolment belongs to an account at the identity provider once
 * she is admitted or invited (or applied while signed in). Her personal data can be erased, which
 * leaves only what other records need to stay consistent: her id, programme, organisation, role
 * and when she was erased.
 */
@Document("participants")
public class Participant extends AggregateRoot {

	/** Withdrawal reasons, as codes (never free text). */
	public static final Set<String> WITHDRAWAL_REASONS = Set.of("PERSONAL", "CONSENT_WITHDRAWN", "REMOVED", "OTHER");

	/** Why an application was not accepted, as codes (never free text). */
	public static final Set<String> REJECTION_REASONS = Set.of("PROGRAMME_FULL", "NOT_ELIGIBLE",
			"INCOMPLETE_APPLICATION", "OTHER");

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

	/** The account (the tokens' {@code sub}) the enrolment belongs to, once known. */
	@Indexed(sparse = true)
	private String accountId;

	/** What the record still waits for before the enrolment counts; {@code null} once it does. */
	@Indexed(sparse = true)
	private Pending pending;

	/** When an unconfirmed application expires. */
	private Instant pendingUntil;

	/** Answers to the programme's own questions. */
	private List<Answer> answers = new ArrayList<>();

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

	/**
	 * Enrols a person as an applicant and announces her profile and, on the contacts topic, her
	 * contact details: a coordinator enrolling her, or an account applying while signed in.
	 */
	static Participant enrol(String id, String programmeId, String organisationId, Role role, ProfileDetails details,
			Consent consent, String accountId, List<Answer> answers, Instant at) {
		Participant participant = started(id, programmeId, organisationId, role, details, consent, answers, at);
		participant.accountId = accountId;
		participant.record(new ParticipantEnrolled(participant.profile(), at));
		participant.record(participant.contact(at));
		return participant;
	}

	/**
	 * An outsider applies through the programme's public call. Nothing but her contact details (for
	 * the confirmation e-mail) and the fact of the application is announced until she confirms her
	 * address through the link.
	 */
	public static Participant apply(String id, String programmeId, String organisationId, Role role,
			ProfileDetails details, Consent consent, List<Answer> answers, String confirmationLinkId,
			Instant confirmBy, Instant at) {
		Participant participant = started(id, programmeId, organisationId, role, details, consent, answers, at);
		participant.pending = Pending.ADDRESS_CONFIRMATION;
		participant.pendingUntil = confirmBy;
		participant.record(participant.contact(at));
		participant.record(
				new ApplicationSubmitted(id, programmeId, organisationId, role, confirmationLinkId, confirmBy, at));
		return participant;
	}

	/**
	 * A coordinator invites someone directly: she is admitted already and has an account; her
	 * enrolment counts once she completes her profile and gives her consent.
	 * @param details what the coordinator knows: name, address, language (the rest stays empty)
	 * @param passwordLinkId the link to set her first password, or {@code null} if her account has one
	 */
	public static Participant invite(String id, String programmeId, String organisationId, Role role,
			ProfileDetails details, String accountId, String passwordLinkId, Instant passwordLinkExpiresAt, String by,
			Instant at) {
		Participant participant = begun(id, programmeId, organisationId, role, ACCEPTED, "INVITED", details, at);
		participant.accountId = accountId;
		participant.pending = Pending.PROFILE_COMPLETION;
		participant.reviews.add(new Review("INVITED", null, at, by));
		participant.record(participant.contact(at));
		participant.record(new ParticipantInvited(id, programmeId, organisationId, role, accountId, passwordLinkId,
				passwordLinkId == null ? null : passwordLinkExpiresAt, at));
		return participant;
	}

	/**
	 * A mentor of an earlier cycle returns with one click on her invitation: a new enrolment of the
	 * next programme with her account and profile, admitted at once (active if it has started), her
	 * click recorded as her consent. Announced as any enrolment and admission is: contact details,
	 * enrolment, admission (no password link: her account has one).
	 */
	public static Participant returned(String id, String programmeId, String organisationId, ProfileDetails details,
			Consent consent, String accountId, boolean programmeStarted, Instant at) {
		Participant participant = begun(id, programmeId, organisationId, Role.MENTOR, ACCEPTED, "RETURNED", details,
				at);
		participant.consent = consent;
		participant.consentHistory.add(new ConsentChange("GIVEN", consent.version(), consent.scopes(), at));
		participant.accountId = accountId;
		participant.reviews.add(new Review(ACCEPTED.name(), null, at, accountId));
		if (programmeStarted) {
			participant.moveTo(ACTIVE, at, null);
		}
		participant.record(participant.contact(at));
		participant.record(new ParticipantEnrolled(participant.profile(), at));
		participant.record(new ParticipantAdmitted(id, programmeId, organisationId, Role.MENTOR, accountId, null, null,
				at));
		return participant;
	}

	/**
	 * She is invited to return as a mentor of the programme's next cycle, through the link given.
	 */
	public void returnInvited(String nextProgrammeId, String linkId, Instant expiresAt, Instant at) {
		requireNotErased();
		if (accountId == null) {
			throw new IllegalStateException("participant " + id + " has no account");
		}
		record(new ReturnInvited(id, accountId, programmeId, organisationId, nextProgrammeId, linkId, expiresAt, at));
	}

	private static Participant started(String id, String programmeId, String organisationId, Role role,
			ProfileDetails details, Consent consent, List<Answer> answers, Instant at) {
		Participant participant = begun(id, programmeId, organisationId, role, APPLIED, null, details, at);
		participant.consent = consent;
		participant.consentHistory.add(new ConsentChange("GIVEN", consent.version(), consent.scopes(), at));
		participant.answers = new ArrayList<>(answers);
		return participant;
	}

	private static Participant begun(String id, String programmeId, String organisationId, Role role,
			ParticipantStatus status, String reason, ProfileDetails details, Instant at) {
		Participant participant = new Participant();
		participant.id = id;
		participant.programmeId = programmeId;
		participant.organisationId = organisationId;
		participant.role = role;
		participant.status = status;
		participant.details = details;
		participant.emailKey = emailKey(programmeId, details.email());
		participant.history.add(new StatusChange(status, at, reason));
		participant.enrolledAt = at;
		participant.updatedAt = at;
		return participant;
	}

	/**
	 * The applicant confirmed her address: the application counts from now on and is announced.
	 * @return whether anything changed (confirming twice changes nothing)
	 */
	public boolean confirmAddress(Instant at) {
		requireNotErased();
		if (pending != Pending.ADDRESS_CONFIRMATION) {
			return false;
		}
		pending = null;
		pendingUntil = null;
		updatedAt = at;
		record(new ParticipantEnrolled(profile(), at));
		return true;
	}

	/**
	 * The invited person completes her profile and gives her consent: the enrolment counts from now
	 * on (active at once if the programme has started) and is announced.
	 */
	public void completeInvitation(ProfileDetails completed, Consent given, List<Answer> givenAnswers,
			boolean programmeStarted, Instant at) {
		requireNotErased();
		if (pending != Pending.PROFILE_COMPLETION) {
			throw new ConflictException("not-invited", ProblemText.of("participant.enrolment-complete-already-change"));
		}
		boolean contactChanged = details.contactDiffers(completed);
		details = completed;
		emailKey = emailKey(programmeId, completed.email());
		consent = given;
		consentHistory.add(new ConsentChange("GIVEN", given.version(), given.scopes(), at));
		answers = new ArrayList<>(givenAnswers);
		pending = null;
		if (programmeStarted) {
			moveTo(ACTIVE, at, null);
		}
		updatedAt = at;
		record(new ParticipantEnrolled(profile(), at));
		if (contactChanged) {
			record(contact(at));
		}
	}

	/** Replaces her details; announces the profile and the contact details if they changed. */
	void revise(ProfileDetails revised, Instant at) {
		requireOpen(ProblemText.of("participant.action.change-profile"));
		boolean contactChanged = details.contactDiffers(revised);
		boolean profileChanged = details.profileDiffers(revised);
		if (revised.equals(details)) {
			return;
		}
		details = revised;
		emailKey = emailKey(programmeId, revised.email());
		updatedAt = at;
		if (profileChanged && pending == null) {
			record(new ParticipantProfileUpdated(profile(), nextVersion(), at));
		}
		if (contactChanged) {
			record(contact(at));
		}
	}

	/**
	 * Admits the applicant, with an optional note kept here: her enrolment belongs to the account
	 * from now on. After the programme has started she becomes active at once.
	 * @param passwordLinkId the link to set her first password, or {@code null} if her account has one
	 * @return whether anything changed (admitting twice changes nothing)
	 */
	boolean admit(String note, String by, boolean programmeStarted, String account, String passwordLinkId,
			Instant passwordLinkExpiresAt, Instant at) {
		requireAnnounced();
		if (status == ACCEPTED || status == ACTIVE) {
			return false;
		}
		if (status == WITHDRAWN) {
			throw invalidTransition(ProblemText.of("participant.action.accept"));
		}
		accountId = account;
		reviews.add(new Review(ACCEPTED.name(), note, at, by));
		moveTo(ACCEPTED, at, null);
		if (programmeStarted) {
			moveTo(ACTIVE, at, null);
		}
		record(new ParticipantAdmitted(id, programmeId, organisationId, role, account, passwordLinkId,
				passwordLinkId == null ? null : passwordLinkExpiresAt, at));
		announceStatus(at);
		return true;
	}

	/**
	 * Rejects the application, keeping the note here and announcing the reason code.
	 * @param reasonCode one of {@link #REJECTION_REASONS}
	 * @return whether anything changed
	 */
	boolean reject(String reasonCode, String note, String by, Instant at) {
		requireAnnounced();
		if (!REJECTION_REASONS.contains(reasonCode)) {
			throw new IllegalArgumentException("unknown rejection reason " + reasonCode);
		}
		if (status == REJECTED) {
			return false;
		}
		if (status != APPLIED && status != ACCEPTED) {
			throw invalidTransition(ProblemText.of("participant.action.reject"));
		}
		reviews.add(new Review(REJECTED.name(), note, at, by));
		moveTo(REJECTED, at, reasonCode);
		record(new ParticipantRejected(id, programmeId, organisationId, role, reasonCode, at));
		announceStatus(at);
		return true;
	}

	/**
	 * A link to set her account's password was issued for her: the invitation again, or a reset.
	 * @param purpose {@code INVITATION} or {@code RESET}
	 */
	public void passwordLinkIssued(String purpose, String linkId, Instant expiresAt, Instant at) {
		requireNotErased();
		if (accountId == null) {
			throw new IllegalStateException("participant " + id + " has no account");
		}
		record(new PasswordLinkIssued(id, accountId, programmeId, organisationId, purpose, linkId, expiresAt, at));
	}

	/**
	 * Makes an accepted participant active: she takes part from now on.
	 * @return whether anything changed
	 */
	boolean activate(Instant at) {
		requireAnnounced();
		if (status == ACTIVE) {
			return false;
		}
		if (status != ACCEPTED) {
			throw invalidTransition(ProblemText.of("participant.action.activate"));
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
		if (pending != null) {
			// nobody else heard of the enrolment: revoking it leaves nothing of her behind
			return erase(false, at);
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
		answers = null;
		accountId = null;
		pending = null;
		pendingUntil = null;
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
				details.avoidedParticipantIds(), accountId);
	}

	/** Whether her personal data has been erased. */
	public boolean isErased() {
		return erasedAt != null;
	}

	/** The key under which an application's e-mail address is unique within a programme. */
	public static String emailKey(String programmeId, String email) {
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

	private void requireOpen(ProblemText action) {
		requireNotErased();
		if (status == WITHDRAWN) {
			throw new ConflictException("participant-withdrawn", ProblemText.of("participant.cannot-participant-who-withdrawn", action));
		}
	}

	private void requireAnnounced() {
		requireNotErased();
		if (pending != null) {
			throw new ConflictException("enrolment-pending", ProblemText.of(pending == Pending.ADDRESS_CONFIRMATION
					? "participant.address-not-confirmed" : "participant.profile-not-completed"));
		}
	}

	private void requireNotErased() {
		if (isErased()) {
			throw new IllegalStateException("participant " + id + " has been erased");
		}
	}

	private ConflictException invalidTransition(ProblemText action) {
		return new ConflictException("invalid-status-transition",
				ProblemText.of("participant.cannot-participant-whose-status", action, status));
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

	public String getAccountId() {
		return accountId;
	}

	public Pending getPending() {
		return pending;
	}

	public Instant getPendingUntil() {
		return pendingUntil;
	}

	/** Whether the enrolment counts: not waiting for an address confirmation or a completed profile. */
	public boolean isAnnounced() {
		return pending == null;
	}

	public List<Answer> getAnswers() {
		return answers == null ? List.of() : List.copyOf(answers);
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
