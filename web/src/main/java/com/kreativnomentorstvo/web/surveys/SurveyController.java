package com.kreativnomentorstvo.web.surveys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.api.Attempt;

/**
 * A survey she was asked to answer, the page her notice opens: each question in her language (a
 * rating from 1 to 5 and a choice as radio buttons, a text as a text area), the required ones marked;
 * once answered, what she answered. A refusal comes back beside the question it names, with
 * everything she chose kept.
 */
@Controller
class SurveyController {

	/** A field the service names for one answer: {@code answers[2].rating}. */
	private static final Pattern ANSWER_FIELD = Pattern.compile("answers\\[(\\d+)]\\..*");

	private final Api api;

	SurveyController(Api api) {
		this.api = api;
	}

	@GetMapping("/surveys/{id}")
	String survey(@PathVariable String id, Model model) {
		model.addAttribute("survey", api.get("/api/v1/survey-requests/{id}", id));
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
		}
		return "surveys/survey";
	}

	@PostMapping("/surveys/{id}")
	String answer(@PathVariable String id, @RequestParam Map<String, String> fields, Model model,
			RedirectAttributes redirect) {
		Map<String, Object> survey = api.get("/api/v1/survey-requests/{id}", id);
		List<Map<String, Object>> answers = new ArrayList<>();
		List<String> answered = new ArrayList<>();
		if (survey.get("questions") instanceof List<?> questions) {
			for (Object each : questions) {
				if (each instanceof Map<?, ?> question) {
					String questionId = String.valueOf(question.get("id"));
					String value = fields.getOrDefault("q-" + questionId, "").trim();
					if (!value.isEmpty()) {
						answers.add(answer(questionId, String.valueOf(question.get("kind")), value));
						answered.add(questionId);
					}
				}
			}
		}
		Attempt<?> attempt = Attempt
			.of(() -> api.post("/api/v1/survey-requests/{id}/answers", Map.of("answers", answers), id));
		if (attempt.refused()) {
			Map<String, String> errors = new LinkedHashMap<>();
			attempt.refusal().fields().forEach((field, message) -> {
				Matcher one = ANSWER_FIELD.matcher(field);
				int index = one.matches() ? Integer.parseInt(one.group(1)) : -1;
				errors.merge(index >= 0 && index < answered.size() ? "q-" + answered.get(index) : "answers", message,
						(a, b) -> a + " " + b);
			});
			if (errors.isEmpty()) {
				errors.put("answers", attempt.refusal().detail());
			}
			model.addAttribute("errors", errors);
			model.addAttribute("typed", fields);
			model.addAttribute("survey", survey);
			return "surveys/survey";
		}
		redirect.addFlashAttribute("done", "survey.thanks");
		return "redirect:/surveys/" + id;
	}

	/** Her answer as the service takes it: a rating as a number, a choice by its option's id, a text. */
	static Map<String, Object> answer(String questionId, String kind, String value) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("questionId", questionId);
		switch (kind) {
			case "RATING" -> answer.put("rating", value.matches("[0-9]{1,2}") ? Integer.parseInt(value) : value);
			case "CHOICE" -> answer.put("choice", value);
			default -> answer.put("text", value);
		}
		return answer;
	}

}
