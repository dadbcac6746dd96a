package com.kreativnomentorstvo.sessions.programmeevent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.Mentorships;
import com.kreativnomentorstvo.sessions.projection.Directory;
import com.kreativnomentorstvo.sessions.projection.Participant;

/**
 * Which programmes a participant takes part in, and as what: from her enrolment once she is
 * admitted (an applicant, a rejected or a withdrawn one takes part in none), or, before that event
 * has arrived, from the pairs she is in.
 */
@Component
public class ProgrammeMembership {

	private final Directory directory;

	private final Mentorships mentorships;

	ProgrammeMembership(Directory directory, Mentorships mentorships) {
		this.directory = directory;
		this.mentorships = mentorships;
	}

	/** One of a caller's enrolments in a programme, and its role there. */
	public record Member(String participantId, Role role) {
	}

	/**
	 * The caller's enrolment that actively takes part in the programme, with its role, if she holds
	 * one (the first by id, should she hold several there).
	 */
	public Optional<Member> of(Caller caller, String programmeId) {
		return caller.participantIds()
			.stream()
			.sorted()
			.flatMap(participantId -> roleIn(participantId, programmeId).map(role -> new Member(participantId, role))
				.stream())
			.findFirst();
	}

	/** Her role in the programme, if she is an active participant of it. */
	public Optional<Role> roleIn(String participantId, String programmeId) {
		return Optional.ofNullable(programmesOf(participantId).get(programmeId));
	}

	/** The programmes she actively takes part in, with her role in each. */
	public Map<String, Role> programmesOf(String participantId) {
		Map<String, Role> programmes = new LinkedHashMap<>();
		if (participantId == null) {
			return programmes;
		}
		Optional<Participant> enrolled = directory.participant(participantId);
		if (enrolled.isPresent() && !enrolled.get().takesPart()) {
			return programmes;
		}
		enrolled.filter(p -> p.getProgrammeId() != null && p.getRole() != null)
			.ifPresent(p -> programmes.put(p.getProgrammeId(), p.getRole()));
		for (Mentorship mentorship : mentorships.findWithMember(participantId)) {
			mentorship.roleOf(participantId).ifPresent(role -> programmes.putIfAbsent(mentorship.getProgrammeId(), role));
		}
		return programmes;
	}

}
