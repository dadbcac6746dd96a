package com.kreativnomentorstvo.notifications.reminder;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;

/**
 * Plans reminders from the event stream: sessions (24 h and 1 h before, moved with the session and
 * cancelled with it), unanswered proposals, silent pairs (re-armed by every session), the midterm
 * review (moved when the programme's midterm moves) and the final review (moved when the
 * programme's last day moves). What it decides is stored by
 * {@link ReminderStore}, on a fresh read of each reminder, so events of different keys may arrive
 * in any order.
 */
@Service
public class ReminderPlanner {

	/** The review reminders' ids: the prefix, then the pair and the member it is about. */
	private static final String MIDTERM = "midterm/";

	private static final String MIDTERM_MISSING = "midterm-missing/";

	private static final String FINAL = "final/";

	private final ReminderStore reminders;

	private final Pairs pairs;

	private final ProgrammeDirectory programmes;

	private final NotificationProperties.Reminders settings;

	private final Clock clock;

	ReminderPlanner(ReminderStore reminders, Pairs pairs, ProgrammeDirectory programmes, NotificationProperties properties,
			Clock clock) {
		this.reminders = reminders;
		this.pairs = pairs;
		this.programmes = programmes;
		this.settings = properties.reminders();
		this.clock = clock;
	}

	/** A session was booked or moved: reminders 24 h and 1 h before its (new) start. */
	public void sessionPlanned(String sessionId, String mentorshipId, String programmeId, String organisationId,
			String mentorId, String menteeId, OffsetDateTime start, int durationMinutes, String timeZone,
			SessionMode mode, String meetingUrl, String venue, int sequence) {
		Instant startsAt = start.toInstant();
		Instant now = clock.instant();
		for (Reminder.Type type : List.of(Reminder.Type.SESSION_DAY_BEFORE, Reminder.Type.SESSION_HOUR_BEFORE)) {
			Instant due = startsAt.minus(type.before);
			reminders.change(sessionReminderId(sessionId, type), existing -> {
				if (existing != null && existing.generation() >= sequence) {
					return null; // this version of the session (or a later one) is planned already
				}
				if (!due.isAfter(now)) {
					// too late for this one; an older plan of it must not fire either
					if (existing != null) {
						existing.rearm(due, sequence);
						existing.cancel();
					}
					return existing;
				}
				if (existing != null) {
					existing.session(mentorshipId, startsAt, durationMinutes, timeZone, mode == SessionMode.ONLINE,
							meetingUrl, venue);
					existing.rearm(due, sequence);
					return existing;
				}
				return new Reminder(sessionReminderId(sessionId, type), type, List.of(mentorId, menteeId), mentorId,
						menteeId, programmeId, organisationId, sessionId, due, sequence)
					.session(mentorshipId, startsAt, durationMinutes, timeZone, mode == SessionMode.ONLINE, meetingUrl,
							venue);
			});
		}
		pairActive(mentorshipId, programmeId, organisationId, mentorId, menteeId, now);
	}

	/** A session was called off: its reminders go (unless a later version of it is planned). */
	public void sessionCancelled(String sessionId, int sequence) {
		for (Reminder.Type type : List.of(Reminder.Type.SESSION_DAY_BEFORE, Reminder.Type.SESSION_HOUR_BEFORE)) {
			reminders.change(sessionReminderId(sessionId, type), existing -> {
				if (existing == null || existing.generation() > sequence) {
					return null;
				}
				existing.cancel();
				return existing;
			});
		}
	}

	/** A session took place: the pair is not silent. */
	public void sessionHeld(String mentorshipId, String programmeId, String organisationId, String mentorId,
			String menteeId) {
		pairActive(mentorshipId, programmeId, organisationId, mentorId, menteeId, clock.instant());
	}

	/** A proposal went out: each side who has not answered after N days (before the deadline) is nudged. */
	public void proposed(MatchProposed proposal) {
		Instant due = proposal.proposedAt().plus(settings.proposalUnansweredAfter());
		if (proposal.respondBy() != null && !due.isBefore(proposal.respondBy())) {
			return; // the deadline comes first; matching-service expires the proposal then
		}
		long days = settings.proposalUnansweredAfter().toDays();
		for (String participant : List.of(proposal.mentorId(), proposal.menteeId())) {
			String id = "proposal/" + proposal.matchId() + "/" + participant;
			reminders.change(id, existing -> existing != null ? null
					: new Reminder(id, Reminder.Type.PROPOSAL_UNANSWERED, List.of(participant), proposal.mentorId(),
							proposal.menteeId(), proposal.programmeId(), proposal.organisationId(), proposal.matchId(),
							due, 0)
						.proposal(proposal.respondBy(), days));
		}
	}

