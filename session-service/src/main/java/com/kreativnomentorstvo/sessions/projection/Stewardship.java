package com.kreativnomentorstvo.sessions.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.security.Caller;

/**
 * The tenancy model of a shared programme, in one place for this service. A programme's
 * <em>runners</em> are administrators and its organiser's coordinators: they plan its trainings and
 * see all of its pairs and sessions. A participant's <em>steward</em> is her organisation if it
 * organises or partners in her programme, otherwise the organiser; administrators and the
 * steward's coordinators see her sessions' meeting links and venues, the comments of her feedback
 * and the texts of her pair's reviews. The programme's other coordinators see only what involves
 * the participants they steward, and that without what is private to the pair.
 */
@Component
public class Stewardship {

	private final ProgrammeDirectory programmes;

	private final Participants participants;

	Stewardship(ProgrammeDirectory programmes, Participants participants) {
		this.programmes = programmes;
		this.participants = participants;
	}

	/** The organisation that stewards the programme's participants of the given organisation. */
	public static String stewardOf(Programme programme, String organisationId) {
		return organisationId != null && programme.organisations().contains(organisationId) ? organisationId
				: programme.organiserId();
	}

	/**
	 * Whether the caller runs the programme. Until the programme's own event has arrived, the
	 * organiser named by the object in question (a pair's or session's organisation) stands in.
	 */
	public boolean runs(Caller caller, String programmeId, String organiserIfUnknown) {
		if (caller.isAdmin()) {
			return true;
		}
		if (!caller.isCoordinator()) {
			return false;
		}
		Optional<Programme> programme = programmes.find(programmeId);
		String organiser = programme.map(Programme::organiserId).orElse(organiserIfUnknown);
		return organiser != null && caller.coordinatesFor(List.of(organiser));
	}

	/** Whether the caller coordinates the programme at all, as organiser or partner (or administers). */
	public boolean coordinates(Caller caller, String programmeId, String organiserIfUnknown) {
		return programmes.coordinates(caller, programmeId, organiserIfUnknown);
	}

	/** Whether the caller stewards the participant (false while the service does not know her). */
	public boolean stewards(Caller caller, String participantId) {
		return stewardedBy(caller).test(participantId);
	}

	/** Whether the caller stewards either of the members (of a pair or a session). */
	public boolean stewardsAnyOf(Caller caller, Collection<String> participantIds) {
		Predicate<String> stewarded = stewardedBy(caller);
		return participantIds.stream().anyMatch(stewarded);
	}

	/**
	 * Who the caller stewards, as a test that remembers what it looked up (for lists and reports,
	 * built once per request).
	 */
	public Predicate<String> stewardedBy(Caller caller) {
		if (caller.isAdmin()) {
			return participantId -> true;
		}
		if (!caller.isCoordinator() || caller.organisationId() == null) {
			return participantId -> false;
		}
		Map<String, Boolean> known = new HashMap<>();
		Map<String, Optional<Programme>> programmesById = new HashMap<>();
		return participantId -> participantId != null && known.computeIfAbsent(participantId,
				id -> participants.findById(id)
					.flatMap(participant -> programmesById
						.computeIfAbsent(participant.getProgrammeId() == null ? "" : participant.getProgrammeId(),
								programmes::find)
						.map(programme -> stewardOf(programme, participant.getOrganisationId())))
					.map(caller.organisationId()::equals)
					.orElse(false));
	}

	/** The participants of the programme the caller stewards. */
	public Set<String> stewardedIn(Caller caller, String programmeId) {
		Set<String> stewarded = new LinkedHashSet<>();
		Predicate<String> test = stewardedBy(caller);
		for (Participant participant : participants.findByProgrammeId(programmeId)) {
			if (test.test(participant.getId())) {
				stewarded.add(participant.getId());
			}
		}
		return stewarded;
	}

}
