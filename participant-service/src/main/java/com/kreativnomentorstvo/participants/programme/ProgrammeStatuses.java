package com.kreativnomentorstvo.participants.programme;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.PreconditionFailedException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.Versions;

/**
 * Moves programmes from status to status: by the organiser's coordinators (and administrators), and
 * by the programmes' dates, which {@link StatusSchedule} follows. The rules are {@link StatusRules}.
 */
@Service
class ProgrammeStatuses {

	private static final Logger log = LoggerFactory.getLogger(ProgrammeStatuses.class);

	private static final List<ProgrammeStatus> FINAL = List.of(ProgrammeStatus.CLOSED, ProgrammeStatus.ARCHIVED);

	private final Programmes programmes;

	private final ProgrammeAccess access;

	private final Clock clock;

	private final int closingDays;

	ProgrammeStatuses(Programmes programmes, ProgrammeAccess access, ParticipantServiceProperties properties,
			Clock clock) {
		this.programmes = programmes;
		this.access = access;
		this.closingDays = properties.statuses().closingDays();
		this.clock = clock;
	}

	/**
	 * One of the organiser's coordinators moves the programme; 404 for other organisations, 403 for
	 * its partners.
	 * @param reason her reason, kept with the programme (not published: it is free text)
	 */
	Programme move(String id, ProgrammeStatus to, String reason, String ifMatch, Caller caller) {
		Programme programme = access.organisedBy(caller, id);
		Versions.checkMatch(ifMatch, programme.getVersion(), "programme");
		if (!programme.moveTo(to, reason, clock.instant(), closingDays)) {
			return programme;
		}
		try {
			return programmes.save(programme);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new PreconditionFailedException(ProblemText.of("programme.programme-changed-someone-else"));
		}
	}

	/**
	 * Stores and announces the status of every programme whose dates have moved it on by the instant.
	 * A programme changed meanwhile by someone else is left to the next round.
	 * @return how many programmes moved
	 */
	int followDates(Instant now) {
		int moved = 0;
		for (Programme programme : programmes.findByStatusNotIn(FINAL)) {
			if (programme.isBehindItsDates(now, closingDays) && follow(programme, now)) {
				moved++;
			}
		}
		return moved;
	}

	/**
	 * Moves one programme on by its dates at the instant, as the scheduled round does.
	 * @return whether it moved
	 */
	boolean followDates(String programmeId, Instant now) {
		return programmes.findById(programmeId).map(programme -> follow(programme, now)).orElse(false);
	}

	private boolean follow(Programme programme, Instant now) {
		try {
			if (programme.followDates(now, closingDays)) {
				programmes.save(programme);
				return true;
			}
		}
		catch (OptimisticLockingFailureException ex) {
			log.debug("Programme {} changed while its status was moved; the next round looks again", programme.getId());
		}
		return false;
	}

	/** A programme's status now (as its view shows it). */
	ProgrammeStatus statusOf(Programme programme) {
		return programme.statusAt(clock.instant(), closingDays);
	}

}
