package com.kreativnomentorstvo.web.inbox;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.kreativnomentorstvo.web.api.Api;

/**
 * The person's messages, newest first, each with the link to the page it is about. Marking one
 * read is an htmx request that swaps that one message; without scripts, the form reloads the page.
 * While the page is open, a new message appears without a reload (the list is fetched again when the
 * stream signals one, and announced politely to screen readers).
 */
@Controller
class InboxController {

	private final Api api;

	private final Messages messages;

	private final InboxRelay relay;

	InboxController(Api api, Messages messages, InboxRelay relay) {
		this.api = api;
		this.messages = messages;
		this.relay = relay;
	}

	@GetMapping("/inbox")
	String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("messages", messages.page(page, 20, false));
		return "inbox/inbox";
	}

	/** The list alone, which the page fetches again when the stream signals a new message. */
	@GetMapping("/inbox/messages")
	String messages(@RequestParam(defaultValue = "0") int page, Model model) {
		inbox(page, model);
		return "inbox/inbox :: messages";
	}

	/** Signals each new message while the inbox page is open (server-sent events). */
	@GetMapping(path = "/inbox/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream() {
		return relay.open();
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
