package com.kreativnomentorstvo.sessions.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

/**
 * A programme's surveys counted without anything a person wrote: per survey the requests and
 * answers, per rating question the count, average and distribution, per choice question how many
 * chose each option. What the coordinators' results and the funder report count from.
 */
@Service
public class SurveyTallies {

	private final Surveys surveys;

	private final SurveyRequests requests;

	SurveyTallies(Surveys surveys, SurveyRequests requests) {
		this.surveys = surveys;
		this.requests = requests;
	}

	/** @param title the survey's title by language tag */
	public record Tally(String surveyId, Map<String, String> title, Trigger trigger, int requested, int answered,
			List<QuestionTally> questions) {
	}

	/**
	 * @param answers how many answers the question has
	 * @param average the ratings' average, two decimals (RATING; none without answers)
	 * @param distribution how many gave each rating 1–5 (RATING)
	 * @param options each option and how many chose it (CHOICE)
	 */
	public record QuestionTally(String questionId, Question.Kind kind, Map<String, String> text, int answers,
			Double average, Map<Integer, Integer> distribution, List<OptionTally> options) {
	}

	public record OptionTally(String optionId, Map<String, String> text, int count) {
	}

	/** Every survey of the programme, counting the requests {@code counted} lets through. */
	public List<Tally> ofProgramme(String programmeId, Predicate<SurveyRequest> counted) {
		List<SurveyRequest> all = requests.findByProgrammeId(programmeId).stream().filter(counted).toList();
		return surveys.findByProgrammeIdOrderByCreatedAt(programmeId).stream().map(survey -> {
			List<SurveyRequest> asked = all.stream().filter(r -> r.getSurveyId().equals(survey.getId())).toList();
			List<SurveyRequest> answered = asked.stream().filter(SurveyRequest::isAnswered).toList();
			return new Tally(survey.getId(), survey.getTitle(), survey.getTrigger(), asked.size(), answered.size(),
					survey.getQuestions()
						.stream()
						.filter(q -> q.kind() != Question.Kind.TEXT)
						.map(q -> count(q, answersTo(q, answered)))
						.toList());
		}).toList();
	}

	static List<Answer> answersTo(Question question, List<SurveyRequest> answered) {
		return answered.stream()
			.flatMap(r -> r.getAnswers().stream().filter(a -> a.questionId().equals(question.id())).limit(1))
			.toList();
	}

	/** One question's answers counted; a text question only by how many answered it. */
	static QuestionTally count(Question question, List<Answer> given) {
		return switch (question.kind()) {
			case RATING -> {
				Map<Integer, Integer> distribution = new LinkedHashMap<>();
				for (int rating = 1; rating <= 5; rating++) {
					distribution.put(rating, 0);
				}
				given.forEach(a -> distribution.merge(a.rating(), 1, Integer::sum));
				Double average = given.isEmpty() ? null
						: Math.round(given.stream().mapToInt(Answer::rating).average().orElse(0) * 100) / 100.0;
				yield new QuestionTally(question.id(), question.kind(), question.text(), given.size(), average,
						distribution, null);
			}
			case CHOICE -> new QuestionTally(question.id(), question.kind(), question.text(), given.size(), null, null,
					question.options()
						.stream()
						.map(o -> new OptionTally(o.id(), o.text(),
								(int) given.stream().filter(a -> o.id().equals(a.choice())).count()))
						.toList());
			case TEXT -> new QuestionTally(question.id(), question.kind(), question.text(), given.size(), null, null,
					null);
		};
	}

}
