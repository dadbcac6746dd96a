package com.kreativnomentorstvo.participants.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.participants.account.Account;
import com.kreativnomentorstvo.participants.account.AccountLink;
import com.kreativnomentorstvo.participants.account.AccountLinks;
import com.kreativnomentorstvo.participants.account.IdentityProviderUnavailable;
import com.kreativnomentorstvo.participants.account.Accounts;
import com.kreativnomentorstvo.participants.account.LinkPurpose;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.organisation.Organisation;
import com.kreativnomentorstvo.participants.organisation.OrganisationDirectory;
import com.kreativnomentorstvo.participants.participant.EnrolmentAccounts;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.Participants;
import com.kreativnomentorstvo.participants.participant.ProfileDetails;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.participants.validation.EmailAddress;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.participants.validation.MessageLocale;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * A coordinator invites people into a programme directly, one or a whole list at a time (the
 * organiser's coordinators people of any of the programme's organisations, a partner's coordinators
 * people of their own organisation): each gets
 * an account (hers if her address has one), a link to set her password if she has none, and an
 * invitation e-mail in her language; she is enrolled once she completes her profile. A list with a
 * bad row invites nobody (every bad row is reported, with the good ones); a good list is queued and
 * worked through in the background, surviving a crash or an identity provider that is down; a
 * person invited before (the same list sent twice) is reported and not invited again.
 */
