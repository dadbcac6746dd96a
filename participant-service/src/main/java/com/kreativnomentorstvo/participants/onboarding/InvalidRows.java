package com.kreativnomentorstvo.participants.onboarding;

import java.util.List;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException;

/** An invitation list with bad rows (422): each bad field, and the rows that were good, none of them invited. */
class InvalidRows extends InvalidFieldsException {

	private final List<Invitations.Outcome> goodRows;

	InvalidRows(List<FieldProblem> problems, List<Invitations.Outcome> goodRows) {
		super(problems);
		this.goodRows = List.copyOf(goodRows);
	}

	List<Invitations.Outcome> goodRows() {
		return goodRows;
	}

}
