package com.kreativnomentorstvo.participants.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/** A kebab-case code of a vocabulary, e.g. a taxonomy entry ({@code digital-tools}) or a consent scope. */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "(?=.{1,60}$)[a-z][a-z0-9]*(-[a-z0-9]+)*")
@ReportAsSingleViolation
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Code {

	String message() default "{validation.code}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
