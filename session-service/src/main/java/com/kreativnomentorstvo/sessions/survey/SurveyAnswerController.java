package com.kreativnomentorstvo.sessions.survey;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.PageOf;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code GET /api/v1/participants/{id}/surveys} (her open and answered surveys, in her language),
 * {@code GET /api/v1/survey-requests/{requestId}} (one of them: the page her notice links to) and
 * {@code POST /api/v1/survey-requests/{requestId}/answers}: herself only.
 */
@RestController
@Validated
class SurveyAnswerController {

	private final SurveyAnswering answering;

	SurveyAnswerController(SurveyAnswering answering) {
		this.answering = answering;
	}

	/** Her answers to the survey's questions. */
	record Answers(List<Answer> answers) {
	}

	@GetMapping("/api/v1/participants/{participantId}/surveys")
	PageOf<RequestView> list(Caller caller, @PathVariable String participantId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageOf.slice(answering.of(caller, participantId).stream().map(RequestView::of).toList(), page, size);
	}

	@GetMapping("/api/v1/survey-requests/{requestId}")
	RequestView one(Caller caller, @PathVariable String requestId) {
		return RequestView.of(answering.one(caller, requestId));
	}

	@PostMapping("/api/v1/survey-requests/{requestId}/answers")
	@ResponseStatus(HttpStatus.CREATED)
	RequestView answer(Caller caller, @PathVariable String requestId, @RequestBody Answers body) {
		return RequestView.of(answering.answer(caller, requestId, body.answers()));
	}

	/** What she was asked, worded in {@code language}, and what she answered. */
	record RequestView(String id, String surveyId, String programmeId, Trigger trigger, String sessionId,
			Instant requestedAt, Instant dueBy, String status, Instant answeredAt, String language, String title,
			List<QuestionView> questions, List<Answer> answers) {

		static RequestView of(SurveyAnswering.Asked asked) {
			SurveyRequest request = asked.request();
			Survey survey = asked.survey();
			List<String> language = List.of(asked.language());
			return new RequestView(request.getId(), request.getSurveyId(), request.getProgrammeId(),
					request.getTrigger(), request.getSessionId(), request.getRequestedAt(), request.getDueBy(),
					request.isAnswered() ? "ANSWERED" : "OPEN", request.getAnsweredAt(), asked.language(),
					Survey.inLanguage(survey.getTitle(), language),
					survey.getQuestions()
						.stream()
						.map(q -> new QuestionView(q.id(), q.kind(), Survey.inLanguage(q.text(), language), q.required(),
								q.options()
									.stream()
									.map(o -> new OptionView(o.id(), Survey.inLanguage(o.text(), language)))
									.toList()))
						.toList(),
					request.isAnswered() ? request.getAnswers() : null);
		}

	}

	record QuestionView(String id, Question.Kind kind, String text, boolean required, List<OptionView> options) {
	}

	record OptionView(String id, String text) {
	}

}
