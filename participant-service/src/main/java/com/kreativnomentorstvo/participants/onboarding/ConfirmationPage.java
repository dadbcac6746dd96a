package com.kreativnomentorstvo.participants.onboarding;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.kreativnomentorstvo.participants.account.LinkRefused;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.Participants;
import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.participants.web.PageLocale;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The page the confirmation link opens: it asks her to confirm with a button, so that a mail
 * scanner that follows links confirms nothing, and then says what happens next.
 */
@Controller
@Hidden
@RequestMapping("/applications/confirm")
class ConfirmationPage {

	private final AddressConfirmation confirmation;

	private final ProgrammeAccess programmes;

	private final Participants participants;

	ConfirmationPage(AddressConfirmation confirmation, ProgrammeAccess programmes, Participants participants) {
		this.confirmation = confirmation;
		this.programmes = programmes;
		this.participants = participants;
	}

	@GetMapping
	String ask(@RequestParam(required = false) String token, Model model, HttpServletRequest request) {
		try {
			Participant applicant = confirmation.awaiting(token);
			return show(applicant, "pages/confirm-address", token, model, request);
		}
		catch (LinkRefused refused) {
			return refused(refused, model, request);
		}
	}

	@PostMapping
	String confirm(@RequestParam(required = false) String token, Model model, HttpServletRequest request) {
		try {
			Participant applicant = confirmation.confirm(token);
			return show(applicant, "pages/address-confirmed", null, model, request);
		}
		catch (LinkRefused refused) {
			return refused(refused, model, request);
		}
	}

	private String refused(LinkRefused refused, Model model, HttpServletRequest request) {
		refused.link()
			.flatMap(link -> participants.findById(link.recipientId()))
			.filter(applicant -> applicant.getDetails() != null)
			.ifPresent(applicant -> PageLocale.use(request, applicant.getDetails().preferredLocale()));
		return Pages.refused(refused, model);
	}

	private String show(Participant applicant, String view, String token, Model model, HttpServletRequest request) {
		PageLocale.use(request, applicant.getDetails().preferredLocale());
		model.addAttribute("programme", programmes.existing(applicant.getProgrammeId()).getName());
		model.addAttribute("token", token);
		return view;
	}

}
