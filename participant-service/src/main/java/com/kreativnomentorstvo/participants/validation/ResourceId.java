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

/**
 * An id of an organisation, programme or participant: 2 to 64 lower-case letters, digits and
 * single hyphens, e.g. {@code p-demo-mentor-1} or {@code org-kultura-nova}.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = ResourceId.PATTERN)
@ReportAsSingleViolation
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ResourceId {

	/** Lower-case letters, digits and single hyphens, neither first nor last. */
	String PATTERN = "(?=.{2,64}$)[a-z0-9]+(-[a-z0-9]+)*";

	String message() default "{validation.resource-id}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
