package com.kreativnomentorstvo.web.sessions;

import java.util.LinkedHashMap;
import java.util.Map;

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
 * Feedback on a session, the page the feedback request opens: a rating from 1 to 5 (radio buttons,
 * each with its words) and a comment; the feedback given so far that the person may read.
 */
@Controller
class FeedbackController {

	private final Api api;

	FeedbackController(Api api) {
		this.api = api;
	}

	@GetMapping("/sessions/{id}/feedback")
	String feedback(@PathVariable String id, Model model) {
		model.addAttribute("meeting", api.get("/api/v1/sessions/{id}", id));
		model.addAttribute("given", api.list("/api/v1/sessions/{id}/feedback", id));
		return "sessions/feedback";
	}

	@PostMapping("/sessions/{id}/feedback")
	String answer(@PathVariable String id, @RequestParam(required = false) String rating,
			@RequestParam(defaultValue = "") String comment, Model model, RedirectAttributes redirect) {
		Map<String, Object> request = new LinkedHashMap<>();
		if (rating != null && rating.matches("[1-5]")) {
			request.put("rating", Integer.parseInt(rating));
		}
		if (!comment.isBlank()) {
			request.put("comment", comment.trim());
		}
		Attempt<?> attempt = Attempt.of(() -> api.post("/api/v1/sessions/{id}/feedback", request, id));
		if (attempt.refused()) {
			model.addAttribute("problem", attempt.refusal());
			model.addAttribute("comment", comment);
			return feedback(id, model);
		}
		redirect.addFlashAttribute("done", "feedback.thanks");
		return "redirect:/sessions/" + id + "/feedback";
	}

}
