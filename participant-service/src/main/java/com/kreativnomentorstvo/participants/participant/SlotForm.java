package com.kreativnomentorstvo.participants.participant;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

/** A weekly window such as {@code {"day":"MONDAY","from":"17:00","to":"19:00"}}, in the participant's time zone. */
record SlotForm(@NotNull DayOfWeek day, @NotNull LocalTime from, @NotNull LocalTime to) {

	WeeklyWindow toWindow() {
		return new WeeklyWindow(day, from, to);
	}

}
