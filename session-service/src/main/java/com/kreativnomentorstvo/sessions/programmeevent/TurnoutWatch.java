package com.kreativnomentorstvo.sessions.programmeevent;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.ScheduledPass;
import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.projection.Participant;
import com.kreativnomentorstvo.sessions.projection.Participants;

/**
 * Looks at the group events starting within {@code turnout.ahead} and flags each, once, whose
 * acceptances (yes) are fewer than {@code turnout.minimum-share} of the participants it invites,
 * so that the programme's coordinators hear of it while there is time to act.
 */
@Component
public class TurnoutWatch implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(TurnoutWatch.class);

	private final MongoOperations mongo;

	private final ProgrammeEvents events;

	private final Participants participants;

	private final SessionProperties.Turnout settings;

	private final Clock clock;

	TurnoutWatch(MongoOperations mongo, ProgrammeEvents events, Participants participants, SessionProperties properties,
			Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.participants = participants;
		this.settings = properties.turnout();
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new ScheduledPass("turnout pass", () -> check(clock.instant()), log),
				settings.checkInterval());
	}

	/**
	 * Flags what is due at the moment given.
	 *
	 * @return how many events were flagged
	 */
	public int check(Instant now) {
		Query soon = Query.query(Criteria.where("status")
			.is(ProgrammeEventStatus.SCHEDULED)
			.and("turnoutFlaggedAt")
			.is(null)
			.and("start")
			.gt(now)
			.lte(now.plus(settings.ahead())));
		int flagged = 0;
		// a programme's events share its participants: read them once per programme in a pass
		Map<String, List<Participant>> byProgramme = new HashMap<>();
		for (ProgrammeEvent event : mongo.find(soon, ProgrammeEvent.class)) {
			List<Participant> invited = byProgramme.computeIfAbsent(event.getProgrammeId(), participants::findByProgrammeId)
				.stream()
				.filter(p -> p.takesPart() && event.invites(p.getRole()))
				.toList();
			long accepted = event.getRsvps().stream().filter(r -> r.response() == Rsvp.Response.YES).count();
			long undecided = event.getRsvps().stream().filter(r -> r.response() == Rsvp.Response.MAYBE).count();
			if (invited.isEmpty() || accepted >= Math.ceil(settings.minimumShare() * invited.size())) {
				continue;
			}
			try {
				if (event.flagTurnout(invited.size(), (int) accepted, (int) undecided, now)) {
					events.save(event);
					flagged++;
				}
			}
			catch (OptimisticLockingFailureException changedMeanwhile) {
				log.debug("Event {} changed while its turnout was looked at; the next pass looks again", event.getId());
			}
		}
		return flagged;
	}

}
