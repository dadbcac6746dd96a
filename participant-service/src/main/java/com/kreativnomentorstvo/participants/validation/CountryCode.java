package com.kreativnomentorstvo.participants.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An ISO 3166-1 alpha-2 country code in upper case, e.g. {@code RS}; {@code XK} (Kosovo) is accepted too. */
@Documented
@Constraint(validatedBy = CountryCode.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface CountryCode {

	String message() default "{validation.country}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks membership in the JDK's list of ISO countries. */
	class Check implements ConstraintValidator<CountryCode, String> {

		private static final Set<String> CODES = codes();

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || CODES.contains(value);
		}

		/** Whether the code is a known country. */
		public static boolean isCountry(String code) {
			return CODES.contains(code);
		}

		private static Set<String> codes() {
			Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
			// user-assigned, but the code the EU and the region use for Kosovo
			codes.add("XK");
			return Set.copyOf(codes);
		}

	}

}
