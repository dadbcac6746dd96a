package com.kreativnomentorstvo.sessions.programmeevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.projection.Participants;
import com.kreativnomentorstvo.sessions.session.Slot;

/** What the watch reads: a programme's participants once a pass, however many of its events are due. */
class TurnoutWatchTests {

	private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

	private final MongoOperations mongo = mock(MongoOperations.class);

	private final Participants participants = mock(Participants.class);

	private final TurnoutWatch watch = new TurnoutWatch(mongo, mock(ProgrammeEvents.class), participants,
			new SessionProperties(null, null, null, null, null,
					new SessionProperties.Turnout(Duration.ofDays(3), 0.5, Duration.ofHours(1)), null, null),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void theParticipantsOfAProgrammeAreReadOnceAPassHoweverManyOfItsEventsAreDue() {
		when(mongo.find(any(Query.class), eq(ProgrammeEvent.class))).thenReturn(List.of(training("pev-1", "prog-1"),
				training("pev-2", "prog-1"), training("pev-3", "prog-2"), training("pev-4", "prog-1")));

		assertThat(watch.check(NOW)).isZero();
		verify(participants, times(1)).findByProgrammeId("prog-1");
		verify(participants, times(1)).findByProgrammeId("prog-2");

		watch.check(NOW);
		verify(participants, times(2)).findByProgrammeId("prog-1");
		verify(participants, times(2)).findByProgrammeId("prog-2");
	}

	private static ProgrammeEvent training(String id, String programmeId) {
		Instant start = NOW.plus(Duration.ofDays(2));
		return ProgrammeEvent.schedule(id, programmeId, "org-1", ProgrammeEventKind.TRAINING,
				new ProgrammeEvent.Plan("Training", null,
						new Slot(start, start.plus(Duration.ofHours(2)), ZoneId.of("Europe/Belgrade")),
						SessionMode.IN_PERSON, null, "Kino Kultura"),
				List.of(Role.MENTEE), NOW.minus(Duration.ofDays(20)));
	}

}
