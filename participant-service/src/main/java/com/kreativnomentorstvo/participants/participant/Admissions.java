package com.kreativnomentorstvo.participants.participant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.participants.programme.Programmes;
import com.kreativnomentorstvo.platform.web.Versions;
import com.kreativnomentorstvo.platform.security.Caller;

/**
 * The coordinators' review of applications: accept, reject (with a reason kept here), and
 * activation, which happens by itself when the programme starts or earlier by hand.
 */
@Service
class Admissions {

	private static final Logger log = LoggerFactory.getLogger(Admissions.class);

	private final Participants participants;

	private final ParticipantAccess access;

	private final ProgrammeAccess programmeAccess;

	private final Programmes programmes;

	private final Clock clock;

	Admissions(Participants participants, ParticipantAccess access, ProgrammeAccess programmeAccess,
			Programmes programmes, Clock clock) {
		this.participants = participants;
		this.access = access;
		this.programmeAccess = programmeAccess;
		this.programmes = programmes;
		this.clock = clock;
	}

	Participant accept(String id, String note, String ifMatch, Caller caller) {
		Participant participant = access.coordinatedBy(caller, id);
		Versions.checkMatch(ifMatch, participant.getVersion(), "participant");
		Instant now = clock.instant();
		boolean started = programmeAccess.existing(participant.getProgrammeId()).hasStarted(now);
		return participant.accept(note == null ? null : note.strip(), caller.subject(), started, now) ? participants.save(participant) : participant;
	}

	Participant reject(String id, String reason, String ifMatch, Caller caller) {
		Participant participant = access.coordinatedBy(caller, id);
		Versions.checkMatch(ifMatch, participant.getVersion(), "participant");
		return participant.reject(reason.strip(), caller.subject(), clock.instant()) ? participants.save(participant)
				: participant;
	}

	Participant activate(String id, String ifMatch, Caller caller) {
		Participant participant = access.coordinatedBy(caller, id);
		Versions.checkMatch(ifMatch, participant.getVersion(), "participant");
		return participant.activate(clock.instant()) ? participants.save(participant) : participant;
	}

	/**
	 * Makes the accepted participants of every programme that has started active.
	 * @return how many became active
	 */
	int activateStarted(Instant now) {
		LocalDate latestToday = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
		List<String> started = programmes.findByStartsOnLessThanEqual(latestToday)
			.stream()
			.filter(programme -> programme.hasStarted(now))
			.map(Programme::getId)
			.toList();
		if (started.isEmpty()) {
			return 0;
		}
		int activated = 0;
		for (Participant participant : participants.findByProgrammeIdInAndStatus(started, ParticipantStatus.ACCEPTED)) {
			try {
				if (participant.activate(now)) {
					participants.save(participant);
					activated++;
				}
			}
			catch (OptimisticLockingFailureException ex) {
				// changed meanwhile (perhaps withdrawn); the next run looks at her again
				log.debug("Participant {} changed while being activated", participant.getId());
			}
		}
		return activated;
	}

}
