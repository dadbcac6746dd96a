package com.kreativnomentorstvo.sessions.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a funder may receive about one programme or the programmes of a period: counts only, no name
 * and no address of any person. A count of fewer than {@code smallestCountShown} people is withheld
 * (shown as {@code null}), and so is a second one where the first could be worked out from its total.
 *
 * @param scope the programmes counted and the period, if one was asked for
 * @param smallestCountShown counts below it (other than zero) are withheld
 * @param withheld how many counts of this report are withheld
 */
record FunderReport(Scope scope, Instant generatedAt, int smallestCountShown, int withheld, People participants,
		Pairs pairs, Sessions sessions, Trainings trainings, Reviews reviews, List<SurveyFigures> surveys) {

	/** @param from the first day of the period, none for the programmes' whole cycles */
	record Scope(List<ProgrammeRef> programmes, LocalDate from, LocalDate to) {
	}

	record ProgrammeRef(String id, String name) {
	}

	/**
	 * People in the programmes: everyone enrolled (applicants, and people enrolled by invitation),
	 * those admitted (also if they withdrew later), those in a pair, and those whose pair completed the
	 * programme.
	 */
	record People(Funnel total, List<Group> byRole, List<Group> byCountry, List<Group> byOrganisation,
			List<Group> byOrganisationKind) {
	}

	@JsonInclude(Include.ALWAYS)
	record Funnel(Integer applicants, Integer admitted, Integer matched, Integer completed) {
	}

	/**
	 * One group of a breakdown.
	 * @param group the role, country code, organisation id or organisation kind; {@code unknown} where none is known
	 * @param name the organisation's name (organisations only)
	 */
	@JsonInclude(Include.ALWAYS)
	record Group(String group, @JsonInclude(Include.NON_NULL) String name, Integer applicants, Integer admitted,
			Integer matched, Integer completed) {
	}

	/**
	 * @param crossBorder pairs whose mentor and mentee live in different countries
	 * @param crossBorderShare their share of all pairs, 0 to 1
	 */
	@JsonInclude(Include.ALWAYS)
	record Pairs(Integer total, Integer crossBorder, Double crossBorderShare, List<CountryPair> byCountryPair) {
	}

	@JsonInclude(Include.ALWAYS)
	record CountryPair(String mentorCountry, String menteeCountry, Integer pairs) {
	}

	/**
	 * Sessions held by the pairs (in the period, where one was asked for); withheld together when
	 * fewer than the smallest count of pairs met.
	 * @param pairsMeeting pairs with at least one session held
	 */
	@JsonInclude(Include.ALWAYS)
	record Sessions(Integer pairsMeeting, Integer held, Double hours, Integer noShows, Integer cancelled) {
	}

	/**
	 * The programmes' group events (kick-off, trainings, closing) not cancelled, and the attendance
	 * coordinators recorded at them.
	 */
	@JsonInclude(Include.ALWAYS)
	record Trainings(int events, Integer attendanceRecorded, Integer present, Double attendanceShare) {
	}

	record Reviews(Completion midterm, @JsonProperty("final") Completion finalReview) {
	}

	/**
	 * A survey's requests and answers (asked in the period, where one was asked for) and its rating and
	 * choice questions counted; never what anyone wrote. A question answered by fewer than the smallest
	 * count shows none of its figures (only {@code answers}, withheld).
	 *
	 * @param title its title in the programme's first language (else English, else its first)
	 * @param titles its title by language
	 * @param answeredShare the share of requests answered
	 */
	@JsonInclude(Include.ALWAYS)
	record SurveyFigures(String programmeId, String surveyId, String title, Map<String, String> titles, String trigger,
			Integer requested, Integer answered, Double answeredShare, List<QuestionFigures> questions) {
	}

	/**
	 * @param average the ratings' average (RATING; absent when its answers are withheld)
	 * @param distribution how many gave each rating 1–5 (RATING; absent when its answers are withheld)
	 * @param options how many chose each option (CHOICE; absent when its answers are withheld)
	 */
	@JsonInclude(Include.ALWAYS)
	record QuestionFigures(String questionId, String kind, String text, Map<String, String> texts, Integer answers,
			@JsonInclude(Include.NON_NULL) Double average,
			@JsonInclude(value = Include.NON_NULL, content = Include.ALWAYS) Map<Integer, Integer> distribution,
			@JsonInclude(Include.NON_NULL) List<OptionFigures> options) {
	}

	@JsonInclude(Include.ALWAYS)
	record OptionFigures(String optionId, String text, Map<String, String> texts, Integer count) {
	}

	/** @param complete pairs whose mentor and mentee both submitted the review */
	@JsonInclude(Include.ALWAYS)
	record Completion(Integer pairs, Integer complete, Double share) {
	}

}
