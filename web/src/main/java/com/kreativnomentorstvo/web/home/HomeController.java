package com.kreativnomentorstvo.web.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.api.ApiProblem;
import com.kreativnomentorstvo.web.api.Page;
import com.kreativnomentorstvo.web.participants.Enrolments;
import com.kreativnomentorstvo.web.signin.Person;

/**
 * The first page: a welcome with the sign-in button for someone not signed in; for a signed-in
 * person, what needs her next. A coordinator sees her programmes; a mentor or mentee her
 * proposals waiting for an answer, her mentorships, and her unread messages.
 */
@Controller
class HomeController {

	private final Api api;

	private final Enrolments enrolmentsOf;

	HomeController(Api api, Enrolments enrolmentsOf) {
		this.api = api;
		this.enrolmentsOf = enrolmentsOf;
	}

	@GetMapping("/")
	String home(Model model) {
		Optional<Person> signedIn = Person.current();
		if (signedIn.isEmpty()) {
			return "welcome";
		}
		Person person = signedIn.get();
		model.addAttribute("unread", unread());
		if (person.isCoordinator()) {
			model.addAttribute("programmes", api.page("/api/v1/programmes?size=50").items());
		}
		if (person.isParticipant()) {
			List<Map<String, Object>> enrolments = enrolmentsOf.of(person);
			List<Map<String, Object>> proposals = new ArrayList<>();
			for (Map<String, Object> enrolment : enrolments) {
				proposals.addAll(api.page("/api/v1/programmes/{programme}/matches?participantId={participant}&status=PROPOSED",
						enrolment.get("programmeId"), enrolment.get("id")).items());
			}
			model.addAttribute("enrolments", enrolments);
			model.addAttribute("proposals", proposals);
			model.addAttribute("mentorships", api.page("/api/v1/mentorships?status=ACTIVE&size=50").items());
		}
		return "home";
	}

	/** The newest unread messages; none for an account without an inbox of its own (an administrator). */
	private List<Map<String, Object>> unread() {
		try {
			Page page = api.page("/api/v1/notifications?unread=true&size=5");
			return page.items();
		}
		catch (ApiProblem noInbox) {
			if (noInbox.status() == 400 || noInbox.status() == 422) {
				return List.of();
			}
			throw noInbox;
		}
	}

}