	/** One side answered: she is not nudged. */
	public void answered(String matchId, String participantId) {
		reminders.cancel("proposal/" + matchId + "/" + participantId);
	}

	/** The proposal was declined or expired: nobody is nudged about it. */
	public void proposalClosed(String matchId, String mentorId, String menteeId) {
		answered(matchId, mentorId);
		answered(matchId, menteeId);
	}

	/** A pair started: watched for silence, and reminded of the midterm and the final review. */
	public void mentorshipStarted(MentorshipStarted started) {
		Pair pair = new Pair(started.mentorshipId(), started.programmeId(), started.organisationId(),
				started.mentorId(), started.menteeId(), true, started.startedAt());
		Pair stored = pairs.findById(pair.id()).orElse(null);
		if (stored == null || stored.active()) {
			pairs.save(pair);
		}
		else {
			return; // it ended already (events of different keys may come in any order)
		}
		pairActive(started.mentorshipId(), started.programmeId(), started.organisationId(), started.mentorId(),
				started.menteeId(), started.startedAt() == null ? clock.instant() : started.startedAt());
		programmes.find(started.programmeId()).ifPresent(programme -> planReviews(pair, programme));
	}

	/** A pair ended: no more nudges or review reminders for it. */
	public void mentorshipEnded(String mentorshipId, String programmeId, String organisationId, String mentorId,
			String menteeId) {
		pairs.save(new Pair(mentorshipId, programmeId, organisationId, mentorId, menteeId, false, null));
		reminders.cancel("pair-silent/" + mentorshipId);
		for (String member : List.of(mentorId, menteeId)) {
			for (String prefix : List.of(MIDTERM, MIDTERM_MISSING, FINAL)) {
				reminders.cancel(prefix + mentorshipId + "/" + member);
			}
		}
	}

	/**
	 * A review came in (kind {@code MIDTERM} or {@code FINAL}): its author is not reminded of it any
	 * more, also when the review is seen before the pair's start plans the reminder.
	 */
	public void reviewSubmitted(String mentorshipId, String programmeId, String organisationId, String authorId,
			String kind) {
		if (mentorshipId == null || authorId == null) {
			return; // about no pair or nobody: no reminder of hers to spare
		}
		Map<String, Reminder.Type> written = switch (kind == null ? "" : kind.toUpperCase(Locale.ROOT)) {
			case "MIDTERM" -> Map.of(MIDTERM, Reminder.Type.MIDTERM_REVIEW, MIDTERM_MISSING,
					Reminder.Type.MIDTERM_REVIEW_MISSING);
			case "FINAL" -> Map.of(FINAL, Reminder.Type.FINAL_REVIEW);
			default -> Map.of();
		};
		written.forEach((prefix, type) -> {
			String id = prefix + mentorshipId + "/" + authorId;
			reminders.settle(id, () -> new Reminder(id, type, List.of(authorId), null, null, programmeId,
					organisationId, mentorshipId, clock.instant(), 0)
				.review(mentorshipId, null));
		});
	}

	/**
	 * She was asked a survey: reminded once, three days before it is due, unless she answers first
	 * (or it is due sooner than that). A request seen again changes nothing.
	 */
	public void surveyRequested(String requestId, String programmeId, String organisationId, String participantId,
			Instant dueBy) {
		Instant due = dueBy.minus(Reminder.Type.SURVEY_DUE.before);
		if (!due.isAfter(clock.instant())) {
			return;
		}
		String id = surveyReminderId(requestId);
		reminders.change(id, existing -> existing != null ? null
				: new Reminder(id, Reminder.Type.SURVEY_DUE, List.of(participantId), null, null, programmeId,
						organisationId, requestId, due, 0)
					.survey(dueBy));
	}

	/** She answered the survey: no reminder of it (also if the answer is seen before the request). */
	public void surveyAnswered(String requestId, String programmeId, String organisationId, String participantId) {
		String id = surveyReminderId(requestId);
		reminders.settle(id, () -> new Reminder(id, Reminder.Type.SURVEY_DUE, List.of(participantId), null, null,
				programmeId, organisationId, requestId, clock.instant(), 0));
	}

	private static String surveyReminderId(String requestId) {
		return "survey/" + requestId;
	}

