package com.kreativnomentorstvo.participants.programme;

import static com.kreativnomentorstvo.events.participants.ProgrammeStatus.ARCHIVED;
import static com.kreativnomentorstvo.events.participants.ProgrammeStatus.CLOSED;
import static com.kreativnomentorstvo.events.participants.ProgrammeStatus.CLOSING;
import static com.kreativnomentorstvo.events.participants.ProgrammeStatus.DRAFT;
import static com.kreativnomentorstvo.events.participants.ProgrammeStatus.OPEN;
import static com.kreativnomentorstvo.events.participants.ProgrammeStatus.RUNNING;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.kreativnomentorstvo.events.participants.ProgrammeStatus;

/**
 * Which status a programme's dates give, and which moves a status allows. A programme moves forward
 * only: DRAFT → OPEN → RUNNING → CLOSING → CLOSED by its dates or earlier by its organiser, then
 * ARCHIVED by hand from CLOSED. One move back: CLOSING → RUNNING once its end was moved so far out
 * that its dates no longer make it CLOSING.
 */
final class StatusRules {

	/** How many days before its end a programme is CLOSING, unless configured otherwise. */
	static final int DEFAULT_CLOSING_DAYS = 14;

	private StatusRules() {
	}

	/**
	 * The status the dates give on a day of the programme's calendar: DRAFT before the enrolment
	 * window; OPEN from its first day until both the window has closed and the programme has
	 * started (a window that runs past the start keeps it OPEN, so the window's dates keep their
	 * word); RUNNING after that; CLOSING from {@code closingDays} before {@code endsOn}; CLOSED from the
	 * day after {@code endsOn}. Never ARCHIVED: only people archive.
	 */
	static ProgrammeStatus byDates(LocalDate enrolmentOpensOn, LocalDate enrolmentClosesOn, LocalDate startsOn,
			LocalDate endsOn, LocalDate today, int closingDays) {
		if (today.isAfter(endsOn)) {
			return CLOSED;
		}
		LocalDate running = later(startsOn, enrolmentClosesOn.plusDays(1));
		if (today.isBefore(enrolmentOpensOn)) {
			return DRAFT;
		}
		if (today.isBefore(running)) {
			return OPEN;
		}
		return today.isBefore(later(running, endsOn.minusDays(closingDays))) ? RUNNING : CLOSING;
	}

	/**
	 * The statuses a coordinator may move the programme to from {@code from}, given the status its
	 * dates give today: any later one up to CLOSED; ARCHIVED only from CLOSED (an archived programme
	 * is read-only everywhere, so its mentorships must have ended); RUNNING from CLOSING when the dates
	 * give RUNNING or earlier again (its end was moved). Nothing from ARCHIVED.
	 */
	static List<ProgrammeStatus> movesFrom(ProgrammeStatus from, ProgrammeStatus byDates) {
		return Arrays.stream(ProgrammeStatus.values()).filter(to -> allows(from, to, byDates)).toList();
	}

	/** Whether a coordinator may move the programme from one status to the other. */
	static boolean allows(ProgrammeStatus from, ProgrammeStatus to, ProgrammeStatus byDates) {
		if (from == ARCHIVED || to == from) {
			return false;
		}
		if (to == ARCHIVED) {
			return from == CLOSED;
		}
		if (from == CLOSING && to == RUNNING) {
			return byDates.compareTo(RUNNING) <= 0;
		}
		return to.compareTo(from) > 0;
	}

	/**
	 * The status a programme has: the one stored, moved forward to the one its dates give if they
	 * have gone further (the scheduled job stores and announces that move soon after); the dates'
	 * alone for a programme stored before programmes had a status.
	 */
	static ProgrammeStatus effective(ProgrammeStatus stored, ProgrammeStatus byDates) {
		if (stored == null) {
			return byDates;
		}
		return stored == ARCHIVED || stored.compareTo(byDates) >= 0 ? stored : byDates;
	}

	private static LocalDate later(LocalDate one, LocalDate other) {
		return one.isAfter(other) ? one : other;
	}

}
