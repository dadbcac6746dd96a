package com.kreativnomentorstvo.sessions.survey;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.programmes.ProgrammeStatuses;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.projection.Directory;

/**
 * A participant's surveys: what she was asked, in her language, and her answers, given once. Only
 * she sees or answers them; for anyone else they do not exist (404). A closing survey is answered
 * after the programme's end, so answers are taken while it is CLOSED too, and refused (409 naming
 * {@code status}) once it is ARCHIVED and read-only.
 */
@Service
class SurveyAnswering {

	private final SurveyRequests requests;

	private final Surveys surveys;

	private final Directory directory;

	private final ProgrammeDirectory programmes;

	private final ProgrammeStatuses statuses;

	private final SurveyRules rules;

	private final Clock clock;

	SurveyAnswering(SurveyRequests requests, Surveys surveys, Directory directory, ProgrammeDirectory programmes,
			ProgrammeStatuses statuses, SessionProperties properties, Clock clock) {
		this.requests = requests;
		this.surveys = surveys;
		this.directory = directory;
		this.programmes = programmes;
		this.statuses = statuses;
		this.rules = new SurveyRules(properties.surveys());
		this.clock = clock;
	}

	/** A request with its survey, worded in the language she reads. */
	record Asked(SurveyRequest request, Survey survey, String language) {
	}

	List<Asked> of(Caller caller, String participantId) {
		if (!caller.is(participantId)) {
			throw new ResourceNotFoundException("participant", participantId);
		}
		List<Asked> asked = new ArrayList<>();
		for (SurveyRequest request : requests.findByParticipantId(participantId)) {
			surveys.findById(request.getSurveyId()).ifPresent(survey -> asked.add(worded(request, survey)));
		}
		asked.sort(Comparator.comparing((Asked a) -> a.request().getRequestedAt()).reversed());
		return asked;
	}

	/** One of her requests, worded for her; 404 for anyone else, as for an unknown request. */
	Asked one(Caller caller, String requestId) {
		SurveyRequest request = hers(caller, requestId);
		return worded(request, surveyOf(request));
	}

	Asked answer(Caller caller, String requestId, List<Answer> answers) {
		SurveyRequest request = hers(caller, requestId);
		Survey survey = surveyOf(request);
		statuses.requireChangeable(request.getProgrammeId());
		if (request.isAnswered()) {
			throw new ConflictException("survey-already-answered", ProblemText.of("survey.already-answered", requestId));
		}
		List<Answer> checked = rules.answers(survey.getQuestions(), answers);
		request.answer(checked, clock.instant().truncatedTo(ChronoUnit.MILLIS));
		return worded(requests.save(request), survey);
	}

	private SurveyRequest hers(Caller caller, String requestId) {
		return requests.findById(requestId)
			.filter(r -> caller.is(r.getParticipantId()))
			.orElseThrow(() -> new ResourceNotFoundException("survey-request", requestId));
	}

	private Survey surveyOf(SurveyRequest request) {
		return surveys.findById(request.getSurveyId())
			.orElseThrow(() -> new ResourceNotFoundException("survey-request", request.getId()));
	}

	/** Her preferred language, else the programme's first, else English (else the survey's first). */
	private Asked worded(SurveyRequest request, Survey survey) {
		List<String> preferred = new ArrayList<>();
		directory.languageOf(request.getParticipantId()).ifPresent(preferred::add);
		programmes.find(request.getProgrammeId())
			.map(p -> p.languages())
			.filter(l -> !l.isEmpty())
			.ifPresent(l -> preferred.add(l.get(0)));
		preferred.add("en");
		return new Asked(request, survey, survey.languageFor(preferred));
	}

}
