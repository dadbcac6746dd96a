package com.kreativnomentorstvo.matching.run;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.matching.match.MatchLifecycle;
import com.kreativnomentorstvo.matching.match.Places;
import com.kreativnomentorstvo.matching.projection.Participant;
import com.kreativnomentorstvo.matching.projection.Participants;
import com.kreativnomentorstvo.matching.projection.MatchingTerms;
import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.matching.run.MatchingRun.Inputs;
import com.kreativnomentorstvo.matching.run.MatchingRun.MentorInput;
import com.kreativnomentorstvo.matching.run.MatchingRun.Pair;
import com.kreativnomentorstvo.matching.run.MatchingRun.Settings;
import com.kreativnomentorstvo.matching.scoring.Criterion;
import com.kreativnomentorstvo.matching.scoring.Profile;
import com.kreativnomentorstvo.matching.scoring.ScoringPolicy;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs, replays, compares and publishes matching runs for a programme's coordinators.
 */
@Service
public class Matchmaking {

	private final MatchingRuns runs;

	private final Participants participants;

	private final Places places;

	private final ProgrammeAccess access;

	private final MatchLifecycle lifecycle;

	private final MongoOperations mongo;

	private final Clock clock;

	private final Timer runTime;

	Matchmaking(MatchingRuns runs, Participants participants, Places places, ProgrammeAccess access,
			MatchLifecycle lifecycle, MongoOperations mongo, Clock clock, MeterRegistry meters) {
		this.runs = runs;
		this.participants = participants;
		this.places = places;
		this.access = access;
		this.lifecycle = lifecycle;
		this.mongo = mongo;
		this.clock = clock;
		// registered now, so that dashboards find it before the first run
		this.runTime = Timer.builder("mentoring.matching.run")
			.description("How long a matching run takes: the pool's snapshot, scoring and the optimal assignment")
			.register(meters);
	}

	/** Runs the matching on today's pool, or on the inputs of an earlier run, with the given settings. */
	MatchingRun start(Caller caller, String programmeId, RunRequest request) {
		Programme programme = access.run(caller, programmeId);
		MatchingRun base = request.basedOn() == null ? null
				: runs.findById(request.basedOn())
					.filter(run -> run.getProgrammeId().equals(programmeId))
					.orElseThrow(() -> new InvalidFieldsException("basedOn", "is not a run of this programme"));
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Settings settings = settings(programme, base, request, now);
		Timer.Sample timing = Timer.start();
		Inputs inputs = base != null ? base.getInputs() : snapshot(programme);
		MatchingRun.Results results = RunComputation.compute(inputs, settings);
		timing.stop(runTime);
		MatchingRun run = new MatchingRun("run-" + UUID.randomUUID(), programmeId, now, caller.subject(),
				base == null ? null : base.getId(), settings, inputs, results);
		return runs.save(run);
	}

	MatchingRun find(Caller caller, String programmeId, String runId) {
		access.run(caller, programmeId);
		return runs.findById(runId)
			.filter(run -> run.getProgrammeId().equals(programmeId))
			.orElseThrow(() -> new ResourceNotFoundException("matching run", runId));
	}

