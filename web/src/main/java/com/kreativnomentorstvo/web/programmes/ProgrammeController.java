package com.kreativnomentorstvo.web.programmes;

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
import com.kreativnomentorstvo.web.api.ApiProblem;
import com.kreativnomentorstvo.web.signin.Person;

/**
 * A coordinator's programmes: the list, one programme with its dates, languages, milestones and
 * matching policy, and a new programme. The form is checked by participant-service alone; what it
 * refuses is shown next to the field it names, with everything typed kept.
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
		Map<String, Object> created;
		try {
			created = api.post("/api/v1/programmes", form.toRequest());
		}
		catch (ApiProblem refused) {
			if (refused.isAboutTheInput()) {
				model.addAttribute("problem", refused);
				model.addAttribute("errors", ProgrammeForm.errorsByField(refused));
				return "programmes/new";
			}
			throw refused;
		}
		redirect.addFlashAttribute("done", "programme.created");
		return "redirect:/programmes/" + created.get("id");
	}

}
