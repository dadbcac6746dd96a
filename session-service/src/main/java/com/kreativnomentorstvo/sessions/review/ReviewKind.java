package com.kreativnomentorstvo.sessions.review;

/** The programme milestone a review looks back from. */
public enum ReviewKind {

	MIDTERM, FINAL

}
