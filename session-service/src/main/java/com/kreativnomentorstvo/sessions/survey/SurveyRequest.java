package com.kreativnomentorstvo.sessions.survey;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.SurveyAnswered;
import com.kreativnomentorstvo.events.sessions.SurveyRequested;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * A survey asked of one participant, once its trigger happened for her, and her answers. Its id is
 * derived from survey and participant (and the session, for a survey after every session), so a
 * trigger seen twice asks her once. Answers are given once; they are personal data, exported with
 * her data and deleted with her.
 */
@Document("survey_requests")
public class SurveyRequest extends AggregateRoot {

	@Id
	private String id;

	@Indexed
	private String surveyId;

	@Indexed
	private String programmeId;

	private String organisationId;

	@Indexed
	private String participantId;

	private Role role;

	private Trigger trigger;

	private String sessionId;

	private Instant requestedAt;

	private Instant dueBy;

	private List<Answer> answers;

	private Instant answeredAt;

	protected SurveyRequest() {
	}

	static SurveyRequest ask(Survey survey, String participantId, Role role, String sessionId, Instant at,
			Instant dueBy) {
		SurveyRequest request = new SurveyRequest();
		request.id = idFor(survey.getId(), participantId, sessionId);
		request.surveyId = survey.getId();
		request.programmeId = survey.getProgrammeId();
		request.organisationId = survey.getOrganisationId();
		request.participantId = participantId;
		request.role = role;
		request.trigger = survey.getTrigger();
		request.sessionId = sessionId;
		request.requestedAt = at;
		request.dueBy = dueBy;
		request.record(new SurveyRequested(request.id, request.surveyId, request.programmeId, request.organisationId,
				participantId, request.trigger.name(), dueBy, at));
		return request;
	}

	/** The one id the request of a survey to a participant (after a session) can have. */
	static String idFor(String surveyId, String participantId, String sessionId) {
		return sessionId == null ? Ids.derived("srq", surveyId, participantId)
				: Ids.derived("srq", surveyId, participantId, sessionId);
	}

	/** Keeps her answers, checked against the survey already; a second submission is refused (409). */
	void answer(List<Answer> checked, Instant at) {
		if (answeredAt != null) {
			throw new ConflictException("survey-already-answered", ProblemText.of("survey.already-answered", id));
		}
		answers = List.copyOf(checked);
		answeredAt = at;
		record(new SurveyAnswered(id, surveyId, programmeId, organisationId, participantId, at));
	}

	public boolean isAnswered() {
		return answeredAt != null;
	}

	public String getId() {
		return id;
	}

	public String getSurveyId() {
		return surveyId;
	}

	public String getProgrammeId() {
		return programmeId;
	}

	public String getOrganisationId() {
		return organisationId;
	}

	public String getParticipantId() {
		return participantId;
	}

	public Role getRole() {
		return role;
	}

	public Trigger getTrigger() {
		return trigger;
	}

	public String getSessionId() {
		return sessionId;
	}

	public Instant getRequestedAt() {
		return requestedAt;
	}

	public Instant getDueBy() {
		return dueBy;
	}

	public List<Answer> getAnswers() {
		return answers == null ? List.of() : answers;
	}

	public Instant getAnsweredAt() {
		return answeredAt;
	}

}
