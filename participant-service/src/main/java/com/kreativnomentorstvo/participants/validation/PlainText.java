package com.kreativnomentorstvo.participants.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person typed: no control characters (line breaks and tabs only where {@link #multiline}),
 * and not only white space.
 */
@Documented
@Constraint(validatedBy = PlainText.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "must be text without control characters";

	/** Whether line breaks and tabs are allowed. */
	boolean multiline() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks every code point. */
	class Check implements ConstraintValidator<PlainText, String> {

		private boolean multiline;

		@Override
		public void initialize(PlainText annotation) {
			this.multiline = annotation.multiline();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || isPlain(value, multiline);
		}

		/** Whether the text is not blank and holds no control or unassigned characters (but line breaks if multiline). */
		public static boolean isPlain(String value, boolean multiline) {
			if (value.isBlank()) {
				return false;
			}
			return value.codePoints().noneMatch(c -> isControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
		}

		private static boolean isControl(int codePoint) {
			int type = Character.getType(codePoint);
			return type == Character.CONTROL || type == Character.FORMAT && codePoint != 0x200D
					|| type == Character.UNASSIGNED || type == Character.SURROGATE;
		}

	}

}
