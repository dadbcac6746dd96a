package com.kreativnomentorstvo.notifications.reminder;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/** The mentorships this service has heard of, for features that need to know who is in one. */
@Component
public class Mentorships {

	private final Pairs pairs;

	Mentorships(Pairs pairs) {
		this.pairs = pairs;
	}

	/** The mentor and mentee of the mentorship, or none while it is unknown here. */
	public List<String> membersOf(String mentorshipId) {
		if (mentorshipId == null) {
			return List.of();
		}
		return pairs.findById(mentorshipId)
			.map(pair -> Stream.of(pair.mentorId(), pair.menteeId()).filter(Objects::nonNull).toList())
			.orElse(List.of());
	}

}
