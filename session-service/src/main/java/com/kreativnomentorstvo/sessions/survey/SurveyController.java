package com.kreativnomentorstvo.sessions.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.platform.security.Caller;

/**
 * {@code /api/v1/programmes/{id}/surveys}: the programme's runners define its surveys (partners'
 * coordinators and participants 403, anyone else 404); its coordinators read them and their results.
 */
@RestController
@RequestMapping("/api/v1/programmes/{programmeId}/surveys")
class SurveyController {

	private final SurveyPlanning planning;

	private final SurveyResults results;

	SurveyController(SurveyPlanning planning, SurveyResults results) {
		this.planning = planning;
		this.results = results;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SurveyView define(Caller caller, @PathVariable String programmeId, @RequestBody SurveyRules.Draft draft) {
		return SurveyView.of(planning.define(caller, programmeId, draft));
	}

	@GetMapping
	List<SurveyView> list(Caller caller, @PathVariable String programmeId) {
		return planning.list(caller, programmeId).stream().map(SurveyView::of).toList();
	}

	@GetMapping("/{surveyId}")
	SurveyView one(Caller caller, @PathVariable String programmeId, @PathVariable String surveyId) {
		return SurveyView.of(planning.one(caller, programmeId, surveyId));
	}

	/** Replaces the definition; questions and options given with their {@code id} keep it. */
	@PutMapping("/{surveyId}")
	SurveyView revise(Caller caller, @PathVariable String programmeId, @PathVariable String surveyId,
			@RequestBody SurveyRules.Draft draft) {
		return SurveyView.of(planning.revise(caller, programmeId, surveyId, draft));
	}

	@DeleteMapping("/{surveyId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(Caller caller, @PathVariable String programmeId, @PathVariable String surveyId) {
		planning.remove(caller, programmeId, surveyId);
	}

	@GetMapping("/{surveyId}/results")
	SurveyResults.Results results(Caller caller, @PathVariable String programmeId, @PathVariable String surveyId) {
		return results.of(caller, programmeId, surveyId);
	}

	/** A survey as its coordinators see it, every language. */
	record SurveyView(String id, String programmeId, Map<String, String> title, Audience audience, Trigger trigger,
			Integer closingDaysBefore, List<Question> questions, Instant createdAt, Instant updatedAt, Long version) {

		static SurveyView of(Survey survey) {
			return new SurveyView(survey.getId(), survey.getProgrammeId(), survey.getTitle(), survey.getAudience(),
					survey.getTrigger(), survey.getClosingDaysBefore(), survey.getQuestions(), survey.getCreatedAt(),
					survey.getUpdatedAt(), survey.getVersion());
		}

	}

}
