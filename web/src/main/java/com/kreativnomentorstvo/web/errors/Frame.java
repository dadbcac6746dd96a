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

	/**
	 * A date or a moment the API answers (ISO 8601) as the person reads dates in her language; a
	 * moment is shown on its day in the zone given (the programme's, the session's), else in UTC.
	 */
	public String day(Object iso, Object zone) {
		if (!(iso instanceof String text) || text.isBlank()) {
			return "";
		}
		java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter
			.ofLocalizedDate(java.time.format.FormatStyle.LONG)
			.withLocale(language().locale());
		try {
			if (text.length() == 10) {
				return java.time.LocalDate.parse(text).format(format);
			}
			java.time.ZoneId in = zone instanceof String name && !name.isBlank() ? java.time.ZoneId.of(name)
					: java.time.ZoneOffset.UTC;
			return java.time.OffsetDateTime.parse(text).atZoneSameInstant(in).format(format);
		}
		catch (java.time.DateTimeException notADate) {
			return text;
		}
	}

	/** A moment the API answers (ISO 8601) as a date and a time in the person's language, in the zone given. */
	public String when(Object iso, Object zone) {
		if (!(iso instanceof String text) || text.isBlank()) {
			return "";
		}
		java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter
			.ofLocalizedDateTime(java.time.format.FormatStyle.LONG, java.time.format.FormatStyle.SHORT)
			.withLocale(language().locale());
		try {
			java.time.ZoneId in = zone instanceof String name && !name.isBlank() ? java.time.ZoneId.of(name)
					: java.time.ZoneOffset.UTC;
			return java.time.OffsetDateTime.parse(text).atZoneSameInstant(in).format(format);
		}
		catch (java.time.DateTimeException notAMoment) {
			return text;
		}
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
