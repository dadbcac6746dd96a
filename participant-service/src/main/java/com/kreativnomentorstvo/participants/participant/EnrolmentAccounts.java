package com.kreativnomentorstvo.participants.participant;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.participants.account.Account;
import com.kreativnomentorstvo.participants.account.AccountAccess;
import com.kreativnomentorstvo.participants.account.AccountLinks;
import com.kreativnomentorstvo.participants.account.IdentityProvider;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;

/**
 * Keeps accounts in step with their enrolments: the roles and organisation an account's tokens
 * carry follow the enrolments it holds (admission, withdrawal, a new programme), and an account
 * that no enrolment needs any more is deleted when its last enrolment is erased. The identity
 * provider may be down; then the change is remembered and tried again until it succeeds, so an
 * erasure never leaves an account behind.
 */
@Service
public class EnrolmentAccounts implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(EnrolmentAccounts.class);

	/** Roles an account may hold besides those of its enrolments; enrolments never grant or remove them. */
	private static final Set<String> STAFF_ROLES = Set.of("admin", "coordinator");

	/** Statuses in which an enrolment grants its role. */
	private static final Set<ParticipantStatus> TAKING_PART = Set.of(ParticipantStatus.APPLIED,
			ParticipantStatus.ACCEPTED, ParticipantStatus.ACTIVE);

	private final Participants participants;

	private final IdentityProvider provider;

	private final AccountLinks links;

	private final MongoOperations mongo;

	private final ParticipantServiceProperties properties;

	private final Clock clock;

	EnrolmentAccounts(Participants participants, IdentityProvider provider, AccountLinks links, MongoOperations mongo,
			ParticipantServiceProperties properties, Clock clock) {
		this.participants = participants;
		this.provider = provider;
		this.links = links;
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	/** A change to be made at the identity provider that could not be made yet. */
	@Document("accountChanges")
	record AccountChange(@Id String accountId, Instant since, int attempts, String lastFailure) {
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::retryPending, properties.accounts().maintenanceInterval());
	}

	/**
	 * Brings the account's roles and organisation in line with its enrolments now, or remembers to;
	 * deletes the account if it has no enrolment left and no staff role.
	 */
	public void sync(String accountId) {
		try {
			apply(accountId);
			mongo.remove(Query.query(Criteria.where("_id").is(accountId)), AccountChange.class);
		}
		catch (RuntimeException ex) {
			log.warn("Account {} could not be brought in line with its enrolments now; retrying: {}", accountId,
					ex.toString());
			mongo.upsert(Query.query(Criteria.where("_id").is(accountId)),
					new Update().setOnInsert("since", clock.instant()).inc("attempts", 1).set("lastFailure",
							ex.getClass().getSimpleName()),
					AccountChange.class);
		}
	}

	/** Whether a change of the account still waits for the identity provider. */
	public boolean pending(String accountId) {
		return mongo.exists(Query.query(Criteria.where("_id").is(accountId)), AccountChange.class);
	}

	void retryPending() {
		for (AccountChange change : mongo.find(new Query().limit(100), AccountChange.class)) {
			sync(change.accountId());
		}
	}

	private void apply(String accountId) {
		List<Participant> enrolments = participants.findByAccountIdAndErasedAtIsNull(accountId);
		Optional<Account> found = provider.find(accountId);
		if (found.isEmpty()) {
			return; // deleted already (or by hand): nothing to keep in line
		}
		Account account = found.get();
		Set<String> staff = new LinkedHashSet<>();
		account.roles().stream().filter(STAFF_ROLES::contains).forEach(staff::add);
		if (enrolments.isEmpty() && staff.isEmpty()) {
			provider.delete(accountId);
			links.forget(accountId, accountId);
			log.info("Deleted account {}: no enrolment needs it any more", accountId);
			return;
		}
		Set<String> roles = new LinkedHashSet<>(staff);
		enrolments.stream()
			.filter(participant -> TAKING_PART.contains(participant.getStatus()))
			.map(participant -> participant.getRole().name().toLowerCase(Locale.ROOT))
			.forEach(roles::add);
		String organisation = !staff.isEmpty() ? account.organisationId()
				: enrolments.stream()
					.filter(participant -> TAKING_PART.contains(participant.getStatus()))
					.max(Comparator.comparing(Participant::getEnrolledAt))
					.or(() -> enrolments.stream().max(Comparator.comparing(Participant::getEnrolledAt)))
					.map(Participant::getOrganisationId)
					.orElse(account.organisationId());
		if (!Objects.equals(organisation, account.organisationId()) || !Set.copyOf(account.roles()).equals(roles)) {
			provider.changeAccess(accountId, new AccountAccess(organisation, List.copyOf(roles), account.enabled()));
		}
	}

}
