package com.kreativnomentorstvo.web.matches;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.participants.ProfileCards;

/**
 * A mentee's recommended mentors, best first, each with the reasons and her free places, and the
 * request for one of them (the mentor then answers it as a proposal).
 */
@Controller
class RecommendationsController {

	private final Api api;

	private final ProfileCards profileCards;

	RecommendationsController(Api api, ProfileCards profileCards) {
		this.api = api;
		this.profileCards = profileCards;
	}

	@GetMapping("/participants/{id}/recommendations")
	String recommendations(@PathVariable String id, Model model) {
		List<Map<String, Object>> recommended = api.page("/api/v1/participants/{id}/recommendations?size=10", id).items();
		Map<String, Object> cards = new HashMap<>();
		for (Map<String, Object> recommendation : recommended) {
			String mentor = String.valueOf(recommendation.get("mentorId"));
			Map<String, Object> card = profileCards.of(mentor);
			if (!card.isEmpty()) {
				cards.put(mentor, card);
			}
		}
		model.addAttribute("participantId", id);
		model.addAttribute("recommendations", recommended);
		model.addAttribute("cards", cards);
		return "matches/recommendations";
	}

	@PostMapping("/participants/{id}/match-requests")
	String request(@PathVariable String id, @RequestParam String mentorId) {
		Map<String, Object> match = api.post("/api/v1/participants/{id}/match-requests", Map.of("mentorId", mentorId), id);
		return "redirect:/matches/" + match.get("id");
	}

}
