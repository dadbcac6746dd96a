package com.kreativnomentorstvo.web.matches;

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
import com.kreativnomentorstvo.web.participants.Enrolments;
import com.kreativnomentorstvo.web.participants.ProfileCards;
import com.kreativnomentorstvo.web.signin.Person;

/**
 * A proposed or agreed match, the page the e-mail and inbox item of a proposal open: the other
 * person's profile card, the reasons the match was proposed (each criterion's points as a bar with
 * its number and its explanation, so nothing is told by length or colour alone), and for a proposal
 * still open, accept or decline with a reason.
 */
@Controller
class MatchController {

	static final Set<String> DECLINE_REASONS = Set.of("NO_TIME", "NOT_A_FIT", "CONFLICT_OF_INTEREST", "OTHER");

	private final Api api;

	private final Enrolments enrolments;

	private final ProfileCards cards;

	MatchController(Api api, Enrolments enrolments, ProfileCards cards) {
		this.api = api;
		this.enrolments = enrolments;
		this.cards = cards;
	}

	@GetMapping("/matches/{id}")
	String match(@PathVariable String id, Model model) {
		Map<String, Object> match = api.get("/api/v1/matches/{id}", id);
		model.addAttribute("match", match);
		model.addAttribute("mentor", cards.of((String) match.get("mentorId")));
		model.addAttribute("mentee", cards.of((String) match.get("menteeId")));
		model.addAttribute("declineReasons", DECLINE_REASONS.stream().sorted().toList());
		Person person = Person.current().orElseThrow();
		model.addAttribute("mine", enrolledAs(person, match));
		return "matches/match";
	}

	@PostMapping("/matches/{id}/accept")
	String accept(@PathVariable String id, RedirectAttributes redirect) {
		api.post("/api/v1/matches/{id}/accept", null, id);
		redirect.addFlashAttribute("done", "match.accepted");
		return "redirect:/matches/" + id;
	}

	@PostMapping("/matches/{id}/decline")
	String decline(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		if (reason == null || !DECLINE_REASONS.contains(reason)) {
			redirect.addFlashAttribute("reasonMissing", true);
			return "redirect:/matches/" + id;
		}
		api.post("/api/v1/matches/{id}/decline", Map.of("reason", reason), id);
		redirect.addFlashAttribute("done", "match.declined");
		return "redirect:/matches/" + id;
	}

	/** Whether the person answers this match herself (she is its mentor or its mentee). */
	private boolean enrolledAs(Person person, Map<String, Object> match) {
		return enrolments.of(person)
			.stream()
			.anyMatch(participant -> participant.get("id").equals(match.get("mentorId"))
					|| participant.get("id").equals(match.get("menteeId")));
	}

}
