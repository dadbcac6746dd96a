package com.kreativnomentorstvo.sessions.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.sessions.survey.SurveyTallies.OptionTally;
import com.kreativnomentorstvo.sessions.survey.SurveyTallies.QuestionTally;

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
			Double average, Map<Integer, Integer> distribution, List<OptionTally> options, List<TextAnswer> texts) {
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
			QuestionTally tally = SurveyTallies.count(question, given.stream().map(Map.Entry::getValue).toList());
			List<TextAnswer> texts = question.kind() != Question.Kind.TEXT ? null
					: given.stream()
						.filter(g -> readable.test(g.getKey().getParticipantId()))
						.map(g -> new TextAnswer(g.getKey().getParticipantId(), g.getValue().text(),
								g.getKey().getAnsweredAt()))
						.toList();
			questions.add(new QuestionResult(question.id(), question.kind(), question.text(), tally.answers(),
					tally.average(), tally.distribution(), tally.options(), texts));
		}
		return new Results(surveyId, programmeId, share.size(), answered.size(), questions);
	}

}
