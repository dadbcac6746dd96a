package com.kreativnomentorstvo.sessions.survey;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Surveys asked of participants, with their answers. */
public interface SurveyRequests extends MongoRepository<SurveyRequest, String> {

	List<SurveyRequest> findByParticipantId(String participantId);

	List<SurveyRequest> findBySurveyId(String surveyId);

	List<SurveyRequest> findByProgrammeId(String programmeId);

	boolean existsBySurveyIdAndAnsweredAtNotNull(String surveyId);

	long deleteByParticipantId(String participantId);

}
