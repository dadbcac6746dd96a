package com.kreativnomentorstvo.sessions.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.sessions.report.FunderReport.Completion;
import com.kreativnomentorstvo.sessions.report.FunderReport.Group;
import com.kreativnomentorstvo.sessions.web.CsvCells;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The funder report: {@code /api/v1/programmes/{id}/funder-report} for one programme and
 * {@code /api/v1/funder-report?from&to} for the programmes of a period, as JSON, or as CSV (one row
 * per figure: section, group, measure, value, with {@code <5} where a count is withheld) with
 * {@code Accept: text/csv} or the {@code .csv} address.
 */
@RestController
class FunderReportController {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();

	private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader();

	private final FunderReporter reporter;

	FunderReportController(FunderReporter reporter) {
		this.reporter = reporter;
	}

	@GetMapping(path = "/api/v1/programmes/{programmeId}/funder-report", produces = MediaType.APPLICATION_JSON_VALUE)
	FunderReport programme(Caller caller, @PathVariable String programmeId) {
		return reporter.programme(caller, programmeId);
	}

	@GetMapping(path = { "/api/v1/programmes/{programmeId}/funder-report",
			"/api/v1/programmes/{programmeId}/funder-report.csv" }, produces = "text/csv")
	ResponseEntity<String> programmeCsv(Caller caller, @PathVariable String programmeId) {
		return csvOf(reporter.programme(caller, programmeId), "funder-report-" + programmeId + ".csv");
	}

	@GetMapping(path = "/api/v1/funder-report", produces = MediaType.APPLICATION_JSON_VALUE)
	FunderReport period(Caller caller,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return reporter.period(caller, from, to);
	}

	@GetMapping(path = { "/api/v1/funder-report", "/api/v1/funder-report.csv" }, produces = "text/csv")
	ResponseEntity<String> periodCsv(Caller caller,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return csvOf(reporter.period(caller, from, to), "funder-report"
				+ (from == null ? "" : "-from-" + from) + (to == null ? "" : "-to-" + to) + ".csv");
	}

	private static ResponseEntity<String> csvOf(FunderReport report, String filename) {
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(CSV.writer(SCHEMA).writeValueAsString(rows(report)));
	}

	/** Every figure of the report, one row each. */
	static List<Row> rows(FunderReport report) {
		List<Row> rows = new ArrayList<>();
		report.scope().programmes().forEach(p -> rows.add(new Row("scope", p.id(), "programme", CsvCells.defused(p.name()))));
		if (report.scope().from() != null) {
			rows.add(new Row("scope", "", "from", report.scope().from().toString()));
		}
		if (report.scope().to() != null) {
			rows.add(new Row("scope", "", "to", report.scope().to().toString()));
		}
		FunderReport.Funnel total = report.participants().total();
		funnel(rows, "participants", "total", total.applicants(), total.admitted(), total.matched(), total.completed());
		groups(rows, "participants-by-role", report.participants().byRole());
		groups(rows, "participants-by-country", report.participants().byCountry());
		groups(rows, "participants-by-organisation", report.participants().byOrganisation());
		groups(rows, "participants-by-organisation-kind", report.participants().byOrganisationKind());
		FunderReport.Pairs pairs = report.pairs();
		rows.add(new Row("pairs", "total", "pairs", count(pairs.total())));
		rows.add(new Row("pairs", "total", "cross-border", count(pairs.crossBorder())));
		rows.add(new Row("pairs", "total", "cross-border-share", number(pairs.crossBorderShare())));
		pairs.byCountryPair()
			.forEach(p -> rows.add(new Row("pairs-by-country-pair", p.mentorCountry() + "-" + p.menteeCountry(),
					"pairs", count(p.pairs()))));
		FunderReport.Sessions sessions = report.sessions();
		rows.add(new Row("sessions", "total", "pairs-meeting", count(sessions.pairsMeeting())));
		rows.add(new Row("sessions", "total", "held", count(sessions.held())));
		rows.add(new Row("sessions", "total", "hours", number(sessions.hours())));
		rows.add(new Row("sessions", "total", "no-shows", count(sessions.noShows())));
		rows.add(new Row("sessions", "total", "cancelled", count(sessions.cancelled())));
		FunderReport.Trainings trainings = report.trainings();
		rows.add(new Row("trainings", "total", "events", String.valueOf(trainings.events())));
		rows.add(new Row("trainings", "total", "attendance-recorded", count(trainings.attendanceRecorded())));
		rows.add(new Row("trainings", "total", "present", count(trainings.present())));
		rows.add(new Row("trainings", "total", "attendance-share", number(trainings.attendanceShare())));
		completion(rows, "midterm", report.reviews().midterm());
		completion(rows, "final", report.reviews().finalReview());
		for (FunderReport.SurveyFigures survey : report.surveys()) {
			String group = CsvCells.defused(survey.surveyId() + " " + survey.title());
			rows.add(new Row("survey", group, "requested", count(survey.requested())));
			rows.add(new Row("survey", group, "answered", count(survey.answered())));
			rows.add(new Row("survey", group, "answered-share", number(survey.answeredShare())));
			for (FunderReport.QuestionFigures question : survey.questions()) {
				String asked = CsvCells.defused(survey.surveyId() + "/" + question.questionId() + " " + question.text());
				rows.add(new Row("survey-question", asked, "answers", count(question.answers())));
				rows.add(new Row("survey-question", asked, "average", number(question.average())));
				if (question.distribution() != null) {
					question.distribution()
						.forEach((rating, n) -> rows.add(new Row("survey-question", asked, "rating-" + rating, count(n))));
				}
				if (question.options() != null) {
					question.options()
						.forEach(o -> rows.add(new Row("survey-question", asked,
								CsvCells.defused("option " + o.optionId() + " " + o.text()), count(o.count()))));
				}
			}
		}
		return rows;
	}

	private static void groups(List<Row> rows, String section, List<Group> groups) {
		groups.forEach(g -> funnel(rows, section, CsvCells.defused(g.name() == null ? g.group() : g.group() + " " + g.name()),
				g.applicants(), g.admitted(), g.matched(), g.completed()));
	}

	private static void funnel(List<Row> rows, String section, String group, Integer applicants, Integer admitted,
			Integer matched, Integer completed) {
		rows.add(new Row(section, group, "applicants", count(applicants)));
		rows.add(new Row(section, group, "admitted", count(admitted)));
		rows.add(new Row(section, group, "matched", count(matched)));
		rows.add(new Row(section, group, "completed", count(completed)));
	}

	private static void completion(List<Row> rows, String kind, Completion completion) {
		rows.add(new Row("reviews-" + kind, "total", "pairs", count(completion.pairs())));
		rows.add(new Row("reviews-" + kind, "total", "complete", count(completion.complete())));
		rows.add(new Row("reviews-" + kind, "total", "share", number(completion.share())));
	}

	/** A count, or the sign that it is withheld. */
	private static String count(Integer value) {
		return value == null ? "<" + SmallCounts.THRESHOLD : value.toString();
	}

	private static String number(Double value) {
		return value == null ? "" : value.toString();
	}

	@JsonPropertyOrder({ "section", "group", "measure", "value" })
	record Row(String section, String group, String measure, String value) {
	}

}