	/** A programme's state arrived or changed: review reminders follow its midterm date and its last day. */
	public void programmeChanged(String programmeId) {
		programmes.find(programmeId)
			.ifPresent(programme -> pairs.findByProgrammeIdAndActiveTrue(programmeId)
				.forEach(pair -> planReviews(pair, programme)));
	}

	/** A participant left (or was erased): reminders meant for her are dropped. */
	public void participantLeft(String participantId) {
		reminders.dropEverywhere(participantId);
	}

	/**
	 * Each member's reminders of the pair's reviews: the midterm one on the MIDTERM milestone (and,
	 * to her coordinators, its absence some days later), the final one some days before the
	 * programme's last day.
	 */
	private void planReviews(Pair pair, Programme programme) {
		ZoneId zone = zone(programme.timeZone());
		Instant now = clock.instant();
		programme.milestone("MIDTERM").ifPresent(midterm -> {
			Instant due = midterm.atTime(settings.midtermReviewAt()).atZone(zone).toInstant();
			Instant missingAt = due.plus(settings.midtermReviewMissingAfter());
			for (String participant : List.of(pair.mentorId(), pair.menteeId())) {
				planReview(pair, participant, MIDTERM, Reminder.Type.MIDTERM_REVIEW, midterm, due, now, false);
				planReview(pair, participant, MIDTERM_MISSING, Reminder.Type.MIDTERM_REVIEW_MISSING, midterm, missingAt,
						now, false);
			}
		});
		LocalDate endsOn = programme.endsOn();
		if (endsOn == null || endsOn.isBefore(now.atZone(zone).toLocalDate())) {
			return; // over already: nothing to remind of before its end
		}
		Instant due = endsOn.minusDays(settings.finalReviewDaysBefore())
			.atTime(settings.finalReviewAt())
			.atZone(zone)
			.toInstant();
		for (String participant : List.of(pair.mentorId(), pair.menteeId())) {
			// when the end moved so close that the time is past, it goes out at the next pass
			planReview(pair, participant, FINAL, Reminder.Type.FINAL_REVIEW, endsOn, due, now, true);
		}
	}

	/**
	 * The participant's reminder of a review (to her, or of its absence to her coordinators), due at
	 * the time given; one not planned yet whose time is past is planned only if {@code evenIfPast}.
	 * One that fired or was cancelled stays so.
	 */
	private void planReview(Pair pair, String participant, String prefix, Reminder.Type type, LocalDate date,
			Instant due, Instant now, boolean evenIfPast) {
		String id = prefix + pair.id() + "/" + participant;
		reminders.change(id, existing -> {
			if (existing == null) {
				if (!evenIfPast && !due.isAfter(now)) {
					return null;
				}
				return new Reminder(id, type, List.of(participant), pair.mentorId(), pair.menteeId(), pair.programmeId(),
						pair.organisationId(), pair.id(), due, 0)
					.review(pair.id(), date);
			}
			if (existing.status() != Reminder.Status.PENDING
					|| (existing.dueAt().equals(due) && date.equals(existing.date()))) {
				return null;
			}
			existing.review(pair.id(), date).move(due);
			return existing;
		});
	}

	/** Activity of a pair: the silence reminder counts from now (and is re-armed after it fired). */
	private void pairActive(String mentorshipId, String programmeId, String organisationId, String mentorId,
			String menteeId, Instant at) {
		if (mentorshipId == null || pairs.findById(mentorshipId).map(p -> !p.active()).orElse(false)) {
			return;
		}
		Duration silentAfter = settings.pairSilentAfter();
		String id = "pair-silent/" + mentorshipId;
		reminders.change(id, existing -> {
			if (existing == null) {
				return new Reminder(id, Reminder.Type.PAIR_SILENT, List.of(mentorId, menteeId), mentorId, menteeId,
						programmeId, organisationId, mentorshipId, at.plus(silentAfter), 0)
					.silence(mentorshipId, at, silentAfter);
			}
			if (existing.status() == Reminder.Status.CANCELLED
					|| (existing.lastActivityAt() != null && !at.isAfter(existing.lastActivityAt()))) {
				return null;
			}
			existing.activity(at);
			if (existing.status() == Reminder.Status.PENDING) {
				existing.move(at.plus(silentAfter));
			}
			else {
				existing.rearm(at.plus(silentAfter), existing.generation() + 1);
			}
			return existing;
		});
	}

	private static String sessionReminderId(String sessionId, Reminder.Type type) {
		return "session/" + sessionId + "/" + type.before.toHours() + "h";
	}

	private static ZoneId zone(String zone) {
		try {
			return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

}
