package com.kreativnomentorstvo.sessions.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.SessionHeld;
import com.kreativnomentorstvo.platform.ScheduledPass;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.programmes.ProgrammeStatuses;
import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.Mentorships;
import com.kreativnomentorstvo.sessions.projection.Participant;
import com.kreativnomentorstvo.sessions.projection.Participants;
import com.kreativnomentorstvo.sessions.session.Session;
import com.kreativnomentorstvo.sessions.session.SessionStatus;
import com.kreativnomentorstvo.sessions.session.Sessions;

/**
 * Asks a survey's audience when its trigger happens for them: both members of a pair when a
 * session is recorded held ({@code AFTER_SESSION}: at once, when the recording announces it in
 * the service, and again in the pass below, which catches up on any the first did not ask, e.g. the
 * process stopped between the two writes), and, in a pass every {@code surveys.check-interval}, the
 * members of pairs started 30 days ago
 * ({@code DAY_30}), everyone once the programme's MIDTERM milestone has come ({@code MIDTERM}) and
 * once its end is the survey's number of days away ({@code CLOSING}). Only participants who take
 * part in the programme (admitted or active, not withdrawn) are asked, each once: the request's id
 * is derived from survey and participant (and session), so a trigger seen again changes nothing.
 * An ARCHIVED programme asks no one: its surveys could not be answered any more.
 */
@Service
public class SurveyRequesting implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(SurveyRequesting.class);

	/** How long after its start a pair is asked a {@link Trigger#DAY_30} survey. */
	static final Duration DAY_30 = Duration.ofDays(30);

	private final Surveys surveys;

	private final SurveyRequests requests;

	private final Participants participants;

	private final Mentorships mentorships;

	private final Sessions sessions;

	private final ProgrammeDirectory programmes;

	private final ProgrammeStatuses statuses;

	private final SessionProperties.Surveys settings;

	private final Clock clock;

	SurveyRequesting(Surveys surveys, SurveyRequests requests, Participants participants, Mentorships mentorships,
			Sessions sessions, ProgrammeDirectory programmes, ProgrammeStatuses statuses, SessionProperties properties,
			Clock clock) {
		this.surveys = surveys;
		this.requests = requests;
		this.participants = participants;
		this.mentorships = mentorships;
		this.sessions = sessions;
		this.programmes = programmes;
		this.statuses = statuses;
		this.settings = properties.surveys();
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new ScheduledPass("survey pass", () -> askWhoIsDue(clock.instant()), log),
				settings.checkInterval());
	}

	/**
	 * A session was recorded held: its programme's AFTER_SESSION surveys ask both members. A failure
	 * here does not undo the recording; the next pass asks them.
	 */
	@EventListener
	public void sessionHeld(SessionHeld held) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		try {
			for (Survey survey : surveys.findByProgrammeIdAndTrigger(held.programmeId(), Trigger.AFTER_SESSION)) {
				ask(survey, held.mentorId(), Role.MENTOR, held.sessionId(), now);
				ask(survey, held.menteeId(), Role.MENTEE, held.sessionId(), now);
			}
		}
		catch (RuntimeException notNow) {
			log.warn("Surveys after session {} are left to the next pass: {}", held.sessionId(), notNow.toString());
		}
	}

	/**
	 * Asks everyone a survey by date is due for at the moment given.
	 *
	 * @return how many were asked
	 */
	public int askWhoIsDue(Instant now) {
		Instant at = now.truncatedTo(ChronoUnit.MILLIS);
		int asked = 0;
		for (Survey survey : surveys.findAll()) {
			if (statuses.isArchived(survey.getProgrammeId())) {
				continue;
			}
			Optional<Programme> programme = programmes.find(survey.getProgrammeId());
			if (survey.getTrigger() == Trigger.AFTER_SESSION) {
				// sessions recorded held since the survey was defined, whose members were not asked yet
				for (Session session : sessions.findByProgrammeId(survey.getProgrammeId())) {
					if (session.getStatus() == SessionStatus.HELD && session.getOutcomeRecordedAt() != null
							&& !session.getOutcomeRecordedAt().isBefore(survey.getCreatedAt())) {
						asked += ask(survey, session.getMentorId(), Role.MENTOR, session.getId(), at) ? 1 : 0;
						asked += ask(survey, session.getMenteeId(), Role.MENTEE, session.getId(), at) ? 1 : 0;
					}
				}
			}
			else if (programme.isEmpty()) {
				continue;
			}
			else if (survey.getTrigger() == Trigger.DAY_30) {
				for (Mentorship pair : mentorships.findByProgrammeId(survey.getProgrammeId())) {
					if (pair.isActive() && pair.getStartedAt() != null && !pair.getStartedAt().plus(DAY_30).isAfter(now)) {
						asked += ask(survey, pair.getMentorId(), Role.MENTOR, null, at) ? 1 : 0;
						asked += ask(survey, pair.getMenteeId(), Role.MENTEE, null, at) ? 1 : 0;
					}
				}
			}
			else if (dayHasCome(survey, programme.get(), now)) {
				for (Participant participant : participants.findByProgrammeId(survey.getProgrammeId())) {
					asked += ask(survey, participant.getId(), participant.getRole(), null, at) ? 1 : 0;
				}
			}
		}
		return asked;
	}

	private boolean dayHasCome(Survey survey, Programme programme, Instant now) {
		LocalDate today = now.atZone(programme.zone().orElse(ZoneOffset.UTC)).toLocalDate();
		Optional<LocalDate> day = survey.getTrigger() == Trigger.MIDTERM ? programme.milestone("MIDTERM")
				: Optional.ofNullable(programme.endsOn())
					.map(end -> end.minusDays(survey.getClosingDaysBefore() == null ? settings.closingDaysBefore()
							: survey.getClosingDaysBefore()));
		return day.map(d -> !today.isBefore(d)).orElse(false);
	}

	/** Asks her, unless she is not of the audience, does not take part, or was asked already. */
	private boolean ask(Survey survey, String participantId, Role roleInPair, String sessionId, Instant at) {
		if (participantId == null) {
			return false;
		}
		Optional<Participant> known = participants.findById(participantId);
		if (known.isPresent() && (!known.get().takesPart()
				|| known.get().getProgrammeId() != null && !known.get().getProgrammeId().equals(survey.getProgrammeId()))) {
			return false;
		}
		Role role = known.map(Participant::getRole).orElse(roleInPair);
		if (!survey.getAudience().includes(role)) {
			return false;
		}
		String id = SurveyRequest.idFor(survey.getId(), participantId, sessionId);
		if (requests.existsById(id)) {
			return false;
		}
		try {
			requests.insert(SurveyRequest.ask(survey, participantId, role, sessionId, at, at.plus(settings.answerWithin())));
			return true;
		}
		catch (DuplicateKeyException askedMeanwhile) {
			return false;
		}
	}

}
