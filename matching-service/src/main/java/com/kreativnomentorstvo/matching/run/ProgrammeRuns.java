package com.kreativnomentorstvo.matching.run;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/** A programme's runs, for those who run its matching. */
@Service
class ProgrammeRuns {

	private final MatchingRuns runs;

	private final ProgrammeAccess access;

	private final MongoOperations mongo;

	ProgrammeRuns(MatchingRuns runs, ProgrammeAccess access, MongoOperations mongo) {
		this.runs = runs;
		this.access = access;
		this.mongo = mongo;
	}

	/** @throws ResourceNotFoundException unless the run is one of the programme's */
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

}
