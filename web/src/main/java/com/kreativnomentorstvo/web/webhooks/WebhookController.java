package com.kreativnomentorstvo.web.webhooks;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kreativnomentorstvo.web.api.Api;

/**
 * A webhook subscription (the page its "disabled" notice opens): where it delivers, its state, the
 * delivery log with each attempt's answer, re-delivery of one delivery, and switching it on again.
 */
@Controller
class WebhookController {

	private final Api api;

	WebhookController(Api api) {
		this.api = api;
	}

	@GetMapping("/webhooks/{id}")
	String webhook(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("webhook", api.get("/api/v1/webhooks/{id}", id));
		model.addAttribute("deliveries", api.page("/api/v1/webhooks/{id}/deliveries?page={page}&size=20", id, Math.max(page, 0)));
		return "webhooks/webhook";
	}

	@PostMapping("/webhooks/{id}/deliveries/{delivery}/redeliver")
	String redeliver(@PathVariable String id, @PathVariable String delivery, RedirectAttributes redirect) {
		api.post("/api/v1/webhooks/{id}/deliveries/{delivery}/redeliver", Map.of(), id, delivery);
		redirect.addFlashAttribute("done", "webhook.redelivered");
		return "redirect:/webhooks/" + id;
	}

	@PostMapping("/webhooks/{id}/enable")
	String enable(@PathVariable String id, RedirectAttributes redirect) {
		api.post("/api/v1/webhooks/{id}/enable", Map.of(), id);
		redirect.addFlashAttribute("done", "webhook.enabled");
		return "redirect:/webhooks/" + id;
	}

}
