package com.kreativnomentorstvo.participants.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A language as a BCP 47 tag of an ISO 639 language with an optional script and region, e.g.
 * {@code en}, {@code hr}, {@code sr-Latn} or {@code sr-Cyrl} (Serbian in its two scripts are
 * distinct languages here).
 */
@Documented
@Constraint(validatedBy = LanguageTag.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageTag {

	String message() default "{validation.language-tag}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the tag's shape and that its language is an ISO 639 language. */
	class Check implements ConstraintValidator<LanguageTag, String> {

		private static final Pattern SHAPE = Pattern.compile("([a-z]{2,3})(-[A-Z][a-z]{3})?(-[A-Z]{2}|-[0-9]{3})?");

		private static final Set<String> LANGUAGES = Set.copyOf(Set.of(Locale.getISOLanguages()));

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			Matcher matcher = SHAPE.matcher(value);
			return matcher.matches() && LANGUAGES.contains(matcher.group(1));
		}

		/** The language without script or region: {@code sr} for {@code sr-Cyrl}. */
		public static String primaryLanguage(String tag) {
			int dash = tag.indexOf('-');
			return dash < 0 ? tag : tag.substring(0, dash);
		}

	}

}
