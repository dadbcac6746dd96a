package com.kreativnomentorstvo.sessions.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.LimitReached;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.config.SessionProperties;

/** A programme's runners define, revise and remove its surveys; its coordinators read them. */
@Service
class SurveyPlanning {

	private final Surveys surveys;

	private final SurveyRequests requests;

	private final SurveyAccess access;

	private final SurveyRules rules;

	private final SessionProperties.Surveys settings;

	private final Clock clock;

	SurveyPlanning(Surveys surveys, SurveyRequests requests, SurveyAccess access, SessionProperties properties,
			Clock clock) {
		this.surveys = surveys;
		this.requests = requests;
		this.access = access;
		this.settings = properties.surveys();
		this.rules = new SurveyRules(settings);
		this.clock = clock;
	}

	Survey define(Caller caller, String programmeId, SurveyRules.Draft draft) {
		Programme programme = access.runBy(caller, programmeId);
		SurveyRules.Definition definition = rules.define(draft, List.of(), false);
		if (surveys.countByProgrammeId(programmeId) >= settings.perProgramme()) {
			throw new LimitReached("surveys", settings.perProgramme(),
					ProblemText.of("survey.programme-full", settings.perProgramme()));
		}
		return surveys.insert(Survey.define(programmeId, programme.organiserId(), definition, now()));
	}

	Survey revise(Caller caller, String programmeId, String surveyId, SurveyRules.Draft draft) {
		access.runBy(caller, programmeId);
		Survey survey = inProgramme(programmeId, surveyId);
		boolean answered = requests.existsBySurveyIdAndAnsweredAtNotNull(surveyId);
		survey.revise(rules.define(draft, survey.getQuestions(), answered), now());
		return surveys.save(survey);
	}

	void remove(Caller caller, String programmeId, String surveyId) {
		access.runBy(caller, programmeId);
		Survey survey = inProgramme(programmeId, surveyId);
		if (requests.existsBySurveyIdAndAnsweredAtNotNull(surveyId)) {
			throw new ConflictException("survey-answered", ProblemText.of("survey.answered-delete", surveyId));
		}
		surveys.delete(survey);
	}

	List<Survey> list(Caller caller, String programmeId) {
		access.readBy(caller, programmeId);
		return surveys.findByProgrammeIdOrderByCreatedAt(programmeId);
	}

	Survey one(Caller caller, String programmeId, String surveyId) {
		access.readBy(caller, programmeId);
		return inProgramme(programmeId, surveyId);
	}

	Survey inProgramme(String programmeId, String surveyId) {
		return surveys.findById(surveyId)
			.filter(s -> s.getProgrammeId().equals(programmeId))
			.orElseThrow(() -> new ResourceNotFoundException("survey", surveyId));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
