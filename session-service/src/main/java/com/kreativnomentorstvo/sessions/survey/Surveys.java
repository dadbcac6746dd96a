package com.kreativnomentorstvo.sessions.survey;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The programmes' surveys. */
interface Surveys extends MongoRepository<Survey, String> {

	List<Survey> findByProgrammeIdOrderByCreatedAt(String programmeId);

	List<Survey> findByProgrammeIdAndTrigger(String programmeId, Trigger trigger);

	long countByProgrammeId(String programmeId);

}
