package com.kreativnomentorstvo.participants.onboarding;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.kreativnomentorstvo.participants.validation.EmailAddress;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Hidden;

/** The "forgot your password?" page: an address in, a link to set a new password out (if it has an account). */
@Controller
@Hidden
@RequestMapping("/account/reset")
class ResetPage {

	private final PasswordResets resets;

	ResetPage(PasswordResets resets) {
		this.resets = resets;
	}

	@GetMapping
	String ask() {
		return "pages/reset-password";
	}

	@PostMapping
	String request(@RequestParam(required = false) String email, Model model, HttpServletRequest request) {
		if (email == null || email.strip().length() > 254 || !email.strip().matches(EmailAddress.PATTERN)) {
			model.addAttribute("errorKey", "reset.invalid-email");
			model.addAttribute("email", email);
			return "pages/reset-password";
		}
		try {
			resets.request(email.strip(), ClientAddress.of(request));
		}
		catch (TooManyRequests tooMany) {
			model.addAttribute("titleKey", "error.title");
			model.addAttribute("messageKey", "error.too-many");
			return "pages/message";
		}
		model.addAttribute("titleKey", "reset.done.title");
		model.addAttribute("messageKey", "reset.done.text");
		return "pages/message";
	}

}
