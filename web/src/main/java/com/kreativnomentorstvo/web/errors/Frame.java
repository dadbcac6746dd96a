package com.kreativnomentorstvo.web.errors;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
	 * A programme's name (as the API answers it) in the person's language when it has one there,
	 * else the name it has for every language.
	 */
	public String named(Object programme) {
		return written(programme, "name", "names");
	}

	/** A text the API answers with its versions ({@code text}, {@code texts}) in the person's language, else its text. */
	public String worded(Object resource) {
		return written(resource, "text", "texts");
	}

	/** A group event's title in the person's language when it has one there, else its title. */
	public String titled(Object event) {
		return written(event, "title", "titles");
	}

	private String written(Object resource, String field, String byLanguage) {
		if (!(resource instanceof Map<?, ?> shown)) {
			return "";
		}
		if (shown.get(byLanguage) instanceof Map<?, ?> texts && texts.get(language().tag()) instanceof String own
				&& !own.isBlank()) {
			return own;
		}
		Object text = shown.get(field);
		return text == null ? "" : String.valueOf(text);
	}

	/**
	 * A date or a moment the API answers (ISO 8601) as the person reads dates in her language; a
	 * moment is shown on its day in the zone given (the programme's, the session's), else in UTC.
	 */
	public String day(Object iso, Object zone) {
		if (iso instanceof String text && text.length() == 10) {
			try {
				return LocalDate.parse(text).format(localized(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)));
			}
			catch (DateTimeException notADate) {
				return text;
			}
		}
		return moment(iso, zone, DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG));
	}

	/**
	 * A country the API answers by its ISO code (e.g. {@code RS}) by its name in the person's
	 * language; anything that is no such code as it is.
	 */
	public String country(Object code) {
		if (code instanceof String text && text.matches("[A-Z]{2}")) {
			String name = new Locale("", text).getDisplayCountry(language().locale());
			return name.isBlank() || name.equals(text) ? text : name;
		}
		return code == null ? "" : String.valueOf(code);
	}

	/** A moment the API answers (ISO 8601) as a date and a time in the person's language, in the zone given. */
	public String when(Object iso, Object zone) {
		return moment(iso, zone, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT));
	}

	private String moment(Object iso, Object zone, DateTimeFormatter format) {
		if (!(iso instanceof String text) || text.isBlank()) {
			return "";
		}
		try {
			ZoneId in = zone instanceof String name && !name.isBlank() ? ZoneId.of(name) : ZoneOffset.UTC;
			return OffsetDateTime.parse(text).atZoneSameInstant(in).format(localized(format));
		}
		catch (DateTimeException notAMoment) {
			return text;
		}
	}

	private DateTimeFormatter localized(DateTimeFormatter format) {
		return format.withLocale(language().locale());
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
