package com.kreativnomentorstvo.web.participants;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import com.kreativnomentorstvo.web.api.Attempt;
import com.kreativnomentorstvo.web.language.Language;

/**
 * A person's enrolment (the page the admission and enrolment e-mails open): her profile as the
 * services show it to the reader, her notification preferences (language, daily digest, quiet
 * hours, each kind by e-mail and in the inbox), the log of the e-mails sent to her, and the
 * download of all her data.
 */
@Controller
class ParticipantController {

	private final Api api;

	ParticipantController(Api api) {
		this.api = api;
	}

	@GetMapping("/participants/{id}")
	String participant(@PathVariable String id, Model model) {
		model.addAttribute("participant", api.get("/api/v1/participants/{id}", id));
		return "participants/participant";
	}

	/**
	 * The e-mails sent to her, newest first: when, which message, to which address, delivered or not
	 * and why, so that a coordinator can answer "did she get the invitation?" (herself and her
	 * steward's coordinators only).
	 */
	@GetMapping("/participants/{id}/deliveries")
	String deliveries(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("participant", api.get("/api/v1/participants/{id}", id));
		model.addAttribute("deliveries",
				api.page("/api/v1/notifications/deliveries?recipientId={id}&page={page}&size=20", id, Math.max(page, 0)));
		return "participants/deliveries";
	}

	@GetMapping("/participants/{id}/notification-preferences")
	String preferences(@PathVariable String id, Model model) {
		model.addAttribute("participantId", id);
		model.addAttribute("preferences", api.get("/api/v1/participants/{id}/notification-preferences", id));
		model.addAttribute("languages", Language.all());
		return "participants/preferences";
	}

	@PostMapping("/participants/{id}/notification-preferences")
	String savePreferences(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		Attempt<?> attempt = Attempt
			.of(() -> api.put("/api/v1/participants/{id}/notification-preferences", PreferencesForm.request(form), id));
		if (attempt.refused()) {
			model.addAttribute("problem", attempt.refusal());
			return preferences(id, model);
		}
		redirect.addFlashAttribute("done", "preferences.saved");
		return "redirect:/participants/" + id + "/notification-preferences";
	}

	/** Her consent: what she agreed to and when, its history, and withdrawing it. */
	@GetMapping("/participants/{id}/consent")
	String consent(@PathVariable String id, Model model) {
		model.addAttribute("participantId", id);
		model.addAttribute("consent", api.get("/api/v1/participants/{id}/consent", id));
		return "participants/consent";
	}

	@PostMapping("/participants/{id}/consent/withdrawal")
	String withdrawConsent(@PathVariable String id, @RequestParam(required = false) String confirm,
			RedirectAttributes redirect) {
		if (!"yes".equals(confirm)) {
			redirect.addFlashAttribute("confirmMissing", true);
			return "redirect:/participants/" + id + "/consent";
		}
		api.delete("/api/v1/participants/{id}/consent", id);
		redirect.addFlashAttribute("done", "consent.withdrawn");
		return "redirect:/participants/" + id + "/consent";
	}

	/** Erasing her enrolment and everything the platform holds about it, after she confirms. */
	@GetMapping("/participants/{id}/erasure")
	String erasure(@PathVariable String id, Model model) {
		model.addAttribute("participant", api.get("/api/v1/participants/{id}", id));
		return "participants/erasure";
	}

	@PostMapping("/participants/{id}/erasure")
	String erase(@PathVariable String id, @RequestParam(required = false) String confirm, RedirectAttributes redirect) {
		if (!"yes".equals(confirm)) {
			redirect.addFlashAttribute("confirmMissing", true);
			return "redirect:/participants/" + id + "/erasure";
		}
		api.delete("/api/v1/participants/{id}", id);
		redirect.addFlashAttribute("done", "erasure.done");
		return "redirect:/";
	}

	/** Everything the platform holds about her enrolment, as the participant service exports it. */
	@GetMapping("/participants/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable String id) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("my-data-" + id + ".json").build().toString())
			.body(api.bytes("/api/v1/participants/{id}/export", id));
	}

	/** The preferences form as the request notification-service reads. */
	static final class PreferencesForm {

		static Map<String, Object> request(Map<String, String> form) {
			Map<String, Object> request = new LinkedHashMap<>();
			put(request, "locale", form.get("locale"));
			put(request, "digest", form.get("digest"));
			put(request, "digestAt", form.get("digestAt"));
			String from = form.getOrDefault("quietFrom", "");
			String to = form.getOrDefault("quietTo", "");
			if (!from.isBlank() || !to.isBlank()) {
				Map<String, String> quiet = new LinkedHashMap<>();
				quiet.put("from", from);
				quiet.put("to", to);
				request.put("quietHours", quiet);
			}
			Map<String, Object> kinds = new LinkedHashMap<>();
			for (String kind : List.copyOf(form.keySet())) {
				if (kind.startsWith("kind.")) {
					String name = kind.substring("kind.".length());
					Map<String, Boolean> choice = new LinkedHashMap<>();
					choice.put("email", form.containsKey("email." + name));
					choice.put("inApp", form.containsKey("inApp." + name));
					kinds.put(name, choice);
				}
			}
			if (!kinds.isEmpty()) {
				request.put("kinds", kinds);
			}
			return request;
		}

		private static void put(Map<String, Object> request, String field, String value) {
			if (value != null && !value.isBlank()) {
				request.put(field, value.trim());
			}
		}

		private PreferencesForm() {
		}

	}

}
