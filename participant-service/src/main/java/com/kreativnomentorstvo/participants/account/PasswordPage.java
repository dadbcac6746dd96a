package com.kreativnomentorstvo.participants.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.web.PageLocale;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The page the links of invitations, admissions and password resets open: choose a password (twice),
 * then sign in. A link that does not work says why.
 */
@Controller
@Hidden
@RequestMapping("/account/password")
class PasswordPage {

	private final Passwords passwords;

	private final IdentityProvider provider;

	private final String signInUrl;

	PasswordPage(Passwords passwords, IdentityProvider provider, ParticipantServiceProperties properties) {
		this.passwords = passwords;
		this.provider = provider;
		this.signInUrl = properties.accounts().signInUrl();
	}

	@GetMapping
	String ask(@RequestParam(required = false) String token, Model model, HttpServletRequest request) {
		try {
			AccountLink link = passwords.link(token);
			inLanguageOf(link, request);
			model.addAttribute("token", token);
			return "pages/set-password";
		}
		catch (LinkRefused refused) {
			return refused(refused, model, request);
		}
	}

	@PostMapping
	String set(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
			@RequestParam(required = false) String repeat, Model model, HttpServletRequest request) {
		AccountLink link;
		try {
			link = passwords.link(token);
		}
		catch (LinkRefused refused) {
			return refused(refused, model, request);
		}
		inLanguageOf(link, request);
		model.addAttribute("token", token);
		if (password == null || !password.equals(repeat)) {
			model.addAttribute("errorKey", "password.mismatch");
			return "pages/set-password";
		}
		try {
			passwords.set(token, password);
		}
		catch (LinkRefused refused) {
			return refused(refused, model, request);
		}
		catch (WeakPassword weak) {
			model.addAttribute("errorKey", weak.messageKey());
			return "pages/set-password";
		}
		catch (IdentityProviderUnavailable down) {
			model.addAttribute("titleKey", "error.title");
			model.addAttribute("messageKey", "error.unavailable");
			return "pages/message";
		}
		model.addAttribute("signInUrl", signInUrl);
		return "pages/password-set";
	}

	private void inLanguageOf(AccountLink link, HttpServletRequest request) {
		try {
			provider.find(link.accountId()).ifPresent(account -> PageLocale.use(request, account.locale()));
		}
		catch (IdentityProviderUnavailable down) {
			// the browser's language will do
		}
	}

	private String refused(LinkRefused refused, Model model, HttpServletRequest request) {
		refused.link().ifPresent(link -> inLanguageOf(link, request));
		model.addAttribute("titleKey", "link.refused.title");
		model.addAttribute("messageKey", refused.reason().messageKey());
		return "pages/message";
	}

}
