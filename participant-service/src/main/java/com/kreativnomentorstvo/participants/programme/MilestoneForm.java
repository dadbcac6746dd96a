package com.kreativnomentorstvo.participants.programme;

import java.time.LocalDate;

import com.kreativnomentorstvo.events.participants.Milestone;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A dated step of a programme.
 *
 * @param kind {@code KICK_OFF}, {@code MIDTERM}, {@code FINAL}, {@code TRAINING} or another upper-case name
 */
record MilestoneForm(
		@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "{programme.milestone-kind}") String kind,
		@NotNull LocalDate date) {

	Milestone toMilestone() {
		return new Milestone(kind, date);
	}

}
