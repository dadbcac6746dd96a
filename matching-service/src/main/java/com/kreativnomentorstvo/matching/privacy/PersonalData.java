package com.kreativnomentorstvo.matching.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kreativnomentorstvo.matching.match.Match;
import com.kreativnomentorstvo.matching.match.MatchView;
import com.kreativnomentorstvo.matching.projection.Participant;
import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.matching.run.MatchingRun;
import com.kreativnomentorstvo.matching.scoring.ExplanationView;
import com.kreativnomentorstvo.matching.scoring.Profile;
import com.kreativnomentorstvo.platform.security.Caller;

/**
 * What matching-service holds about a participant (GDPR art. 15 and 20), for the platform's data
 * export: the profile it matches on, every match she is in with its explanation, and every
 * matching run that considered her, with the pair it proposed for her or why it proposed none.
 * Readable by herself, her steward's coordinators and administrators; 404 for anyone else and once
 * she is erased (then nothing of this is left).
 */
@Service
class PersonalData {

	static final String SERVICE = "matching";

	private final ProgrammeAccess access;

	private final MongoOperations mongo;

	private final Clock clock;

	PersonalData(ProgrammeAccess access, MongoOperations mongo, Clock clock) {
		this.access = access;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The export, as the platform's contract for every service's part has it. */
	record Export(String service, String participantId, Instant exportedAt, Data data) {
	}

	/**
	 * @param profile what she told the programme that matching uses (no name, contact or free text)
	 * @param matches every proposal, request and mentorship she is in, with its explanation
	 * @param runs every matching run that considered her
	 */
	record Data(ProfileData profile, List<MatchView> matches, List<RunData> runs) {
	}

	record ProfileData(String programmeId, String organisationId, String role, String status, String accountId,
			Profile matchedOn) {
	}

	/**
	 * @param proposed the pair the run proposed for her, with its explanation; absent if none
	 * @param unmatched why the run found no mentor for her, if it found none
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RunData(String runId, Instant createdAt, String status, Proposed proposed, Unmatched unmatched) {
	}

	record Proposed(String menteeId, String mentorId, boolean locked, ExplanationView explanation) {
	}

	record Unmatched(String reason, String explanation) {
	}

	Export of(Caller caller, String participantId) {
		Participant participant = access.personalDataOf(caller, participantId);
		Profile profile = participant.profile();
		ProfileData profileData = new ProfileData(participant.getProgrammeId(), participant.getOrganisationId(),
				participant.getRole() == null ? null : participant.getRole().name(),
				participant.getStatus() == null ? null : participant.getStatus().name(), participant.getAccountId(),
				profile);
		List<MatchView> matches = mongo
			.find(new Query(new Criteria().orOperator(where("mentorId").is(participantId),
					where("menteeId").is(participantId))).with(Sort.by("proposedAt", "_id")), Match.class)
			.stream()
			.map(MatchView::of)
			.toList();
		return new Export(SERVICE, participantId, clock.instant(), new Data(profileData, matches, runs(participantId)));
	}

	private List<RunData> runs(String participantId) {
		Query considered = new Query(new Criteria().orOperator(where("inputs.mentees.participantId").is(participantId),
				where("inputs.mentors.profile.participantId").is(participantId)));
		List<RunData> runs = new ArrayList<>();
		for (MatchingRun run : mongo.find(considered, MatchingRun.class)) {
			Proposed proposed = run.getResults()
				.proposals()
				.stream()
				.filter(pair -> participantId.equals(pair.menteeId()) || participantId.equals(pair.mentorId()))
				.findFirst()
				.map(pair -> new Proposed(pair.menteeId(), pair.mentorId(), pair.locked(),
						ExplanationView.of(pair.explanation())))
				.orElse(null);
			Unmatched unmatched = run.getResults()
				.unmatched()
				.stream()
				.filter(mentee -> participantId.equals(mentee.menteeId()))
				.findFirst()
				.map(mentee -> new Unmatched(mentee.reason(), mentee.explanation()))
				.orElse(null);
			runs.add(new RunData(run.getId(), run.getCreatedAt(), run.getStatus().name(), proposed, unmatched));
		}
		runs.sort(Comparator.comparing(RunData::createdAt, Comparator.nullsLast(Comparator.naturalOrder())));
		return runs;
	}

}
