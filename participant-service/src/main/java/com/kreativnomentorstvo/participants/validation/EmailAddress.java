package com.kreativnomentorstvo.participants.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An e-mail address a message can be delivered to: RFC 5321 length, a local part and a domain
 * with at least one dot, no spaces.
 */
@Documented
@Constraint(validatedBy = {})
@Email
@Size(max = 254)
@Pattern(regexp = EmailAddress.PATTERN)
@ReportAsSingleViolation
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

	/** A local part of at most 64 characters, an at sign, and a domain with at least one dot. */
	String PATTERN = "[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+";

	String message() default "{validation.email}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
