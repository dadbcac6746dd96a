package com.kreativnomentorstvo.web.programmes;

import java.util.ArrayList;
import java.util.Comparator;
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

import com.kreativnomentorstvo.web.api.Api;

/**
 * A programme's pairs and their progress: the totals, the pairs at risk first (each risk named),
 * sessions held and hours as bars with their numbers, the last contact and the next session, and
 * the whole report as CSV.
 */
@Controller
class ProgressController {

	private final Api api;

	ProgressController(Api api) {
		this.api = api;
	}

	@GetMapping("/programmes/{id}/progress")
	String progress(@PathVariable String id, Model model) {
		Map<String, Object> report = api.get("/api/v1/programmes/{id}/progress", id);
		List<Map<String, Object>> pairs = new ArrayList<>();
		if (report.get("pairs") instanceof List<?> listed) {
			listed.forEach(pair -> pairs.add(asMap(pair)));
		}
		pairs.sort(Comparator.comparing((Map<String, Object> pair) -> risks(pair) == 0).thenComparing(
				pair -> String.valueOf(pair.get("mentorName"))));
		double mostHours = pairs.stream().mapToDouble(pair -> number(pair.get("hoursHeld"))).max().orElse(0);
		model.addAttribute("report", report);
		model.addAttribute("pairs", pairs);
		model.addAttribute("mostHours", Math.max(mostHours, 1));
		model.addAttribute("programmeId", id);
		return "programmes/progress";
	}

	@GetMapping("/programmes/{id}/progress.csv")
	ResponseEntity<byte[]> csv(@PathVariable String id) {
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("progress-" + id + ".csv").build().toString())
			.body(api.bytes("/api/v1/programmes/{id}/progress.csv", id));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	private static int risks(Map<String, Object> pair) {
		return pair.get("risks") instanceof List<?> risks ? risks.size() : 0;
	}

	private static double number(Object value) {
		return value instanceof Number n ? n.doubleValue() : 0;
	}

}
