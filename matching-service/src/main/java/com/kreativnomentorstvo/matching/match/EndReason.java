package com.kreativnomentorstvo.matching.match;

/** Why a mentorship ended. The last two are set by the service when a participant leaves. */
public enum EndReason {

	COMPLETED, ENDED_BY_COORDINATOR, PARTICIPANT_WITHDRAWN, PARTICIPANT_ERASED

}
