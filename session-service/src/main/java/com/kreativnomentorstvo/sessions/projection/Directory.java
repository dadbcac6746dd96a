package com.kreativnomentorstvo.sessions.projection;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Answers what other features ask of the participant projections: in which zone a participant
 * lives, what she is called. (Programmes, and who coordinates them, are the platform's
 * {@code ProgrammeDirectory}.)
 */
@Component
public class Directory {

	private final Participants participants;

	private final ParticipantNames names;

	Directory(Participants participants, ParticipantNames names) {
		this.participants = participants;
		this.names = names;
	}

	public Optional<Participant> participant(String participantId) {
		return participantId == null ? Optional.empty() : participants.findById(participantId);
	}

	/** Her own time zone, if her profile named a valid one. */
	public Optional<ZoneId> timeZoneOf(String participantId) {
		return participant(participantId).map(Participant::getTimeZone).flatMap(Directory::zone);
	}

	public Optional<String> displayNameOf(String participantId) {
		return participantId == null ? Optional.empty()
				: names.findById(participantId).map(ParticipantName::getDisplayName).filter(n -> !n.isBlank());
	}

	/** The language she reads (a BCP 47 tag), if her contact details named one. */
	public Optional<String> languageOf(String participantId) {
		return participantId == null ? Optional.empty()
				: names.findById(participantId).map(ParticipantName::getLocale).filter(l -> !l.isBlank());
	}

	/** Display names of several participants at once; those without one are absent. */
	public Map<String, String> displayNames(Collection<String> participantIds) {
		return names.findAllById(participantIds)
			.stream()
			.filter(n -> n.getDisplayName() != null && !n.getDisplayName().isBlank())
			.collect(Collectors.toMap(n -> n.id(), ParticipantName::getDisplayName, (a, b) -> a));
	}

	/** Time zones of several participants at once; those without a valid one are absent. */
	public Map<String, ZoneId> timeZones(Collection<String> participantIds) {
		return participants.findAllById(participantIds)
			.stream()
			.filter(p -> zone(p.getTimeZone()).isPresent())
			.collect(Collectors.toMap(Participant::getId, p -> zone(p.getTimeZone()).orElseThrow(), (a, b) -> a));
	}

	static Optional<ZoneId> zone(String id) {
		if (id == null || id.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(ZoneId.of(id));
		}
		catch (RuntimeException invalid) {
			return Optional.empty();
		}
	}

}
