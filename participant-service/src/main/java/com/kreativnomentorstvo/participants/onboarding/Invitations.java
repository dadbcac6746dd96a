package com.kreativnomentorstvo.participants.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.participants.account.Account;
import com.kreativnomentorstvo.participants.account.AccountLink;
import com.kreativnomentorstvo.participants.account.AccountLinks;
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
import com.kreativnomentorstvo.participants.validation.Ids;
import com.kreativnomentorstvo.participants.validation.MessageLocale;
import com.kreativnomentorstvo.participants.validation.PlainText;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;

/**
 * A coordinator invites people into a programme directly, one or a whole list at a time: each gets
 * an account (hers if her address has one), a link to set her password if she has none, and an
 * invitation e-mail in her language; she is enrolled once she completes her profile. A list with a
 * bad row invites nobody (every bad row is reported, with the good ones); a person invited before
 * (the same list sent twice) is reported and not invited again.
 */
@Service
class Invitations {

	private final ProgrammeAccess programmes;

	private final OrganisationDirectory organisations;

	private final Participants participants;

	private final Accounts accounts;

	private final AccountLinks links;

	private final EnrolmentAccounts enrolmentAccounts;

	private final ParticipantServiceProperties properties;

	private final Clock clock;

	Invitations(ProgrammeAccess programmes, OrganisationDirectory organisations, Participants participants,
			Accounts accounts, AccountLinks links, EnrolmentAccounts enrolmentAccounts,
			ParticipantServiceProperties properties, Clock clock) {
		this.programmes = programmes;
		this.organisations = organisations;
		this.participants = participants;
		this.accounts = accounts;
		this.links = links;
		this.enrolmentAccounts = enrolmentAccounts;
		this.properties = properties;
		this.clock = clock;
	}

	/** One person of the list and what became of her. */
	record Outcome(int row, String email, String participantId) {
	}

	/** Who was invited now, and who had been invited (or had applied) before. */
	record Result(List<Outcome> invited, List<Outcome> alreadyInvited) {
	}

	/**
	 * @param list the people to invite, read only once the caller is known to coordinate the
	 *     programme (a stranger learns nothing from how her list is refused)
	 */
	Result invite(String programmeId, Supplier<List<InvitationRow>> list, Caller caller) {
		Programme programme = programmes.coordinatedBy(caller, programmeId);
		List<InvitationRow> rows = list.get();
		check(programme, rows);
		List<Outcome> invited = new ArrayList<>();
		List<Outcome> already = new ArrayList<>();
		for (InvitationRow row : rows) {
			String email = row.email().strip();
			Optional<Participant> before = participants.findByEmailKey(Participant.emailKey(programme.getId(), email));
			if (before.isPresent()) {
				already.add(new Outcome(row.row(), email, before.get().getId()));
				continue;
			}
			Optional<Participant> made = inviteOne(programme, row, email, caller);
			if (made.isPresent()) {
				invited.add(new Outcome(row.row(), email, made.get().getId()));
			}
			else {
				already.add(new Outcome(row.row(), email,
						participants.findByEmailKey(Participant.emailKey(programme.getId(), email))
							.map(Participant::getId)
							.orElse(null)));
			}
		}
		return new Result(invited, already);
	}

	private Optional<Participant> inviteOne(Programme programme, InvitationRow row, String email, Caller caller) {
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
		Instant now = clock.instant();
		try {
			Participant invitedNow = participants.save(Participant.invite(id, programme.getId(),
					row.organisation(), role, known, account.id(), link == null ? null : link.id(),
					link == null ? null : link.expiresAt(), caller.subject(), now));
			enrolmentAccounts.sync(account.id());
			return Optional.of(invitedNow);
		}
		catch (DuplicateKeyException invitedMeanwhile) {
			return Optional.empty();
		}
	}

	/** Every row is checked before anyone is invited; a bad row stops the whole list. */
	private void check(Programme programme, List<InvitationRow> rows) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (InvitationRow row : rows) {
			String at = "rows[" + row.row() + "].";
			if (row.name() == null || row.name().strip().isEmpty() || row.name().length() > 120
					|| !PlainText.Check.isPlain(row.name(), false)) {
				problems.add(new FieldProblem(at + "name", "must be a name of 1 to 120 characters"));
			}
			if (row.email() == null || row.email().strip().length() > 254
					|| !row.email().strip().matches(EmailAddress.PATTERN)) {
				problems.add(new FieldProblem(at + "email", "must be an e-mail address such as name@example.org"));
			}
			else {
				Integer first = seen.putIfAbsent(row.email().strip().toLowerCase(Locale.ROOT), row.row());
				if (first != null) {
					problems.add(new FieldProblem(at + "email", "is listed in row " + first + " already"));
				}
			}
			if (row.role() == null || !List.of("MENTOR", "MENTEE").contains(row.role().toUpperCase(Locale.ROOT))) {
				problems.add(new FieldProblem(at + "role", "must be MENTOR or MENTEE"));
			}
			if (row.organisation() == null || !programme.organisationIds().contains(row.organisation())
					|| !organisations.isRegistered(row.organisation())) {
				problems.add(new FieldProblem(at + "organisation",
						"must be the organiser or a partner of the programme: " + programme.organisationIds()));
			}
			if (row.language() == null || !MessageLocale.SUPPORTED.contains(row.language())) {
				problems.add(new FieldProblem(at + "language", "must be one of " + MessageLocale.SUPPORTED));
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
