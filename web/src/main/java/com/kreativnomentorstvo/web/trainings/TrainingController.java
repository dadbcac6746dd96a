package com.kreativnomentorstvo.web.trainings;

import java.util.Map;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kreativnomentorstvo.web.api.Api;

/**
 * A training or another programme event (the page its invitation opens): when and where, the
 * person's answer (yes, no, maybe) and the calendar entry.
 */
@Controller
class TrainingController {

	static final Set<String> ANSWERS = Set.of("YES", "NO", "MAYBE");

	private final Api api;

	TrainingController(Api api) {
		this.api = api;
	}

	@GetMapping("/programmes/{programme}/events/{event}")
	String event(@PathVariable String programme, @PathVariable String event, Model model) {
		model.addAttribute("event", api.get("/api/v1/programmes/{p}/events/{e}", programme, event));
		model.addAttribute("programmeId", programme);
		return "trainings/event";
	}

	@PostMapping("/programmes/{programme}/events/{event}/rsvp")
	String answer(@PathVariable String programme, @PathVariable String event, @RequestParam(required = false) String response,
			RedirectAttributes redirect) {
		if (response == null || !ANSWERS.contains(response)) {
			redirect.addFlashAttribute("answerMissing", true);
		}
		else {
			api.put("/api/v1/programmes/{p}/events/{e}/rsvp", Map.of("response", response), programme, event);
			redirect.addFlashAttribute("done", "event.answered");
		}
		return "redirect:/programmes/" + programme + "/events/" + event;
	}

	@GetMapping("/programmes/{programme}/events/{event}/calendar.ics")
	ResponseEntity<byte[]> calendar(@PathVariable String programme, @PathVariable String event) {
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("text/calendar;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("event-" + event + ".ics").build().toString())
			.body(api.bytes("/api/v1/programmes/{p}/events/{e}/calendar.ics", programme, event));
	}

}
