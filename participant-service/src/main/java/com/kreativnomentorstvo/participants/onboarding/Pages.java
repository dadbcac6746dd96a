package com.kreativnomentorstvo.participants.onboarding;

import org.springframework.ui.Model;

import com.kreativnomentorstvo.participants.account.LinkRefused;

/** What every page says when its link does not work. */
final class Pages {

	private Pages() {
	}

	static String refused(LinkRefused refused, Model model) {
		model.addAttribute("titleKey", "link.refused.title");
		model.addAttribute("messageKey", refused.reason().messageKey());
		return "pages/message";
	}

}
