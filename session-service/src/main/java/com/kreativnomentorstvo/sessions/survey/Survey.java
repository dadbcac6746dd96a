package com.kreativnomentorstvo.sessions.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * A short survey a programme's runners define: its title per language, whom it asks (audience),
 * when (trigger) and 1–10 questions. It publishes nothing itself: the requests it makes do.
 */
@Document("surveys")
public class Survey extends AggregateRoot {

	@Id
	private String id;

	@Indexed
	private String programmeId;

	private String organisationId;

	private Map<String, String> title;

	private Audience audience;

	private Trigger trigger;

	private Integer closingDaysBefore;

	private List<Question> questions;

	private Instant createdAt;

	private Instant updatedAt;

	protected Survey() {
	}

	static Survey define(String programmeId, String organisationId, SurveyRules.Definition definition, Instant at) {
		Survey survey = new Survey();
		survey.id = Ids.next("svy");
		survey.programmeId = programmeId;
		survey.organisationId = organisationId;
		survey.createdAt = at;
		survey.revise(definition, at);
		return survey;
	}

	void revise(SurveyRules.Definition definition, Instant at) {
		title = definition.title();
		audience = definition.audience();
		trigger = definition.trigger();
		closingDaysBefore = definition.closingDaysBefore();
		questions = definition.questions();
		updatedAt = at;
	}

	/**
	 * The text in the first of the languages that the texts have, else in any of theirs.
	 */
	static String inLanguage(Map<String, String> texts, List<String> preferred) {
		for (String language : preferred) {
			if (language != null && texts.containsKey(language)) {
				return texts.get(language);
			}
		}
		return texts.values().stream().findFirst().orElse(null);
	}

	/** The language the survey speaks to a reader who prefers the languages given, in this order. */
	String languageFor(List<String> preferred) {
		for (String language : preferred) {
			if (language != null && title.containsKey(language)) {
				return language;
			}
		}
		return title.keySet().stream().findFirst().orElse("en");
	}

	Optional<Question> question(String questionId) {
		return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
	}

	public String getId() {
		return id;
	}

	public String getProgrammeId() {
		return programmeId;
	}

	public String getOrganisationId() {
		return organisationId;
	}

	public Map<String, String> getTitle() {
		return title;
	}

	public Audience getAudience() {
		return audience;
	}

	public Trigger getTrigger() {
		return trigger;
	}

	public Integer getClosingDaysBefore() {
		return closingDaysBefore;
	}

	public List<Question> getQuestions() {
		return questions;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

}
