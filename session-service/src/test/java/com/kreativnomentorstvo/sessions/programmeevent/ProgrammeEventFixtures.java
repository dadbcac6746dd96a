package com.kreativnomentorstvo.sessions.programmeevent;

import java.util.List;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.sessions.session.Slot;

/** Group events for tests outside this package (e.g. calendars), through the aggregate's own changes. */
public final class ProgrammeEventFixtures {

	/** An in-person training for mentors and mentees, scheduled a month before it starts. */
	public static ProgrammeEvent training(String id, Slot slot) {
		return training(id, slot, "Digital tools clinic", "Bring a laptop", "Kino Kultura, Skopje");
	}

	/** An in-person training with the texts given, as they might have been stored before input was checked. */
	public static ProgrammeEvent training(String id, Slot slot, String title, String description, String venue) {
		return ProgrammeEvent.schedule(id, "prog-1", "org-1", ProgrammeEventKind.TRAINING,
				new ProgrammeEvent.Plan(title, description, slot, SessionMode.IN_PERSON, null, venue),
				List.of(Role.MENTOR, Role.MENTEE), slot.start().minusSeconds(30L * 86_400));
	}

	/** Moves it, as a coordinator would, a week before its (old) start. */
	public static void moveTo(ProgrammeEvent event, Slot slot) {
		ProgrammeEvent.Plan plan = event.plan();
		event.reschedule(new ProgrammeEvent.Plan(plan.title(), plan.description(), slot, plan.mode(), null,
				plan.venue()), event.getStart().minusSeconds(7L * 86_400));
	}

	/** Calls it off, as a coordinator would, a day before it starts. */
	public static void cancel(ProgrammeEvent event) {
		event.cancel(ProgrammeEventCancellation.VENUE_UNAVAILABLE, "coordinator-1",
				event.getStart().minusSeconds(86_400));
	}

	private ProgrammeEventFixtures() {
	}

}
