package com.kreativnomentorstvo.participants.coordinator;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.CoordinatorAppointed;
import com.kreativnomentorstvo.events.participants.CoordinatorContactChanged;
import com.kreativnomentorstvo.events.participants.CoordinatorRemoved;
import com.kreativnomentorstvo.events.participants.PasswordLinkIssued;
import com.kreativnomentorstvo.participants.validation.MessageLocale;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * An organisation's coordinator as the platform knows her: an account (her id is the account's,
 * the tokens' {@code sub}) appointed for one organisation, with the name, address and language
 * that inbox messages and digest e-mails to her use. Her contact details travel only on the
 * contacts topic. Removal is her erasure here: it scrubs them and leaves a tombstone on that topic
 * ({@code tombstonePending} until the broker has it); the record keeps only her account id, the
 * organisation and when she was appointed and removed.
 */
@Document("coordinators")
public class Coordinator extends AggregateRoot {

	/** What a password link sent to her is for. */
	static final Set<String> LINK_PURPOSES = Set.of("INVITATION", "RESET");

	@Id
	private String id;

	@Indexed
	private String organisationId;

	private String displayName;

	private String email;

	private String preferredLocale;

	private Instant appointedAt;

	/** Who appointed her (an administrator's or coordinator's account, or an integration's client). */
	private String appointedBy;

	private Instant updatedAt;

	private Instant removedAt;

	/** Set by removal until the contacts topic holds her tombstone. */
	@Indexed(sparse = true)
	private Boolean tombstonePending;

	protected Coordinator() {
	}

	/**
	 * Appoints the account as a coordinator of the organisation and announces it, with her contact
	 * details on the contacts topic.
	 * @param passwordLinkId the link to set her first password, or {@code null} if her account has one
	 */
	static Coordinator appoint(String accountId, String organisationId, String displayName, String email,
			String preferredLocale, String passwordLinkId, Instant passwordLinkExpiresAt, String by, Instant at) {
		Coordinator coordinator = new Coordinator();
		coordinator.id = Objects.requireNonNull(accountId, "accountId");
		coordinator.start(organisationId, displayName, email, preferredLocale, passwordLinkId, passwordLinkExpiresAt,
				by, at);
		return coordinator;
	}

	/**
	 * Appoints a removed coordinator again (for this or another organisation), once her tombstone
	 * is written: a new contact record before it would be wiped by it.
	 */
	void reappoint(String organisationId, String displayName, String email, String preferredLocale,
			String passwordLinkId, Instant passwordLinkExpiresAt, String by, Instant at) {
		requireReappointable();
		removedAt = null;
		tombstonePending = null;
		start(organisationId, displayName, email, preferredLocale, passwordLinkId, passwordLinkExpiresAt, by, at);
	}

	/**
	 * Checks that she can be appointed again: removed, and her tombstone written.
	 * @throws ConflictException naming {@code email} otherwise
	 */
	void requireReappointable() {
		if (!isRemoved()) {
			throw new ConflictException("already-appointed", ProblemText.of("coordinator.she-coordinator-already"), "email");
		}
		if (isTombstonePending()) {
			throw new ConflictException("removal-in-progress",
					ProblemText.of("coordinator.removal-still-being-completed"), "email");
		}
	}

	private void start(String organisationId, String displayName, String email, String preferredLocale,
			String passwordLinkId, Instant passwordLinkExpiresAt, String by, Instant at) {
		checkContact(displayName, email, preferredLocale);
		this.organisationId = Objects.requireNonNull(organisationId, "organisationId");
		this.displayName = displayName;
		this.email = email;
		this.preferredLocale = preferredLocale;
		this.appointedAt = at;
		this.appointedBy = by;
		this.updatedAt = at;
		record(contact(at));
		record(new CoordinatorAppointed(id, organisationId, passwordLinkId,
				passwordLinkId == null ? null : passwordLinkExpiresAt, at));
	}

	/**
	 * Replaces her name, address and language; announces the new contact details if they changed.
	 * @return whether anything changed
	 */
	boolean changeContact(String newDisplayName, String newEmail, String newPreferredLocale, Instant at) {
		requireAppointed();
		checkContact(newDisplayName, newEmail, newPreferredLocale);
		if (newDisplayName.equals(displayName) && newEmail.equals(email) && newPreferredLocale.equals(preferredLocale)) {
			return false;
		}
		displayName = newDisplayName;
		email = newEmail;
		preferredLocale = newPreferredLocale;
		updatedAt = at;
		record(contact(at));
		return true;
	}

	/**
	 * A link to set her account's password was issued for her: the invitation again, or a reset.
	 * @param purpose {@code INVITATION} or {@code RESET}
	 */
	public void passwordLinkIssued(String purpose, String linkId, Instant expiresAt, Instant at) {
		requireAppointed();
		if (!LINK_PURPOSES.contains(purpose)) {
			throw new IllegalArgumentException("unknown password link purpose " + purpose);
		}
		record(new PasswordLinkIssued(id, id, null, organisationId, purpose, linkId, expiresAt, at));
	}

	/**
	 * She no longer coordinates: her contact details are erased here and, through the tombstone
	 * that follows, on the contacts topic.
	 * @return whether anything changed (removing twice changes nothing)
	 */
	boolean remove(Instant at) {
		if (isRemoved()) {
			return false;
		}
		displayName = null;
		email = null;
		preferredLocale = null;
		appointedBy = null;
		removedAt = at;
		updatedAt = at;
		tombstonePending = true;
		record(new CoordinatorRemoved(id, organisationId, at));
		return true;
	}

	/** Whether she has been removed (and her contact details erased). */
	public boolean isRemoved() {
		return removedAt != null;
	}

	/** Whether she is a coordinator of the organisation now. */
	public boolean coordinates(String organisation) {
		return !isRemoved() && Objects.equals(organisationId, organisation);
	}

	boolean isTombstonePending() {
		return Boolean.TRUE.equals(tombstonePending);
	}

	private CoordinatorContactChanged contact(Instant at) {
		return new CoordinatorContactChanged(id, organisationId, displayName, email, preferredLocale, at);
	}

	private void requireAppointed() {
		if (isRemoved()) {
			throw new IllegalStateException("coordinator " + id + " has been removed");
		}
	}

	private static void checkContact(String displayName, String email, String preferredLocale) {
		if (displayName == null || displayName.isBlank()) {
			throw new IllegalArgumentException("a coordinator needs a name");
		}
		if (email == null || !email.contains("@")) {
			throw new IllegalArgumentException("a coordinator needs an e-mail address");
		}
		if (!MessageLocale.SUPPORTED.contains(preferredLocale)) {
			throw new IllegalArgumentException("unsupported locale " + preferredLocale);
		}
	}

	public String getId() {
		return id;
	}

	public String getOrganisationId() {
		return organisationId;
	}

	public String getDisplayName() {
		return displayName;
	}

	public String getEmail() {
		return email;
	}

	public String getPreferredLocale() {
		return preferredLocale;
	}

	public Instant getAppointedAt() {
		return appointedAt;
	}

	public String getAppointedBy() {
		return appointedBy;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Instant getRemovedAt() {
		return removedAt;
	}

}
