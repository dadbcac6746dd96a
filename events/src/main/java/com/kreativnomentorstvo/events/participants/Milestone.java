package com.kreativnomentorstvo.events.participants;

import java.time.LocalDate;

/** A dated step of a programme: {@code KICK_OFF}, {@code MIDTERM}, {@code FINAL} or another kind. */
public record Milestone(String kind, LocalDate date) {
}
