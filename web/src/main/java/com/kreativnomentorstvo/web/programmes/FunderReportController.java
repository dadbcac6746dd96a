package com.kreativnomentorstvo.web.programmes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.api.Attempt;

/**
 * The funder report of a programme, or of the programmes a coordinator's organisation ran in a
 * period: every count as a bar with its number beside it (a withheld count says so in words), the
 * shares as meters, and the CSV. Nothing on it names a person: the service counts without names.
 */
@Controller
class FunderReportController {

	private final Api api;

	FunderReportController(Api api) {
		this.api = api;
	}

	@GetMapping("/programmes/{id}/funder-report")
	String programme(@PathVariable String id, Model model) {
		show(api.get("/api/v1/programmes/{id}/funder-report", id), model);
		model.addAttribute("programmeId", id);
		return "programmes/funder-report";
	}

	@GetMapping("/programmes/{id}/funder-report.csv")
	ResponseEntity<byte[]> programmeCsv(@PathVariable String id) {
		return csv(api.bytes("/api/v1/programmes/{id}/funder-report.csv", id), "funder-report-" + id + ".csv");
	}

	@GetMapping("/funder-report")
	String period(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			Model model) {
		Attempt<Map<String, Object>> attempt = Attempt
			.of(() -> api.get("/api/v1/funder-report?from={from}&to={to}", from, to));
		model.addAttribute("form", Map.of("from", from, "to", to));
		if (attempt.refused()) {
			Map<String, String> errors = new LinkedHashMap<>(attempt.refusal().fields());
			if (errors.isEmpty()) {
				errors.put("to", attempt.refusal().detail());
			}
			model.addAttribute("errors", errors);
			return "programmes/funder-period";
		}
		show(attempt.value(), model);
		return "programmes/funder-period";
	}

	@GetMapping("/funder-report.csv")
	ResponseEntity<byte[]> periodCsv(@RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to) {
		return csv(api.bytes("/api/v1/funder-report.csv?from={from}&to={to}", from, to), "funder-report.csv");
	}

	private static void show(Map<String, Object> report, Model model) {
		model.addAttribute("report", report);
		model.addAttribute("people", most(report, "participants", "byCountry", "applicants"));
		model.addAttribute("pairs", most(report, "pairs", "byCountryPair", "pairs"));
	}

	/** The largest shown count of a breakdown's column, for the bars' scale (at least 1). */
	static int most(Map<String, Object> report, String section, String breakdown, String column) {
		int most = 1;
		if (report.get(section) instanceof Map<?, ?> part && part.get(breakdown) instanceof List<?> rows) {
			for (Object row : rows) {
				if (row instanceof Map<?, ?> cells && cells.get(column) instanceof Number n) {
					most = Math.max(most, n.intValue());
				}
			}
		}
		if (report.get(section) instanceof Map<?, ?> part && part.get("total") instanceof Map<?, ?> total
				&& total.get(column) instanceof Number n) {
			most = Math.max(most, n.intValue());
		}
		return most;
	}

	private static ResponseEntity<byte[]> csv(byte[] body, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

}
