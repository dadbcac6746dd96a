package com.kreativnomentorstvo.sessions.programmeevent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.sessions.session.Slot;

/**
 * A programme's next cycle gets the previous cycle's group events that were not cancelled: the same
 * kind, titles, description, length, place and invited roles, moved by as many days as the
 * programme's start moved (at the same wall-clock time), each announced as any planned event. Each
 * new event's id is derived from the old one's, so a redelivered announcement plans nothing twice.
 */
@Service
public class PreviousCycleTrainings {

	private static final Logger log = LoggerFactory.getLogger(PreviousCycleTrainings.class);

	private final ProgrammeEvents events;

	private final ProgrammeDirectory programmes;

	private final Clock clock;

	PreviousCycleTrainings(ProgrammeEvents events, ProgrammeDirectory programmes, Clock clock) {
		this.events = events;
		this.programmes = programmes;
		this.clock = clock;
	}

	/**
	 * Plans the previous cycle's trainings in the programme, if it is a next cycle.
	 * @return how many events were planned now
	 */
	public int carryOver(ProgrammeDetails next) {
		if (next.previousCycleId() == null) {
			return 0;
		}
		Optional<LocalDate> previousStart = programmes.find(next.previousCycleId()).map(Programme::startsOn);
		if (previousStart.isEmpty() || next.startsOn() == null) {
			log.warn("programme {} follows {}, which this service has not heard of: no trainings carried over",
					next.programmeId(), next.previousCycleId());
			return 0;
		}
		long days = ChronoUnit.DAYS.between(previousStart.get(), next.startsOn());
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int planned = 0;
		for (ProgrammeEvent old : events.findByProgrammeId(next.previousCycleId())) {
			String id = carriedId(old.getId(), next.programmeId());
			if (old.isCancelled() || events.existsById(id)) {
				continue;
			}
			ProgrammeEvent.Plan was = old.plan();
			Slot slot = new Slot(old.slot().start().atZone(old.slot().zone()).plusDays(days).toInstant(),
					old.slot().end().atZone(old.slot().zone()).plusDays(days).toInstant(), old.slot().zone());
			ProgrammeEvent.Plan plan = new ProgrammeEvent.Plan(was.title(), was.description(), slot, was.mode(),
					was.meetingUrl(), was.venue(), was.titles());
			try {
				events.insert(ProgrammeEvent.schedule(id, next.programmeId(), next.organiserId(), old.getKind(), plan,
						old.getInvitedRoles(), now));
				planned++;
			}
			catch (DuplicateKeyException plannedMeanwhile) {
				// a redelivery planned it at the same time: once is enough
			}
		}
		return planned;
	}

	/** The id of the next cycle's copy of an event: the same for every delivery of the announcement. */
	static String carriedId(String oldEventId, String nextProgrammeId) {
		UUID derived = UUID.nameUUIDFromBytes((nextProgrammeId + "/" + oldEventId).getBytes(StandardCharsets.UTF_8));
		return "pev-" + derived.toString().replace("-", "").substring(0, 20);
	}

}
