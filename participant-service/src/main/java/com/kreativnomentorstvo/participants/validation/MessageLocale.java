package com.kreativnomentorstvo.participants.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** One of the locales the platform writes messages in: en, sr-Latn, sr-Cyrl, hr, mk, sl. */
@Documented
@Constraint(validatedBy = MessageLocale.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface MessageLocale {

	/** The locales of the notification templates. */
	List<String> SUPPORTED = List.of("en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl");

	String message() default "{validation.locale}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks membership in {@link MessageLocale#SUPPORTED}. */
	class Check implements ConstraintValidator<MessageLocale, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || SUPPORTED.contains(value);
		}

	}

}
