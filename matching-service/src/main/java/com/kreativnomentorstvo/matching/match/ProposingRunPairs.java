package com.kreativnomentorstvo.matching.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.projection.MatchingTerms;
import com.kreativnomentorstvo.matching.projection.Participant;
import com.kreativnomentorstvo.matching.projection.Participants;
import com.kreativnomentorstvo.matching.scoring.Explanation;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;

/** A published run's pairs become proposals to both people, each holding both their places. */
@Service
public class ProposingRunPairs {

	private final Matches matches;

	private final Participants participants;

	private final PlaceKeeping placeKeeping;

	private final MatchChanges changes;

	ProposingRunPairs(Matches matches, Participants participants, PlaceKeeping placeKeeping, MatchChanges changes) {
		this.matches = matches;
		this.participants = participants;
		this.placeKeeping = placeKeeping;
		this.changes = changes;
	}

	/** One pair of a run to propose. */
	public record RunPair(String menteeId, String mentorId, Explanation explanation) {
	}

	/**
	 * The deadline for answers to proposals published now: the programme's number of days, or the
	 * one the coordinator chose.
	 * @throws InvalidFieldsException naming {@code respondBy} if the chosen one is not allowed
	 */
	public Instant respondBy(Programme programme, Instant requested) {
		return Match.deadline(requested, changes.now(), MatchingTerms.of(programme).responseDays());
	}

	/**
	 * Proposes the run's pairs. A pair whose mentee meanwhile got another proposal, or whose mentor
	 * meanwhile filled up or left, is skipped with the reason. Proposing the same run again proposes
	 * nothing twice: a run's match ids are derived from the run and the mentee.
	 */
	public List<Publication> propose(Programme programme, String runId, List<RunPair> pairs, Instant respondBy) {
		Instant now = changes.now();
		List<Publication> publications = new ArrayList<>();
		for (RunPair pair : pairs) {
			String matchId = Match.idOfRunProposal(runId, pair.menteeId());
			if (matches.existsById(matchId)) {
				publications.add(new Publication(pair.menteeId(), pair.mentorId(), matchId, null));
				continue;
			}
			String skipped = skipped(programme, pair, matchId);
			if (skipped != null) {
				publications.add(new Publication(pair.menteeId(), pair.mentorId(), null, skipped));
				continue;
			}
			changes.store(Match.propose(matchId, programme.id(), programme.organiserId(), Origin.RUN, runId,
					pair.mentorId(), pair.menteeId(), pair.explanation(), respondBy, now));
			publications.add(new Publication(pair.menteeId(), pair.mentorId(), matchId, null));
		}
		return publications;
	}

	/** Why the pair cannot be proposed now, or {@code null} once both its places are held. */
	private String skipped(Programme programme, RunPair pair, String matchId) {
		Optional<Participant> mentee = participants.findById(pair.menteeId()).filter(Participant::isActive);
		Optional<Participant> mentor = participants.findById(pair.mentorId()).filter(Participant::isActive);
		if (mentee.isEmpty()) {
			return "mentee-left";
		}
		if (mentor.isEmpty()) {
			return "mentor-left";
		}
		return placeKeeping.takeBoth(matchId, pair.menteeId(), pair.mentorId(), mentor.get().capacity(programme))
			.map(PlaceKeeping.Shortage::code)
			.orElse(null);
	}

}
