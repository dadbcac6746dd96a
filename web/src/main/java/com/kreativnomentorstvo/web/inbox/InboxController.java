package com.kreativnomentorstvo.web.inbox;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import com.kreativnomentorstvo.web.api.Api;

/**
 * The person's messages, newest first, each with the link to the page it is about. Marking one
 * read is an htmx request that swaps that one message; without scripts, the form reloads the page.
 */
@Controller
class InboxController {

	private final Api api;

	InboxController(Api api) {
		this.api = api;
	}

	@GetMapping("/inbox")
	String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("messages", api.page("/api/v1/notifications?page={page}&size=20", Math.max(page, 0)));
		return "inbox/inbox";
	}

	@PostMapping("/inbox/{id}/read")
	String read(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		model.addAttribute("message", api.post("/api/v1/notifications/{id}/read", null, id));
		return htmx != null ? "inbox/message :: message" : "redirect:/inbox";
	}

	@PostMapping("/inbox/read-all")
	String readAll() {
		api.post("/api/v1/notifications/read-all", null);
		return "redirect:/inbox";
	}

}
