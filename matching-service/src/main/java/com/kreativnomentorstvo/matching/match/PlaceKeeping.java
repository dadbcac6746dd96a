package com.kreativnomentorstvo.matching.match;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The one class that changes place counts, keeping them in step with the matches: a place is taken
 * before a match is stored in a state that needs it, and given back after the match is stored in one
 * that does not (see {@link Places}).
 */
@Component
class PlaceKeeping {

	private final Places places;

	PlaceKeeping(Places places) {
		this.places = places;
	}

	/** Why a new match could not take its places, as the code a caller reports. */
	enum Shortage {

		/** The mentee already has an open proposal, request or mentorship. */
		MENTEE_UNAVAILABLE("mentee-unavailable"),

		/** Every place of the mentor is taken. */
		MENTOR_FULL("mentor-full");

		private final String code;

		Shortage(String code) {
			this.code = code;
		}

		String code() {
			return code;
		}

	}

	/**
	 * Takes the mentee's place and one of the mentor's for a new match: both, or neither.
	 * @return what was missing; empty if the match holds both places now
	 */
	Optional<Shortage> takeBoth(String matchId, String menteeId, String mentorId, int mentorCapacity) {
		if (!places.hold(menteeId, matchId, 1)) {
			return Optional.of(Shortage.MENTEE_UNAVAILABLE);
		}
		if (!places.hold(mentorId, matchId, mentorCapacity)) {
			places.release(menteeId, matchId);
			return Optional.of(Shortage.MENTOR_FULL);
		}
		return Optional.empty();
	}

	/** Takes the mentee's place for her request; false if she holds another. */
	boolean takeMenteePlace(String matchId, String menteeId) {
		return places.hold(menteeId, matchId, 1);
	}

	/** Takes one of the mentor's places for a match she accepts; false if every one is taken. */
	boolean takeMentorPlace(Match match, int capacity) {
		return places.hold(match.getMentorId(), match.getId(), capacity);
	}

	/** Whether every place of the mentor is taken. */
	boolean isFull(String mentorId, int capacity) {
		return places.taken(mentorId) >= capacity;
	}

	/** Gives back the places the match, as stored now, does not need; an open or running match keeps them. */
	void giveBackUnneeded(Match match) {
		if (!match.needsMenteePlace()) {
			places.release(match.getMenteeId(), match.getId());
		}
		// her accept may be taking an open request's mentor place right now; an idle one is housekeeping's
		if (!match.needsMentorPlace() && match.getStatus() != MatchStatus.PROPOSED) {
			places.release(match.getMentorId(), match.getId());
		}
	}

	/** Gives back both places of a new match that could not be stored. */
	void giveBackAll(Match match) {
		places.release(match.getMenteeId(), match.getId());
		places.release(match.getMentorId(), match.getId());
	}

	/** Gives back a place held by a match that does not need it. */
	void giveBack(Places.Hold hold) {
		places.release(hold.participantId(), hold.matchId());
	}

}
