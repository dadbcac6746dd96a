package com.kreativnomentorstvo.web.programmes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
import com.kreativnomentorstvo.web.language.Language;

/**
 * A coordinator's announcements to her programme's cohort: what was sent, and the form to write
 * the next one to everyone, its mentors or its mentees, or one organisation, in the languages she
 * chooses (each filled language is one version; people read theirs, or the programme's first). A
 * refusal comes back beside the field it names, with everything typed kept.
 */
@Controller
class AnnouncementsController {

	static final List<String> LANGUAGES = Arrays.stream(Language.values()).map(Language::tag).toList();

	static final List<String> AUDIENCES = List.of("ALL", "MENTORS", "MENTEES");

	private final Api api;

	AnnouncementsController(Api api) {
		this.api = api;
	}

	@GetMapping("/programmes/{id}/announcements")
	String announcements(@PathVariable String id, Model model) {
		model.addAttribute("programme", api.get("/api/v1/programmes/{id}", id));
		model.addAttribute("sent", api.list("/api/v1/programmes/{id}/announcements", id));
		model.addAttribute("languages", Language.values());
		model.addAttribute("audiences", AUDIENCES);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of("audience", "ALL"));
		}
		return "programmes/announcements";
	}

	@PostMapping("/programmes/{id}/announcements")
	String send(@PathVariable String id, @RequestParam Map<String, String> fields, Model model,
			RedirectAttributes redirect) {
		Map<String, Object> texts = new LinkedHashMap<>();
		for (String language : LANGUAGES) {
			String subject = fields.getOrDefault("subject-" + language, "");
			String body = fields.getOrDefault("body-" + language, "");
			if (!subject.isBlank() || !body.isBlank()) {
				Map<String, String> text = new LinkedHashMap<>();
				text.put("subject", subject);
				text.put("body", body);
				texts.put(language, text);
			}
		}
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("audience", AUDIENCES.contains(fields.get("audience")) ? fields.get("audience") : "ALL");
		String organisation = fields.get("organisationId");
		if (organisation != null && !organisation.isBlank()) {
			request.put("organisationId", organisation);
		}
		request.put("texts", texts);
		Attempt<Map<String, Object>> attempt = Attempt
			.of(() -> api.post("/api/v1/programmes/{id}/announcements", request, id));
		if (attempt.refused()) {
			Map<String, String> errors = new LinkedHashMap<>();
			attempt.refusal().fields().forEach((field, message) -> errors.put(formField(field), message));
			if (errors.isEmpty()) {
				errors.put("texts", attempt.refusal().detail());
			}
			model.addAttribute("errors", errors);
			model.addAttribute("form", fields);
			return announcements(id, model);
		}
		redirect.addFlashAttribute("done", "announcements.sent");
		redirect.addFlashAttribute("reached", attempt.value().get("recipients"));
		return "redirect:/programmes/" + id + "/announcements";
	}

	/** The form's field for a field the service names: {@code texts.hr.subject} is {@code subject-hr}. */
	static String formField(String field) {
		String[] parts = field.split("\\.");
		if (parts.length == 3 && parts[0].equals("texts")) {
			return parts[2] + "-" + parts[1];
		}
		return field;
	}

}
