package com.kreativnomentorstvo.sessions.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.platform.security.Caller;

/**
 * A survey's results as a coordinator may read them: the requests and answers counted (all for the
 * programme's runners, a partner's stewarded share for its coordinators), per question the ratings'
 * count, average and distribution, the choices counted per option, and the written answers of the
 * participants the caller stewards.
 */
@Service
class SurveyResults {

	private final SurveyPlanning planning;

	private final SurveyRequests requests;

	private final SurveyAccess access;

	SurveyResults(SurveyPlanning planning, SurveyRequests requests, SurveyAccess access) {
		this.planning = planning;
		this.requests = requests;
		this.access = access;
	}

	record Results(String surveyId, String programmeId, int requested, int answered, List<QuestionResult> questions) {
	}

	/**
	 * @param answers how many counted answers the question has
	 * @param average the ratings' average (RATING)
	 * @param distribution how many gave each rating 1–5 (RATING)
	 * @param options each option and how many chose it (CHOICE)
	 * @param texts the written answers of the participants the caller stewards (TEXT)
	 */
	record QuestionResult(String questionId, Question.Kind kind, Map<String, String> text, int answers,
			Double average, Map<Integer, Integer> distribution, List<OptionCount> options, List<TextAnswer> texts) {
	}

	record OptionCount(String optionId, Map<String, String> text, int count) {
	}

	record TextAnswer(String participantId, String text, Instant answeredAt) {
	}

	Results of(Caller caller, String programmeId, String surveyId) {
		Predicate<String> counted = access.whoseAnswersCounted(caller, programmeId);
		Survey survey = planning.inProgramme(programmeId, surveyId);
		Predicate<String> readable = access.whoseTextsRead(caller);
		List<SurveyRequest> share = requests.findBySurveyId(surveyId)
			.stream()
			.filter(r -> counted.test(r.getParticipantId()))
			.toList();
		List<SurveyRequest> answered = share.stream()
			.filter(SurveyRequest::isAnswered)
			.sorted(Comparator.comparing(SurveyRequest::getAnsweredAt))
			.toList();
		List<QuestionResult> questions = new ArrayList<>();
		for (Question question : survey.getQuestions()) {
			List<Map.Entry<SurveyRequest, Answer>> given = new ArrayList<>();
			for (SurveyRequest request : answered) {
				request.getAnswers()
					.stream()
					.filter(a -> a.questionId().equals(question.id()))
					.findFirst()
					.ifPresent(a -> given.add(Map.entry(request, a)));
			}
			questions.add(switch (question.kind()) {
				case RATING -> {
					Map<Integer, Integer> distribution = new LinkedHashMap<>();
					for (int rating = 1; rating <= 5; rating++) {
						distribution.put(rating, 0);
					}
					given.forEach(g -> distribution.merge(g.getValue().rating(), 1, Integer::sum));
					Double average = given.isEmpty() ? null
							: Math.round(given.stream().mapToInt(g -> g.getValue().rating()).average().orElse(0) * 100)
									/ 100.0;
					yield new QuestionResult(question.id(), question.kind(), question.text(), given.size(), average,
							distribution, null, null);
				}
				case CHOICE -> {
					List<OptionCount> options = question.options()
						.stream()
						.map(o -> new OptionCount(o.id(), o.text(),
								(int) given.stream().filter(g -> o.id().equals(g.getValue().choice())).count()))
						.toList();
					yield new QuestionResult(question.id(), question.kind(), question.text(), given.size(), null, null,
							options, null);
				}
				case TEXT -> {
					List<TextAnswer> texts = given.stream()
						.filter(g -> readable.test(g.getKey().getParticipantId()))
						.map(g -> new TextAnswer(g.getKey().getParticipantId(), g.getValue().text(),
								g.getKey().getAnsweredAt()))
						.toList();
					yield new QuestionResult(question.id(), question.kind(), question.text(), given.size(), null, null,
							null, texts);
				}
			});
		}
		return new Results(surveyId, programmeId, share.size(), answered.size(), questions);
	}

}
