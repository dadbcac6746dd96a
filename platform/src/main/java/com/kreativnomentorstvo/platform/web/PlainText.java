package com.kreativnomentorstvo.platform.web;

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
 * Text a person typed, which ends up in e-mails, webhooks, exports and calendar files: no control
 * characters, which could break a calendar's or a header's lines or smuggle in properties (CR and LF
 * among them), nor invisible formatting or unassigned characters. Where {@link #multiline} allows
 * line breaks and tabs, a line break is LF or CR LF, never a lone CR. Text of only white space is
 * refused unless {@link #allowBlank} (e.g. where an empty text removes a value).
 */
@Documented
@Constraint(validatedBy = PlainText.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "{field.plain-text}";

	/** Whether line breaks (LF or CR LF) and tabs are allowed. */
	boolean multiline() default false;

	/** Whether an empty text, or one of white space only, is allowed. */
	boolean allowBlank() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks every code point. */
	class Check implements ConstraintValidator<PlainText, String> {

		private boolean multiline;

		private boolean allowBlank;

		@Override
		public void initialize(PlainText annotation) {
			this.multiline = annotation.multiline();
			this.allowBlank = annotation.allowBlank();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || (allowBlank || !value.isBlank()) && isPlain(value, multiline);
		}

		/** Whether the text holds no control, formatting or unassigned characters (but line breaks if multiline). */
		public static boolean isPlain(String value, boolean multiline) {
			for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
				int c = value.codePointAt(i);
				boolean lineBreak = c == '\n' || c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n';
				if (isControl(c) && !(multiline && (lineBreak || c == '\t'))) {
					return false;
				}
			}
			return true;
		}

		private static boolean isControl(int codePoint) {
			int type = Character.getType(codePoint);
			return type == Character.CONTROL || type == Character.FORMAT && codePoint != 0x200D && codePoint != 0x200C
					|| type == Character.UNASSIGNED || type == Character.SURROGATE
					|| type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
		}

	}

}
