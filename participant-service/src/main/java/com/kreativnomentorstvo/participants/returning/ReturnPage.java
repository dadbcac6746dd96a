package com.kreativnomentorstvo.participants.returning;

import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.kreativnomentorstvo.participants.account.LinkRefused;
import com.kreativnomentorstvo.participants.participant.ProfileDetails;
import com.kreativnomentorstvo.participants.participant.SkillLevel;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.web.PageLocale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The page the "return as a mentor" link opens: it shows what carries over into the next cycle and
 * asks her to click one button (a mail scanner that follows links enrols nobody); the click is her
 * consent, and the page says so. A refused link answers 422 with the reason.
 */
@Controller
@Hidden
@RequestMapping("/account/return")
class ReturnPage {

	private final Returning returning;

	ReturnPage(Returning returning) {
		this.returning = returning;
	}

	@GetMapping
	String ask(@RequestParam(required = false) String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			Returning.Offer offer = returning.offer(token);
			ProfileDetails details = offer.mentor().getDetails();
			PageLocale.use(request, details.preferredLocale());
			programme(offer.programme(), model);
			model.addAttribute("skills",
					details.skills().stream().map(SkillLevel::code).collect(Collectors.joining(", ")));
			model.addAttribute("languages", String.join(", ", details.languages()));
			model.addAttribute("country", details.country());
			model.addAttribute("city", details.city());
			model.addAttribute("format", details.format());
			model.addAttribute("capacity", details.capacity());
			model.addAttribute("token", token);
			return "pages/return-as-mentor";
		}
		catch (LinkRefused refused) {
			return refused(refused, model, request, response);
		}
	}

	@PostMapping
	String accept(@RequestParam(required = false) String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			Returning.Outcome outcome = returning.accept(token);
			PageLocale.use(request, outcome.enrolment().getDetails().preferredLocale());
			programme(outcome.programme(), model);
			model.addAttribute("titleKey", outcome.already() ? "return.already.title" : "return.done.title");
			model.addAttribute("messageKey", outcome.already() ? "return.already.text" : "return.done.text");
			return "pages/returned";
		}
		catch (LinkRefused refused) {
			return refused(refused, model, request, response);
		}
	}

	private static void programme(Programme programme, Model model) {
		model.addAttribute("programme", programme.getName());
		model.addAttribute("startsOn", programme.getStartsOn());
		model.addAttribute("endsOn", programme.getEndsOn());
	}

	private String refused(LinkRefused refused, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		returning.recipientOf(refused)
			.ifPresent(mentor -> PageLocale.use(request, mentor.getDetails().preferredLocale()));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("titleKey", "link.refused.title");
		model.addAttribute("messageKey", refused.reason().messageKey());
		return "pages/message";
	}

}