	/** A page of the programme's runs, newest first, without their inputs and pairs. */
	RunPage list(Caller caller, String programmeId, int page, int size) {
		access.run(caller, programmeId);
		Query query = new Query(where("programmeId").is(programmeId));
		long total = mongo.count(query, MatchingRun.class);
		query.with(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")));
		query.fields().exclude("inputs").exclude("results.proposals").exclude("results.unmatched")
			.exclude("publication.outcomes");
		return new RunPage(mongo.find(query, MatchingRun.class), total);
	}

	record RunPage(List<MatchingRun> items, long total) {
	}

	/** Publishes a draft run's pairs as proposals to both people. */
	MatchingRun publish(Caller caller, String programmeId, String runId, Instant requestedRespondBy) {
		Programme programme = access.run(caller, programmeId);
		MatchingRun run = find(caller, programmeId, runId);
		Instant respondBy = lifecycle.respondBy(programme, requestedRespondBy, "respondBy");
		run.publish(clock.instant().truncatedTo(ChronoUnit.MILLIS), respondBy);
		run = runs.save(run); // a concurrent publish of the same run fails here, before any proposal
		List<MatchLifecycle.Proposal> proposals = run.getResults()
			.proposals()
			.stream()
			.map(pair -> new MatchLifecycle.Proposal(pair.menteeId(), pair.mentorId(), pair.explanation()))
			.toList();
		List<MatchLifecycle.Publication> outcomes = lifecycle.publishRun(programme, runId, proposals, respondBy);
		for (int attempt = 0;; attempt++) {
			run.published(outcomes);
			try {
				return runs.save(run);
			}
			catch (OptimisticLockingFailureException changed) {
				if (attempt > 3) {
					throw changed;
				}
				run = runs.findById(runId).orElseThrow();
			}
		}
	}

	/** Drops an erased participant from the inputs every run kept. */
	public void participantErased(String participantId) {
		Query containing = new Query(new Criteria().orOperator(where("inputs.mentees.participantId").is(participantId),
				where("inputs.mentors.profile.participantId").is(participantId)));
		for (MatchingRun run : mongo.find(containing, MatchingRun.class)) {
			for (int attempt = 0;; attempt++) {
				try {
					run.forget(participantId);
					runs.save(run);
					break;
				}
				catch (OptimisticLockingFailureException changed) {
					if (attempt > 3) {
						throw changed;
					}
					run = runs.findById(run.getId()).orElseThrow();
				}
			}
		}
	}

	/** Mentees without a proposal or mentorship, and every active mentor with her free places. */
	private Inputs snapshot(Programme programme) {
		List<Participant> mentees = participants.findByProgrammeIdAndRole(programme.id(), Role.MENTEE)
			.stream()
			.filter(Participant::isActive)
			.sorted(Comparator.comparing(Participant::getId))
			.toList();
		List<Participant> mentors = participants.findByProgrammeIdAndRole(programme.id(), Role.MENTOR)
			.stream()
			.filter(Participant::isActive)
			.sorted(Comparator.comparing(Participant::getId))
			.toList();
		List<String> ids = new ArrayList<>();
		mentees.forEach(p -> ids.add(p.getId()));
		mentors.forEach(p -> ids.add(p.getId()));
		Map<String, Integer> taken = places.taken(ids);
		List<Profile> pool = mentees.stream()
			.filter(mentee -> taken.getOrDefault(mentee.getId(), 0) == 0)
			.map(Participant::profile)
			.toList();
		List<MentorInput> mentorInputs = mentors.stream().map(mentor -> {
			int capacity = mentor.capacity(programme);
			return new MentorInput(mentor.profile(), capacity,
					Math.max(0, capacity - taken.getOrDefault(mentor.getId(), 0)));
		}).toList();
		return new Inputs(pool, mentorInputs, List.of());
	}

	private static Settings settings(Programme programme, MatchingRun base, RunRequest request, Instant now) {
		Settings inherited = base != null ? base.getSettings() : null;
		MatchingTerms terms = MatchingTerms.of(programme);
		ScoringPolicy policy = terms.scoringPolicy();
		Map<String, Integer> weights = new LinkedHashMap<>(
				inherited != null ? inherited.weights() : policy.weightsByCode());
		if (request.weights() != null) {
			List<InvalidFieldsException.FieldProblem> problems = new ArrayList<>();
			request.weights().forEach((code, weight) -> {
				if (Criterion.ofCode(code).isEmpty()) {
					problems.add(new InvalidFieldsException.FieldProblem("weights." + code,
							"is not a criterion; known are goals, availability, timezone, country, preferences"));
				}
				else if (weight == null || weight < 0 || weight > 100) {
					problems.add(new InvalidFieldsException.FieldProblem("weights." + code, "must be between 0 and 100"));
				}
				else {
					weights.put(code, weight);
				}
			});
			if (!problems.isEmpty()) {
				throw new InvalidFieldsException(problems);
			}
		}
		boolean fairnessFirst = request.fairnessFirst() != null ? request.fairnessFirst()
				: inherited != null ? inherited.fairnessFirst() : terms.fairnessFirst();
		List<Pair> locked = request.lockedPairs() != null ? pairs(request.lockedPairs())
				: inherited != null ? inherited.lockedPairs() : List.of();
		List<Pair> excluded = request.excludedPairs() != null ? pairs(request.excludedPairs())
				: inherited != null ? inherited.excludedPairs() : List.of();
		return new Settings(weights, inherited != null ? inherited.crossBorder() : policy.crossBorder(),
				inherited != null ? inherited.sameOrganisationAllowed() : policy.sameOrganisationAllowed(), fairnessFirst,
				locked, excluded, inherited != null ? inherited.scoredAt() : now,
				inherited != null ? inherited.timeZone() : terms.zone().getId());
	}

	private static List<Pair> pairs(List<RunRequest.PairRequest> requested) {
		return requested.stream().map(p -> new Pair(p.mentorId(), p.menteeId())).toList();
	}

}
