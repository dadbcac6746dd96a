package com.kreativnomentorstvo.events.participants;

/**
 * Where a programme stands in its life, in this order: being prepared, taking applications,
 * running, in its last weeks, over, and kept for the record only.
 */
public enum ProgrammeStatus {

	DRAFT, OPEN, RUNNING, CLOSING, CLOSED, ARCHIVED

}
