package com.kreativnomentorstvo.web.mentorships;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.api.Attempt;
import com.kreativnomentorstvo.web.participants.Enrolments;
import com.kreativnomentorstvo.web.signin.Person;

/**
 * The pair's private thread, the page a new-message notice opens: the latest messages, oldest
 * first, each with its author and time in the reader's own zone, and the form to write the next
 * one. The page refreshes its thread while it is open. A text the service refuses (empty, too long,
 * the thread full, the pair ended) comes back beside the field with what was typed.
 */
@Controller
class MessageThreadController {

	static final int SHOWN = 50;

	private final Api api;

	private final Enrolments enrolments;

	MessageThreadController(Api api, Enrolments enrolments) {
		this.api = api;
		this.enrolments = enrolments;
	}

	@GetMapping("/mentorships/{id}/messages")
	String thread(@PathVariable String id, Model model) {
		Map<String, Object> mentorship = api.get("/api/v1/mentorships/{id}", id);
		List<Map<String, Object>> newestFirst = api
			.page("/api/v1/mentorships/{id}/messages?size=" + SHOWN, id)
			.items();
		List<Map<String, Object>> messages = new ArrayList<>(newestFirst);
		Collections.reverse(messages);
		Set<String> mine = enrolments.of(Person.current().orElseThrow())
			.stream()
			.map(enrolment -> String.valueOf(enrolment.get("id")))
			.collect(Collectors.toSet());
		model.addAttribute("mentorship", mentorship);
		model.addAttribute("messages", messages);
		model.addAttribute("names", Map.of(memberId(mentorship, "mentor"), memberName(mentorship, "mentor"),
				memberId(mentorship, "mentee"), memberName(mentorship, "mentee")));
		model.addAttribute("mine", mine);
		model.addAttribute("zone", myZone(mentorship, mine));
		model.addAttribute("maxLength", 4000);
		return "mentorships/messages";
	}

	@PostMapping("/mentorships/{id}/messages")
	String write(@PathVariable String id, @RequestParam(required = false) String text, Model model,
			RedirectAttributes redirect) {
		Attempt<Map<String, Object>> attempt = Attempt
			.of(() -> api.post("/api/v1/mentorships/{id}/messages", Map.of("text", text == null ? "" : text), id));
		if (attempt.refused()) {
			String message = attempt.refusal().fields().getOrDefault("text",
					attempt.refusal().fields().getOrDefault("messages", attempt.refusal().detail()));
			model.addAttribute("error", message);
			model.addAttribute("text", text);
			return thread(id, model);
		}
		redirect.addFlashAttribute("done", "messages.sent");
		return "redirect:/mentorships/" + id + "/messages#write";
	}

	private static String memberId(Map<String, Object> mentorship, String side) {
		return mentorship.get(side) instanceof Map<?, ?> member && member.get("participantId") instanceof String id ? id
				: side;
	}

	private static String memberName(Map<String, Object> mentorship, String side) {
		return mentorship.get(side) instanceof Map<?, ?> member && member.get("name") instanceof String name ? name
				: "";
	}

	/** The reader's own time zone as the pair's record has it (UTC if none). */
	private static String myZone(Map<String, Object> mentorship, Set<String> mine) {
		for (String side : new String[] { "mentor", "mentee" }) {
			if (mentorship.get(side) instanceof Map<?, ?> member && mine.contains(member.get("participantId"))
					&& member.get("timeZone") instanceof String zone) {
				return zone;
			}
		}
		return null;
	}

}
