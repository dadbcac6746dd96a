package com.kreativnomentorstvo.web.programmes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.api.Attempt;
import com.kreativnomentorstvo.web.signin.Person;

/**
 * A coordinator's programmes: the list, one programme with its dates, languages, milestones and
 * matching policy, a new programme, and a programme's changes with its matching policy (the weight
 * of each criterion, borders, places, answer days). The forms are checked by participant-service
 * alone; what it refuses is shown next to the field it names, with everything typed kept. A change
 * applies only to the version the coordinator opened: another's change in between is said, not
 * overwritten.
 */
@Controller
class ProgrammeController {

	private final Api api;

	ProgrammeController(Api api) {
		this.api = api;
	}

	@GetMapping("/programmes")
	String programmes(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("programmes", api.page("/api/v1/programmes?page={page}&size=20", Math.max(page, 0)));
		return "programmes/list";
	}

	@GetMapping("/programmes/{id}")
	String programme(@PathVariable String id, Model model) {
		model.addAttribute("programme", api.get("/api/v1/programmes/{id}", id));
		return "programmes/programme";
	}

	@GetMapping("/programmes/new")
	String form(Model model) {
		ProgrammeForm form = new ProgrammeForm();
		Person.current().ifPresent(person -> form.setOrganiserId(person.organisationId()));
		model.addAttribute("form", form);
		return "programmes/new";
	}

	@PostMapping("/programmes")
	String create(@ModelAttribute("form") ProgrammeForm form, Model model, RedirectAttributes redirect) {
		Attempt<Map<String, Object>> attempt = Attempt.of(() -> api.post("/api/v1/programmes", form.toRequest()));
		if (attempt.refused()) {
			model.addAttribute("problem", attempt.refusal());
			model.addAttribute("errors", ProgrammeForm.errorsByField(attempt.refusal()));
			return "programmes/new";
		}
		redirect.addFlashAttribute("done", "programme.created");
		return "redirect:/programmes/" + attempt.value().get("id");
	}

	@GetMapping("/programmes/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		Map<String, Object> programme = api.get("/api/v1/programmes/{id}", id);
		model.addAttribute("form", ProgrammeForm.of(programme));
		return editPage(programme, policyOf(programme), String.valueOf(programme.get("version")), model);
	}

	@PostMapping("/programmes/{id}/edit")
	String save(@PathVariable String id, @ModelAttribute("form") ProgrammeForm form,
			@RequestParam Map<String, String> typed, Model model, RedirectAttributes redirect) {
		Map<String, Object> policy = policyFrom(typed);
		Map<String, Object> changes = form.toChanges();
		changes.put("matchingPolicy", policy);
		String version = typed.getOrDefault("version", "");
		Attempt<?> attempt = Attempt
			.of(() -> api.patchIfMatch("/api/v1/programmes/{id}", changes, "\"" + version + "\"", id));
		if (attempt.refused()) {
			if (attempt.refusal().status() == 412) {
				model.addAttribute("changedMeanwhile", true);
			}
			else {
				model.addAttribute("problem", attempt.refusal());
				model.addAttribute("errors", ProgrammeForm.errorsOfEdit(attempt.refusal()));
			}
			return editPage(api.get("/api/v1/programmes/{id}", id), policy, version, model);
		}
		redirect.addFlashAttribute("done", "programme.saved");
		return "redirect:/programmes/" + id;
	}

	private static String editPage(Map<String, Object> programme, Map<String, Object> policy, String version,
			Model model) {
		model.addAttribute("programme", programme);
		model.addAttribute("policy", policy);
		model.addAttribute("weights", policy.get("weights"));
		model.addAttribute("version", version);
		return "programmes/edit";
	}

	/** The programme's matching policy with every setting the form shows. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> policyOf(Map<String, Object> programme) {
		Map<String, Object> stated = programme.get("matchingPolicy") instanceof Map<?, ?> map
				? (Map<String, Object>) map : Map.of();
		Map<String, Object> policy = new LinkedHashMap<>();
		policy.put("weights", stated.get("weights") instanceof Map<?, ?> weights ? new LinkedHashMap<>(weights)
				: new LinkedHashMap<>());
		for (String setting : List.of("crossBorder", "defaultMentorCapacity", "responseDays", "sameOrganisationAllowed",
				"fairnessFirst")) {
			policy.put(setting, stated.get(setting));
		}
		return policy;
	}

	/**
	 * The policy as typed: each {@code weight.<criterion>}, the border preference, the two numbers
	 * and the two choices (a box left empty is false). A number that is not one is passed on as typed,
	 * for the service to name.
	 */
	private static Map<String, Object> policyFrom(Map<String, String> typed) {
		Map<String, Object> weights = new LinkedHashMap<>();
		typed.forEach((name, value) -> {
			if (name.startsWith("weight.")) {
				weights.put(name.substring("weight.".length()), number(value));
			}
		});
		Map<String, Object> policy = new LinkedHashMap<>();
		policy.put("weights", weights);
		policy.put("crossBorder", typed.getOrDefault("crossBorder", "PREFER"));
		policy.put("defaultMentorCapacity", number(typed.get("defaultMentorCapacity")));
		policy.put("responseDays", number(typed.get("responseDays")));
		policy.put("sameOrganisationAllowed", "true".equals(typed.get("sameOrganisationAllowed")));
		policy.put("fairnessFirst", "true".equals(typed.get("fairnessFirst")));
		return policy;
	}

	private static Object number(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(typed.strip());
		}
		catch (NumberFormatException notANumber) {
			return typed;
		}
	}

}
