package com.kreativnomentorstvo.web.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.inbox.Messages;
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

	private final Messages messages;

	HomeController(Api api, Enrolments enrolmentsOf, Messages messages) {
		this.api = api;
		this.enrolmentsOf = enrolmentsOf;
		this.messages = messages;
	}

	@GetMapping("/")
	String home(Model model) {
		Optional<Person> signedIn = Person.current();
		if (signedIn.isEmpty()) {
			return "welcome";
		}
		Person person = signedIn.get();
		model.addAttribute("unread", messages.page(0, 5, true).items());
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

}
