package com.kreativnomentorstvo.participants.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.organisation.OrganisationDirectory;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/** Copies a programme as its next cycle, and tells which cycles followed a programme. */
@Service
class NextCycles {

	private final Programmes programmes;

	private final ProgrammeAccess access;

	private final ProgrammeRules rules;

	private final Clock clock;

	private final int closingDays;

	NextCycles(Programmes programmes, ProgrammeAccess access, OrganisationDirectory organisations,
			ParticipantServiceProperties properties, Clock clock) {
		this.programmes = programmes;
		this.access = access;
		this.rules = new ProgrammeRules(organisations);
		this.closingDays = properties.statuses().closingDays();
		this.clock = clock;
	}

	/**
	 * The organiser's coordinators (and administrators) copy the programme as its next cycle, which
	 * starts on the form's date, not in the past and after the programme's own start.
	 * @throws InvalidFieldsException naming {@code startsOn} (or another field the copy breaks)
	 */
	Programme copy(String id, NextCycleForm form, Caller caller) {
		Programme previous = access.organisedBy(caller, id);
		Instant now = clock.instant();
		LocalDate today = previous.dateAt(now);
		if (form.startsOn().isBefore(today)) {
			throw new InvalidFieldsException("startsOn", ProblemText.of("programme.next-cycle-not-past", today));
		}
		if (!form.startsOn().isAfter(previous.getStartsOn())) {
			throw new InvalidFieldsException("startsOn",
					ProblemText.of("programme.next-cycle-after-previous", previous.getStartsOn()));
		}
		Programme next = previous.nextCycle(Ids.next("prog"), form.startsOn(), form.name().strip(), form.names(), now,
				closingDays);
		rules.check(next.getOrganiserId(), next.draft());
		return programmes.save(next);
	}

	/** The ids of the programmes copied from this one as its next cycles, oldest start first. */
	List<String> nextCyclesOf(Programme programme) {
		return programmes.findByPreviousCycleId(programme.getId())
			.stream()
			.sorted(Comparator.comparing(Programme::getStartsOn).thenComparing(Programme::getId))
			.map(Programme::getId)
			.toList();
	}

}
