package com.kreativnomentorstvo.matching.run;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Every matching run of every programme. */
public interface MatchingRuns extends MongoRepository<MatchingRun, String> {
}
