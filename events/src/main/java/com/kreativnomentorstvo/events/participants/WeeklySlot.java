package com.kreativnomentorstvo.events.participants;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A recurring weekly window of availability, in the participant's own time zone. */
public record WeeklySlot(DayOfWeek day, LocalTime from, LocalTime to) {
}
