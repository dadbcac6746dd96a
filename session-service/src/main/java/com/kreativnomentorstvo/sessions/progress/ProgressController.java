package com.kreativnomentorstvo.sessions.progress;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.sessions.progress.ProgressReport.PairProgress;
import com.kreativnomentorstvo.sessions.progress.ProgressReport.UnansweredMatch;
import com.kreativnomentorstvo.sessions.web.CsvCells;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * {@code /api/v1/programmes/{id}/progress}: the progress report as JSON, or as CSV (one row per
 * pair and per unanswered proposal) with {@code Accept: text/csv} or {@code /progress.csv}.
 */
@RestController
@RequestMapping("/api/v1/programmes/{programmeId}")
class ProgressController {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	// quotes only where a cell needs them, so the export stays readable
	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();

	private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader();

	private final ProgressReporter reporter;

	ProgressController(ProgressReporter reporter) {
		this.reporter = reporter;
	}

	@GetMapping(path = "/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	ProgressReport report(Caller caller, @PathVariable String programmeId,
			@RequestParam(required = false) @Min(1) @Max(365) Integer quietDays,
			@RequestParam(required = false) @Min(1) @Max(365) Integer unansweredMatchDays) {
		return reporter.report(caller, programmeId, quietDays, unansweredMatchDays);
	}

	@GetMapping(path = "/progress", produces = "text/csv")
	ResponseEntity<String> csv(Caller caller, @PathVariable String programmeId,
			@RequestParam(required = false) @Min(1) @Max(365) Integer quietDays,
			@RequestParam(required = false) @Min(1) @Max(365) Integer unansweredMatchDays) {
		return csvOf(reporter.report(caller, programmeId, quietDays, unansweredMatchDays));
	}

	@GetMapping("/progress.csv")
	ResponseEntity<String> csvFile(Caller caller, @PathVariable String programmeId,
			@RequestParam(required = false) @Min(1) @Max(365) Integer quietDays,
			@RequestParam(required = false) @Min(1) @Max(365) Integer unansweredMatchDays) {
		return csvOf(reporter.report(caller, programmeId, quietDays, unansweredMatchDays));
	}

	private static ResponseEntity<String> csvOf(ProgressReport report) {
		List<Row> rows = Stream.concat(report.pairs().stream().map(Row::of),
				report.unansweredMatches().stream().map(Row::of)).toList();
		String body = CSV.writer(SCHEMA).writeValueAsString(rows);
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("progress-" + report.programmeId() + ".csv")
				.build()
				.toString())
			.body(body);
	}

	/** One line of the CSV export. Every text cell is defused against spreadsheet formulas. */
	@JsonPropertyOrder({ "kind", "mentorshipId", "matchId", "mentorId", "mentorName", "menteeId", "menteeName",
			"status", "startedAt", "sessionsHeld", "noShows", "sessionsCancelled", "sessionsUpcoming", "hoursHeld",
			"lastContact", "nextSession", "goals", "goalsAchieved", "goalsProgressPercent", "feedbackAverage",
			"feedbackCount", "midtermReview", "finalReview", "atRisk" })
	record Row(String kind, String mentorshipId, String matchId, String mentorId, String mentorName, String menteeId,
			String menteeName, String status, String startedAt, Integer sessionsHeld, Integer noShows,
			Integer sessionsCancelled, Integer sessionsUpcoming, Double hoursHeld, String lastContact,
			String nextSession, Integer goals, Integer goalsAchieved, Integer goalsProgressPercent,
			Double feedbackAverage, Integer feedbackCount, String midtermReview, String finalReview, String atRisk) {

		static Row of(PairProgress p) {
			return new Row("PAIR", p.mentorshipId(), null, CsvCells.defused(p.mentorId()),
					CsvCells.defused(p.mentorName()), CsvCells.defused(p.menteeId()), CsvCells.defused(p.menteeName()),
					p.status().name(), text(p.startedAt()), p.sessionsHeld(), p.noShows(),
					p.sessionsCancelled(), p.sessionsUpcoming(), p.hoursHeld(), text(p.lastContact()),
					text(p.nextSession()), p.goals().total(), p.goals().achieved(), p.goals().averageProgress(),
					p.feedback().average(), p.feedback().count(), reviewed(p.midtermReview()),
					reviewed(p.finalReview()), String.join(";", p.risks().stream().map(Enum::name).sorted().toList()));
		}

		static Row of(UnansweredMatch m) {
			return new Row("UNANSWERED_MATCH", null, CsvCells.defused(m.matchId()), CsvCells.defused(m.mentorId()),
					CsvCells.defused(m.mentorName()), CsvCells.defused(m.menteeId()), CsvCells.defused(m.menteeName()),
					"PROPOSED", text(m.proposedAt()), null, null, null, null, null, null, null, null, null, null, null,
					null, null, null, "UNANSWERED_MATCH");
		}

		private static String reviewed(ProgressReport.Reviewed reviewed) {
			if (reviewed.complete()) {
				return "BOTH";
			}
			return reviewed.mentor() ? "MENTOR" : reviewed.mentee() ? "MENTEE" : "NONE";
		}

		private static String text(Object value) {
			return value == null ? null : value.toString();
		}

	}

}
