package com.kreativnomentorstvo.web.matching;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kreativnomentorstvo.web.api.Api;

/**
 * A programme's matching: its runs, a new run, and one run's review before it is published: each
 * proposed pair with its score and the per-criterion explanation, each mentee left unmatched with
 * the reason, and publishing, which sends the proposals to the people.
 */
@Controller
class MatchingController {

	private final Api api;

	MatchingController(Api api) {
		this.api = api;
	}

	@GetMapping("/programmes/{id}/matching")
	String runs(@PathVariable String id, Model model) {
		model.addAttribute("programme", api.get("/api/v1/programmes/{id}", id));
		model.addAttribute("runs", api.page("/api/v1/programmes/{id}/matching-runs?size=20", id).items());
		return "matching/runs";
	}

	@PostMapping("/programmes/{id}/matching")
	String run(@PathVariable String id) {
		Map<String, Object> run = api.post("/api/v1/programmes/{id}/matching-runs", Map.of(), id);
		return "redirect:/programmes/" + id + "/matching/" + run.get("id");
	}

	@GetMapping("/programmes/{id}/matching/{run}")
	String review(@PathVariable String id, @PathVariable String run, Model model) {
		model.addAttribute("programme", api.get("/api/v1/programmes/{id}", id));
		model.addAttribute("run", api.get("/api/v1/programmes/{id}/matching-runs/{run}", id, run));
		model.addAttribute("names", names(id));
		return "matching/run";
	}

	@PostMapping("/programmes/{id}/matching/{run}/publish")
	String publish(@PathVariable String id, @PathVariable String run, RedirectAttributes redirect) {
		api.post("/api/v1/programmes/{id}/matching-runs/{run}/publish", Map.of(), id, run);
		redirect.addFlashAttribute("done", "matching.published");
		return "redirect:/programmes/" + id + "/matching/" + run;
	}

	/** The names of the programme's people by their enrolment, for the review (the run knows only ids). */
	private Map<String, Object> names(String programme) {
		Map<String, Object> names = new HashMap<>();
		int page = 0;
		boolean more = true;
		while (more && page < 20) {
			var found = api.page("/api/v1/participants?programmeId={id}&size=100&page={page}", programme, page);
			found.items().forEach(participant -> names.put(String.valueOf(participant.get("id")), participant.get("displayName")));
			more = found.hasNext();
			page++;
		}
		return names;
	}

}
