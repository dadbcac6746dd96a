package com.kreativnomentorstvo.web.mentorships;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.api.ApiProblem;
import com.kreativnomentorstvo.web.api.Attempt;
import com.kreativnomentorstvo.web.participants.ProfileCards;

/**
 * A mentorship, the page its e-mails open: the pair (each one's profile card, with the address
 * once both accepted), their sessions, and the form to book the next
 * one in a time zone of the person's choosing (her own by default). A time the session service
 * refuses (it overlaps another of the pair's sessions, it lies in the past) comes back next to the
 * field it concerns, with everything typed kept.
 */
@Controller
class MentorshipController {

	private final Api api;

	private final ProfileCards cards;

	MentorshipController(Api api, ProfileCards cards) {
		this.api = api;
		this.cards = cards;
	}

	@GetMapping("/mentorships/{id}")
	String mentorship(@PathVariable String id, Model model) {
		Map<String, Object> mentorship = api.get("/api/v1/mentorships/{id}", id);
		model.addAttribute("mentorship", mentorship);
		model.addAttribute("cards", Map.of("mentor", cards.of(memberId(mentorship, "mentor")), "mentee",
				cards.of(memberId(mentorship, "mentee"))));
		model.addAttribute("sessions", api.page("/api/v1/mentorships/{id}/sessions?size=50", id).items());
		if (!model.containsAttribute("booking")) {
			model.addAttribute("booking", BookingForm.inTheZoneOf(mentorship));
		}
		return "mentorships/mentorship";
	}

	@PostMapping("/mentorships/{id}/sessions")
	String book(@PathVariable String id, @ModelAttribute("booking") BookingForm booking, Model model,
			RedirectAttributes redirect) {
		Attempt<Map<String, Object>> attempt = Attempt
			.of(() -> api.post("/api/v1/mentorships/{id}/sessions", booking.toRequest(), id));
		if (attempt.refused()) {
			model.addAttribute("problem", attempt.refusal());
			model.addAttribute("errors", errorsOf(attempt.refusal()));
			return mentorship(id, model);
		}
		redirect.addFlashAttribute("done", "session.booked");
		return "redirect:/sessions/" + attempt.value().get("id");
	}

	private static String memberId(Map<String, Object> mentorship, String side) {
		return mentorship.get(side) instanceof Map<?, ?> member && member.get("participantId") instanceof String id ? id
				: null;
	}

	/** The refusal's messages by the form's field; a refusal naming no field (an overlap) belongs to the start. */
	private static Map<String, String> errorsOf(ApiProblem refused) {
		Map<String, String> errors = new LinkedHashMap<>();
		refused.fields().forEach((field, message) -> errors.merge(BookingForm.fieldOf(field), message, (a, b) -> a + "; " + b));
		if (errors.isEmpty()) {
			errors.put("date", refused.detail() != null ? refused.detail() : refused.title());
		}
		return errors;
	}

}
