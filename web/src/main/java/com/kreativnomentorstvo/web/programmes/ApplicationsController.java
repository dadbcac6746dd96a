package com.kreativnomentorstvo.web.programmes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.api.Page;
import com.kreativnomentorstvo.web.api.ApiProblem;

/**
 * A programme's application queue: every confirmed application with its answers, to admit or to turn
 * down one or many at once (a reason is required to turn down, and is sent to the applicant). Each
 * decision is the participant service's own; one it refuses does not stop the others, and the page
 * says which.
 */
@Controller
class ApplicationsController {

	private final Api api;

	ApplicationsController(Api api) {
		this.api = api;
	}

	@GetMapping("/programmes/{id}/applications")
	String queue(@PathVariable String id, Model model) {
		Api.Both<Map<String, Object>, Page> both = api.both(() -> api.get("/api/v1/programmes/{id}", id),
				() -> api.page("/api/v1/participants?programmeId={id}&status=APPLIED&size=100", id));
		model.addAttribute("programme", both.first());
		model.addAttribute("applications", both.second().items());
		return "programmes/applications";
	}

	@PostMapping("/programmes/{id}/applications")
	String decide(@PathVariable String id, @RequestParam(name = "applicant", required = false) List<String> applicants,
			@RequestParam String decision, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		if (applicants == null || applicants.isEmpty()) {
			redirect.addFlashAttribute("refusal", "applications.noneChosen");
			return "redirect:/programmes/" + id + "/applications";
		}
		boolean admit = "accept".equals(decision);
		if (!admit && reason.isBlank()) {
			redirect.addFlashAttribute("refusal", "applications.reasonMissing");
			return "redirect:/programmes/" + id + "/applications";
		}
		List<String> refused = new ArrayList<>();
		for (String applicant : applicants) {
			try {
				if (admit) {
					api.post("/api/v1/participants/{applicant}/accept", Map.of(), applicant);
				}
				else {
					api.post("/api/v1/participants/{applicant}/reject", Map.of("reason", reason.trim()), applicant);
				}
			}
			catch (ApiProblem notThisOne) {
				if (notThisOne.isUnavailable()) {
					throw notThisOne;
				}
				refused.add(applicant + ": " + (notThisOne.detail() != null ? notThisOne.detail() : notThisOne.title()));
			}
		}
		redirect.addFlashAttribute("decided", applicants.size() - refused.size());
		redirect.addFlashAttribute("done", admit ? "applications.admitted" : "applications.turnedDown");
		redirect.addFlashAttribute("refused", refused);
		return "redirect:/programmes/" + id + "/applications";
	}

}
