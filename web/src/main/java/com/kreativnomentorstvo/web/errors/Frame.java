package com.kreativnomentorstvo.web.errors;

import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.kreativnomentorstvo.web.language.Language;
import com.kreativnomentorstvo.web.signin.Person;

/**
 * What every page's frame shows (templates read it as {@code @frame}): who is signed in, the
 * language of the page and the switch to the others. A bean rather than model attributes, so that
 * error pages, which get no model of the page that failed, show the same frame.
 */
@Component("frame")
public class Frame {

	public Person person() {
		return Person.current().orElse(null);
	}

	public Language language() {
		return Language.of(LocaleContextHolder.getLocale()).orElse(Language.EN);
	}

	public List<Language> languages() {
		return Language.all();
	}

	/** The path of the page being shown, for the language switch's links back to it. */
	public String path() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			Object original = servlet.getRequest().getAttribute("jakarta.servlet.error.request_uri");
			return original instanceof String uri ? uri : servlet.getRequest().getRequestURI();
		}
		return "/";
	}

}
