package com.kreativnomentorstvo.participants.participant;

import java.time.DayOfWeek;
import java.time.LocalTime;

import com.kreativnomentorstvo.events.participants.WeeklySlot;

/** A recurring weekly window of availability, in the participant's own time zone. */
public record WeeklyWindow(DayOfWeek day, LocalTime from, LocalTime to) {

	boolean overlaps(WeeklyWindow other) {
		return day == other.day && from.isBefore(other.to) && other.from.isBefore(to);
	}

	WeeklySlot toSlot() {
		return new WeeklySlot(day, from, to);
	}

}