@Service
class Invitations implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Invitations.class);

	/** How often waiting lists are looked for. */
	private static final Duration SWEEP = Duration.ofSeconds(5);

	/** How long one instance holds a list it works on before another may take it over. */
	private static final Duration LEASE = Duration.ofMinutes(2);

	/** How long a list waits after the identity provider did not answer. */
	private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	/** How long a finished list (its outcomes, without names or addresses) is kept. */
	private static final Duration KEPT = Duration.ofDays(30);

	private final ProgrammeAccess programmes;

	private final OrganisationDirectory organisations;

	private final Participants participants;

	private final Accounts accounts;

	private final AccountLinks links;

	private final EnrolmentAccounts enrolmentAccounts;

	private final ParticipantServiceProperties properties;

	private final MongoOperations mongo;

	private final TaskScheduler scheduler;

	private final Clock clock;

	Invitations(ProgrammeAccess programmes, OrganisationDirectory organisations, Participants participants,
			Accounts accounts, AccountLinks links, EnrolmentAccounts enrolmentAccounts,
			ParticipantServiceProperties properties, MongoOperations mongo, TaskScheduler scheduler, Clock clock) {
		this.programmes = programmes;
		this.organisations = organisations;
		this.participants = participants;
		this.accounts = accounts;
		this.links = links;
		this.enrolmentAccounts = enrolmentAccounts;
		this.properties = properties;
		this.mongo = mongo;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/** One good row of a refused list. */
	record Outcome(int row, String email, String participantId) {
	}

	/**
	 * Checks the whole list and queues it; the people on it are invited in the background, each
	 * once (a person invited before, or by the same list sent again, is not invited twice).
	 * @param list the people to invite, read only once the caller is known to coordinate the
	 *     programme (a stranger learns nothing from how her list is refused)
	 */
	InvitationBatch queue(String programmeId, Supplier<List<InvitationRow>> list, Caller caller) {
		Programme programme = programmes.coordinatedBy(caller, programmeId);
		programmes.requireTakingPeople(programme);
		List<InvitationRow> rows = list.get();
		check(programme, rows, caller);
		InvitationBatch batch = mongo.insert(InvitationBatch.of(Ids.next("inv"), programme.getId(), rows,
				caller.subject(), clock.instant()));
		scheduler.schedule(() -> workQuietly(batch.getId()), clock.instant());
		return batch;
	}

	/** A list of the programme, for its coordinators. */
	InvitationBatch find(String programmeId, String batchId, Caller caller) {
		programmes.coordinatedBy(caller, programmeId);
		InvitationBatch batch = mongo.findById(batchId, InvitationBatch.class);
		if (batch == null || !batch.getProgrammeId().equals(programmeId)) {
			throw new ResourceNotFoundException("invitation list", batchId);
		}
		return batch;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::sweep, SWEEP);
	}

	/** Works on the lists that wait (after a crash or while the identity provider was down), and forgets old ones. */
	void sweep() {
		Query waiting = Query.query(Criteria.where("status").is(InvitationBatch.Status.QUEUED)
			.and("leaseUntil").lt(clock.instant())).limit(10);
		waiting.fields().include("_id");
		for (InvitationBatch batch : mongo.find(waiting, InvitationBatch.class)) {
			workQuietly(batch.getId());
		}
		mongo.remove(Query.query(Criteria.where("status").is(InvitationBatch.Status.DONE)
			.and("finishedAt").lt(clock.instant().minus(KEPT))), InvitationBatch.class);
	}

	/**
	 * Invites the list's people that are not done yet, if no other instance holds the list; stops
	 * (to try again later) when the identity provider is down.
	 * @return whether the list is done
	 */
	boolean work(String batchId) {
		Instant now = clock.instant();
		InvitationBatch batch = mongo.findAndModify(
				Query.query(Criteria.where("_id").is(batchId).and("status").is(InvitationBatch.Status.QUEUED)
					.and("leaseUntil").lt(now)),
				new Update().set("leaseUntil", now.plus(LEASE)), FindAndModifyOptions.options().returnNew(true),
				InvitationBatch.class);
		if (batch == null) {
			return false;
		}
		Programme programme = programmes.existing(batch.getProgrammeId());
		List<InvitationBatch.Row> rows = new ArrayList<>(batch.getRows());
		for (int i = 0; i < rows.size(); i++) {
			InvitationBatch.Row row = rows.get(i);
			if (row.outcome() != null) {
				continue;
			}
			InvitationBatch.Row worked;
			try {
				worked = invite(programme, row, batch.getCreatedBy());
			}
			catch (IdentityProviderUnavailable down) {
				mongo.updateFirst(Query.query(Criteria.where("_id").is(batchId)),
						new Update().set("leaseUntil", clock.instant().plus(RETRY_AFTER))
							.set("lastProblem", "the identity provider did not answer; retrying"),
						InvitationBatch.class);
				return false;
			}
			mongo.updateFirst(Query.query(Criteria.where("_id").is(batchId)),
					new Update().set("rows." + i, worked).set("leaseUntil", clock.instant().plus(LEASE)),
					InvitationBatch.class);
			rows.set(i, worked);
		}
		mongo.updateFirst(Query.query(Criteria.where("_id").is(batchId)),
				new Update().set("status", InvitationBatch.Status.DONE)
					.set("finishedAt", clock.instant())
					.set("rows", rows.stream().map(InvitationBatch.Row::scrubbed).toList())
					.unset("lastProblem"),
				InvitationBatch.class);
		return true;
	}

	private void workQuietly(String batchId) {
		try {
			work(batchId);
		}
		catch (RuntimeException ex) {
			log.warn("Working on invitation list {} failed; the sweep retries: {}", batchId, ex.toString());
		}
	}

	private InvitationBatch.Row invite(Programme programme, InvitationBatch.Row row, String by) {
		String email = row.email();
		Optional<Participant> before = participants.findByEmailKey(Participant.emailKey(programme.getId(), email));
		if (before.isPresent()) {
			return row.worked(InvitationBatch.Outcome.ALREADY_INVITED, before.get().getId());
		}
		return inviteOne(programme, row.toInvitation(), email, by)
			.map(made -> row.worked(InvitationBatch.Outcome.INVITED, made.getId()))
			.orElseGet(() -> row.worked(InvitationBatch.Outcome.ALREADY_INVITED,
					participants.findByEmailKey(Participant.emailKey(programme.getId(), email))
						.map(Participant::getId)
						.orElse(null)));
	}

	private Optional<Participant> inviteOne(Programme programme, InvitationRow row, String email, String by) {
		Role role = Role.valueOf(row.role().toUpperCase(Locale.ROOT));
		Account account = accounts.forPerson(email, row.name().strip(), row.language(), row.organisation(),
				role.name());
		String id = Ids.next("p");
		AccountLink link = account.passwordSet() ? null
				: links.issue(LinkPurpose.SET_PASSWORD, account.id(), id, properties.accounts().invitationValidity());
		String country = organisations.find(row.organisation()).map(Organisation::getCountry).orElse(null);
		ProfileDetails known = new ProfileDetails(row.name().strip(), email, country, null, List.of(row.language()),
				row.language(), List.of(), List.of(), null, null, programme.getTimeZone(), List.of(), null, List.of(),
				List.of());
		try {
			Participant invitedNow = participants.save(Participant.invite(id, programme.getId(), row.organisation(),
					role, known, account.id(), link == null ? null : link.id(), link == null ? null : link.expiresAt(),
					by, clock.instant()));
			boolean grantedAlready = account.roles().contains(role.name().toLowerCase(Locale.ROOT))
					&& row.organisation().equals(account.organisationId());
			if (!grantedAlready) {
				enrolmentAccounts.sync(account.id());
			}
			return Optional.of(invitedNow);
		}
		catch (DuplicateKeyException invitedMeanwhile) {
			return Optional.empty();
		}
	}

	/** Every row is checked before anyone is invited; a bad row stops the whole list. */
	private void check(Programme programme, List<InvitationRow> rows, Caller caller) {
		// the organiser's coordinators invite people of any organisation of the programme, a partner's only her own
		boolean running = programmes.runs(caller, programme);
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (InvitationRow row : rows) {
			String at = "rows[" + row.row() + "].";
			if (row.name() == null || row.name().strip().isEmpty() || row.name().length() > 120
					|| !PlainText.Check.isPlain(row.name(), false)) {
				problems.add(FieldProblem.of(at + "name", "onboarding.name-characters"));
			}
			if (row.email() == null || row.email().strip().length() > 254
					|| !row.email().strip().matches(EmailAddress.PATTERN)) {
				problems.add(FieldProblem.of(at + "email", "onboarding.email-format"));
			}
			else {
				Integer first = seen.putIfAbsent(row.email().strip().toLowerCase(Locale.ROOT), row.row());
				if (first != null) {
					problems.add(FieldProblem.of(at + "email", "onboarding.listed-row-already", first));
				}
			}
			if (row.role() == null || !List.of("MENTOR", "MENTEE").contains(row.role().toUpperCase(Locale.ROOT))) {
				problems.add(FieldProblem.of(at + "role", "onboarding.mentor-mentee"));
			}
			if (row.organisation() == null || !programme.organisationIds().contains(row.organisation())
					|| !organisations.isRegistered(row.organisation())) {
				problems.add(FieldProblem.of(at + "organisation", "onboarding.organiser-partner-programme", programme.organisationIds()));
			}
			else if (!running && !programmes.stewards(caller, programme, row.organisation())) {
				problems.add(FieldProblem.of(at + "organisation", "onboarding.own-organisation", caller.organisationId()));
			}
			if (row.language() == null || !MessageLocale.SUPPORTED.contains(row.language())) {
				problems.add(FieldProblem.of(at + "language", "onboarding.locale-unknown", MessageLocale.SUPPORTED));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRows(problems, rows.stream()
				.filter(row -> problems.stream().noneMatch(p -> p.field().startsWith("rows[" + row.row() + "].")))
				.map(row -> new Outcome(row.row(), row.email(), null))
				.toList());
		}
	}

}
