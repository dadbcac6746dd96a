package com.kreativnomentorstvo.web.mentorships;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.api.Attempt;

/**
 * The midterm and final reviews of a mentorship (the page the "review due" notice opens): the
 * reviews written so far that the person may read, and the form: progress, challenges, next steps.
 */
@Controller
class ReviewsController {

	static final Set<String> KINDS = Set.of("MIDTERM", "FINAL");

	private final Api api;

	ReviewsController(Api api) {
		this.api = api;
	}

	@GetMapping("/mentorships/{id}/reviews")
	String reviews(@PathVariable String id, Model model) {
		model.addAttribute("mentorship", api.get("/api/v1/mentorships/{id}", id));
		model.addAttribute("reviews", api.list("/api/v1/mentorships/{id}/reviews", id));
		return "mentorships/reviews";
	}

	@PostMapping("/mentorships/{id}/reviews")
	String write(@PathVariable String id, @RequestParam(defaultValue = "MIDTERM") String kind,
			@RequestParam(defaultValue = "") String progress, @RequestParam(defaultValue = "") String challenges,
			@RequestParam(defaultValue = "") String nextSteps, Model model, RedirectAttributes redirect) {
		Map<String, Object> review = new LinkedHashMap<>();
		review.put("kind", KINDS.contains(kind) ? kind : "MIDTERM");
		review.put("progress", progress.trim());
		review.put("challenges", challenges.trim());
		review.put("nextSteps", nextSteps.trim());
		Attempt<?> attempt = Attempt.of(() -> api.post("/api/v1/mentorships/{id}/reviews", review, id));
		if (attempt.refused()) {
			model.addAttribute("problem", attempt.refusal());
			model.addAttribute("draft", review);
			return reviews(id, model);
		}
		redirect.addFlashAttribute("done", "review.saved");
		return "redirect:/mentorships/" + id + "/reviews";
	}

}
